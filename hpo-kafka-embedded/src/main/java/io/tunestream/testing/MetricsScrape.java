package io.tunestream.testing;

import static io.restassured.RestAssured.given;

import java.util.List;

/** One scrape of the tested service's /q/metrics (Prometheus text format), with the sum of the series that match. */
public record MetricsScrape(List<String> lines) {

    public static MetricsScrape now() {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return new MetricsScrape(text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList());
    }

    /** Whether a series named {@code name} exists whose labels contain {@code labelPart}. */
    public boolean has(String name, String labelPart) {
        return lines.stream().anyMatch(l -> matches(l, name, labelPart));
    }

    /** Whether a series whose name starts with {@code prefix} has labels containing {@code labelPart}. */
    public boolean hasPrefix(String prefix, String labelPart) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix) && l.contains(labelPart));
    }

    /** The sum of the series named {@code name} whose labels contain {@code labelPart}; 0 when none. */
    public double value(String name, String labelPart) {
        return lines.stream().filter(l -> matches(l, name, labelPart))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static boolean matches(String line, String name, String labelPart) {
        int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
        if (end < 0 || !line.substring(0, end).equals(name)) {
            return false;
        }
        String labels = line.indexOf('{') >= 0 ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
        return labels.contains(labelPart);
    }
}

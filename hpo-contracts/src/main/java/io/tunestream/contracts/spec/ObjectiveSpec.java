package io.tunestream.contracts.spec;

/** The metric a trial reports and whether lower or higher is better ("minimize" / "maximize"). */
public record ObjectiveSpec(String metric, String direction) {

    public boolean maximize() {
        return "maximize".equals(direction);
    }
}

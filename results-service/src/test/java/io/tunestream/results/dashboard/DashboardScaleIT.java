package io.tunestream.results.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.kafka.embedded.KafkaTestResource;
import io.tunestream.results.aggregation.ResultsLedger;

/**
 * The dashboard at scale: 5,000 trials of 50 epochs each (250,000 epoch reports), applied straight to
 * the ledger (the messaging is not what is measured here), then the study page in headless Chromium:
 * it must draw every trial and follow 50 more trials live. The times are measured and written to
 * target/dashboard-perf.json (the README quotes them); they are not asserted, the machine varies.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DashboardScaleIT {

    static final int TRIALS = 5_000;
    static final int EPOCHS = 50;
    static final int LIVE_TRIALS = 50;

    @Inject
    ResultsLedger ledger;

    @TestHTTPResource("/")
    URL base;

    @Test
    void fiveThousandTrialsOfFiftyEpochs() throws Exception {
        BrowserRun.requirePrerequisites();
        String studyId = "scale-5000";
        var feed = new StudyFeed(studyId, TRIALS + LIVE_TRIALS, EPOCHS, false, new LedgerSink(ledger));
        Instant t0 = Instant.now();
        long feedStart = System.nanoTime();
        feed.study(StudyState.RUNNING, t0);
        for (int n = 0; n < TRIALS; n++) {
            feed.trial(n, t0.plusMillis(n));
        }
        double feedMs = (System.nanoTime() - feedStart) / 1e6;

        var perf = new LinkedHashMap<String, Object>();
        perf.put("trials", TRIALS);
        perf.put("epochsPerTrial", EPOCHS);
        perf.put("ledgerFeedMs", Math.round(feedMs));
        perf.putAll(timeSnapshot(studyId, "first"));   // includes the importance fit
        perf.putAll(timeSnapshot(studyId, "cached"));  // importance reused

        var outcome = BrowserRun.run("scale", baseUrl(), studyId, LIVE_TRIALS, () -> {
            for (int n = TRIALS; n < TRIALS + LIVE_TRIALS; n++) {
                feed.trial(n, t0.plusMillis(n));
            }
        });
        assertThat(outcome.exitCode()).as("browser checks: %s", String.join("\n", outcome.output())).isZero();
        var browser = Json.mapper().readTree(outcome.result());
        assertThat(browser.path("initial").path("history").asInt()).isEqualTo(TRIALS);
        assertThat(browser.path("afterLive").path("history").asInt()).isEqualTo(TRIALS + LIVE_TRIALS);
        perf.put("browserPageLoadMs", browser.path("pageLoadMs").asLong());
        perf.put("browserFirstRenderMs", Math.round(browser.path("initial").path("loadMs").asDouble()));
        perf.put("browserLiveUpdateMs", browser.path("liveUpdateMs").asLong());
        perf.put("browserRenderOfLastDeltaMs", Math.round(browser.path("afterLive").path("lastUpdateMs").asDouble()));
        perf.put("browserUpdatesApplied", browser.path("afterLive").path("updates").asInt());
        Files.createDirectories(BrowserRun.SCREENSHOTS.getParent());
        Files.writeString(BrowserRun.SCREENSHOTS.getParent().resolve("dashboard-perf.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(perf));
        System.out.println("dashboard at scale: " + perf);
    }

    private Map<String, Object> timeSnapshot(String studyId, String label) throws IOException, InterruptedException {
        var http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/dashboard/studies/" + studyId)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long ms = Math.round((System.nanoTime() - start) / 1e6);
        assertThat(response.statusCode()).isEqualTo(200);
        var snapshot = Json.mapper().readTree(response.body());
        assertThat(snapshot.path("trials").size()).isEqualTo(TRIALS);
        var result = new LinkedHashMap<String, Object>();
        result.put("snapshotMs_" + label, ms);
        result.put("snapshotBytes", response.body().length);
        result.put("curvePointsPerTrial", snapshot.path("curvePointsPerTrial").asInt());
        return result;
    }

    private String baseUrl() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package io.tunestream.results.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.kafka.embedded.KafkaTestResource;

/**
 * The dashboard in a real browser (headless Chromium driven by playwright-core, see
 * src/test/browser/dashboard-test.mjs) against the service fed through the embedded Kafka broker:
 * the pages load, every chart draws as many points as the REST API implies, trials published while
 * the page is open arrive over server-sent events without a reload, and the trial page shows params,
 * curve, gap, worker and stop reason. Screenshots: target/dashboard-screenshots/.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DashboardBrowserIT {

    private static final int FIRST_TRIALS = 24;
    private static final int LIVE_TRIALS = 6;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL base;

    @Test
    void dashboardShowsAStudyAndFollowsItLive() throws Exception {
        BrowserRun.requirePrerequisites();
        String studyId = "browser-live";
        try (var kafka = new KafkaSink(bootstrapServers)) {
            var feed = new StudyFeed(studyId, FIRST_TRIALS + LIVE_TRIALS, 9, true, kafka);
            Instant t0 = Instant.now();
            feed.study(StudyState.RUNNING, t0);
            for (int n = 0; n < FIRST_TRIALS; n++) {
                feed.trial(n, t0.plusSeconds(n));
            }
            kafka.flush();
            awaitFinalTrials(studyId, FIRST_TRIALS);

            var outcome = BrowserRun.run("check", baseUrl(), studyId, LIVE_TRIALS, () -> {
                for (int n = FIRST_TRIALS; n < FIRST_TRIALS + LIVE_TRIALS; n++) {
                    feed.trial(n, t0.plusSeconds(n));
                }
                kafka.flush();
            });
            assertThat(outcome.exitCode()).as("browser checks: %s", String.join("\n", outcome.output())).isZero();
            assertThat(outcome.result()).contains("\"checks\"").doesNotContain("\"error\"");
        }
        for (String shot : new String[] {"studies.png", "study.png", "study-live.png", "trial.png"}) {
            assertThat(BrowserRun.SCREENSHOTS.resolve(shot)).exists();
            assertThat(Files.size(BrowserRun.SCREENSHOTS.resolve(shot))).isGreaterThan(10_000);
        }
    }

    private String baseUrl() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static void awaitFinalTrials(String studyId, int trials) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath summary = given().get("/api/studies/{id}", studyId).then().statusCode(200).extract().jsonPath();
            assertThat(summary.getInt("trials.total")).isEqualTo(trials);
            assertThat(summary.getInt("trials.running") + summary.getInt("trials.queued")).isZero();
        });
    }
}

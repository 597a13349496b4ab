package io.tunestream.results.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.kafka.embedded.KafkaTestResource;
import io.tunestream.results.aggregation.ResultsLedger;

/** The dashboard's endpoints and static files: snapshot, studies list, server-sent deltas, 404s. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DashboardResourceTest {

    @Inject
    ResultsLedger ledger;

    @TestHTTPResource("/")
    URL base;

    @Test
    void servesThePageAndEcharts() {
        given().get("/dashboard/").then().statusCode(200).body(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"));
        given().get("/dashboard/app.js").then().statusCode(200).body(containsString("EventSource"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
    }

    @Test
    void snapshotHasEveryTrialWithItsCurveRungsSpaceAndImportance() {
        var feed = new StudyFeed("dash-snapshot", 20, 9, true, new LedgerSink(ledger));
        feed.study(StudyState.RUNNING, Instant.now());
        for (int n = 0; n < 12; n++) {
            feed.trial(n, Instant.now());
        }
        JsonPath snapshot = given().get("/api/dashboard/studies/{id}", "dash-snapshot").then().statusCode(200).extract().jsonPath();
        assertThat(snapshot.getBoolean("full")).isTrue();
        assertThat(snapshot.getInt("totalTrials")).isEqualTo(12);
        assertThat(snapshot.getList("trials")).hasSize(12);
        assertThat(snapshot.getList("study.rungs", Integer.class)).containsExactly(1, 3);
        assertThat(snapshot.getString("study.algorithm")).isEqualTo("tpe");
        assertThat(snapshot.getString("study.scheduler")).isEqualTo("asha");
        assertThat(snapshot.getLong("study.epochsBudget")).isEqualTo(20L * 9);
        assertThat(snapshot.getList("study.params.name", String.class))
                .containsExactly("learning_rate", "momentum", "hidden_layers", "activation");
        // Trial 1 stopped at rung 1: its curve ends there. Trial 0 ran all 9 epochs.
        assertThat(snapshot.getList("trials.find { it.trialNumber == 1 }.curve")).hasSize(1);
        assertThat(snapshot.getString("trials.find { it.trialNumber == 1 }.state")).isEqualTo("STOPPED");
        assertThat(snapshot.getList("trials.find { it.trialNumber == 0 }.curve")).hasSize(9);
        assertThat(snapshot.getDouble("trials.find { it.trialNumber == 0 }.curve[8][1]")).isCloseTo(feed.valLoss(0, 9), within(1e-6));
        // Importances are fitted on the completed trials in the background (FanovaImportanceTest checks their values).
        snapshot = await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> given().get("/api/dashboard/studies/{id}", "dash-snapshot").then().statusCode(200).extract().jsonPath(),
                json -> json.get("importance") != null);
        assertThat(snapshot.getInt("importance.trials")).isEqualTo(snapshot.getInt("study.summary.trials.completed"));
        assertThat(snapshot.getList("importance.parameters.parameter", String.class))
                .containsExactlyInAnyOrder("learning_rate", "momentum", "hidden_layers", "activation");
        assertThat(snapshot.getList("importance.parameters.importance", Float.class).stream().mapToDouble(Float::doubleValue).sum())
                .isCloseTo(1.0, within(1e-3));

        JsonPath studies = given().get("/api/dashboard/studies").then().statusCode(200).extract().jsonPath();
        assertThat(studies.getString("find { it.summary.studyId == 'dash-snapshot' }.scheduler")).isEqualTo("asha");
        assertThat(studies.getInt("find { it.summary.studyId == 'dash-snapshot' }.summary.trials.total")).isEqualTo(12);
    }

    @Test
    void eventsSendOnlyWhatChangedAfterTheClientsVersion() throws Exception {
        var feed = new StudyFeed("dash-live", 20, 9, true, new LedgerSink(ledger));
        feed.study(StudyState.RUNNING, Instant.now());
        for (int n = 0; n < 5; n++) {
            feed.trial(n, Instant.now());
        }
        long version = given().get("/api/dashboard/studies/{id}", "dash-live").then().statusCode(200).extract().jsonPath().getLong("version");

        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/api/dashboard/studies/dash-live/events?since=" + version))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        var firstEvent = CompletableFuture.supplyAsync(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        JsonNode event = Json.mapper().readTree(line.substring(5).trim());
                        if (event.path("trials").size() > 0) { // an event may carry only new importances
                            return event;
                        }
                    }
                }
                throw new IllegalStateException("the stream ended without an event");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        feed.trial(5, Instant.now());
        JsonNode delta = firstEvent.get(30, TimeUnit.SECONDS);
        assertThat(delta.path("full").asBoolean()).isFalse();
        assertThat(delta.path("version").asLong()).isGreaterThan(version);
        assertThat(delta.path("totalTrials").asInt()).isEqualTo(6);
        assertThat(delta.path("trials").size()).isEqualTo(1);
        assertThat(delta.path("trials").get(0).path("trialNumber").asInt()).isEqualTo(5);
        assertThat(delta.path("trials").get(0).path("curve").size()).isEqualTo(feed.stopsAt(5) > 0 ? feed.stopsAt(5) : 9);
    }

    @Test
    void unknownStudyIs404() {
        given().get("/api/dashboard/studies/{id}", "nope").then().statusCode(404).body(containsString("study 'nope' not found"));
        given().get("/api/dashboard/studies/{id}/events", "nope").then().statusCode(404);
    }

}

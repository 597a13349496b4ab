package io.tunestream.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tunestream.cli.client.StubService.Answer;
import io.tunestream.cli.client.SuggesterClient.SpecFormat;
import io.tunestream.contracts.spec.FieldError;

/** The typed clients against a stub that answers what the services answer. */
class ClientsTest {

    private StubService stub;

    @BeforeEach
    void start() throws IOException {
        stub = new StubService();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    static String studyView(String state, int suggested, int running, int finished) {
        return """
                {"studyId":"demo-1","state":"%s","reason":null,"spec":{"name":"demo"},"trialsSuggested":%d,
                 "trialsRunning":%d,"trialsFinished":%d,"someFutureField":true}""".formatted(state, suggested, running, finished);
    }

    static String summary(int queued, int running, int completed, String best) {
        int total = queued + running + completed;
        return """
                {"studyId":"demo-1","name":"demo","state":"RUNNING","metric":"val_loss","direction":"minimize",
                 "trials":{"queued":%d,"running":%d,"completed":%d,"stopped":0,"failed":0,"total":%d},
                 "bestValue":%s,"bestTrialId":%s,"epochsUsed":42,"maxTrials":4}"""
                .formatted(queued, running, completed, total, best, best.equals("null") ? "null" : "\"demo-1-t2\"");
    }

    @Test
    void submitSendsTheDocumentWithItsContentTypeAndReadsTheView() {
        stub.answer("POST /api/studies", new Answer(201, studyView("RUNNING", 4, 0, 0)));
        var status = new SuggesterClient(stub.url()).submit("name: demo\n", SpecFormat.YAML);
        assertThat(status).isEqualTo(new StudyStatus("demo-1", "RUNNING", null, 4, 0, 0));
        assertThat(stub.received("POST /api/studies")).isEqualTo(new StubService.Received("application/yaml", "name: demo\n", null));
    }

    @Test
    void aRejectedSpecCarriesEveryFieldError() {
        stub.answer("POST /api/studies", new Answer(400, """
                {"errors":[{"field":"budget.maxTrials","message":"budget.maxTrials must be >= 1, but was 0"},
                           {"field":"name","message":"name is required"}]}"""));
        assertThatThrownBy(() -> new SuggesterClient(stub.url()).submit("{}", SpecFormat.JSON))
                .isInstanceOfSatisfying(SpecRejectedException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("budget.maxTrials", "budget.maxTrials must be >= 1, but was 0"),
                        new FieldError("name", "name is required")))
                .hasMessageContaining("budget.maxTrials must be >= 1, but was 0; name is required");
        assertThat(stub.received("POST /api/studies").contentType()).isEqualTo("application/json");
    }

    @Test
    void aBadRequestWithoutFieldErrorsStillExplainsItself() {
        stub.answer("POST /api/studies", new Answer(400, "Unsupported content"));
        assertThatThrownBy(() -> new SuggesterClient(stub.url()).submit("x", SpecFormat.YAML))
                .isInstanceOfSatisfying(SpecRejectedException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("", "Unsupported content")));
    }

    @Test
    void serverErrorsGarbageAndUnreachableServicesAreServiceUnavailable() throws IOException {
        stub.answer("GET /api/studies/demo-1", new Answer(500, "{\"details\":\"boom\"}"));
        assertThatThrownBy(() -> new SuggesterClient(stub.url()).study("demo-1"))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("suggester-service answered GET /api/studies/demo-1 with HTTP 500")
                .hasMessageContaining("boom");

        stub.answer("GET /api/studies/demo-2", new Answer(200, "<html>"));
        assertThatThrownBy(() -> new ResultsClient(stub.url()).summary("demo-2"))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("results-service answered GET /api/studies/demo-2 with JSON the CLI cannot read");

        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = URI.create("http://127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> new ResultsClient(unreachable).summary("demo-1"))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("results-service at " + unreachable + " is unreachable");
    }

    @Test
    void unknownStudiesAreEmptyAndStopSaysWhetherItStopped() {
        var results = new ResultsClient(stub.url());
        assertThat(results.summary("nope")).isEmpty();
        assertThat(results.best("nope")).isEmpty();
        assertThat(results.leaderboard("nope")).isEmpty();

        stub.answer("POST /api/studies/demo-1/stop", new Answer(200, studyView("STOPPED", 4, 0, 4)));
        stub.answer("POST /api/studies/demo-2/stop", new Answer(409, "{\"error\":\"already COMPLETED\"}"));
        var suggester = new SuggesterClient(stub.url());
        assertThat(suggester.stop("demo-1")).isTrue();
        assertThat(suggester.stop("demo-2")).isFalse();
        assertThat(suggester.stop("demo-3")).isFalse();
    }

    @Test
    void readsSummaryLeaderboardAndBestWithMissingAndNanValues() {
        stub.answer("GET /api/studies/demo-1", new Answer(200, summary(1, 1, 2, "0.0123")));
        stub.answer("GET /api/studies/demo-1/trials?sort=value", new Answer(200, """
                [{"trialId":"demo-1-t2","trialNumber":2,"state":"COMPLETED","value":0.0123,
                  "params":{"lr":0.01,"layers":2,"act":"relu"},"epochs":10,"attempt":1,"workerId":"w1","reason":null},
                 {"trialId":"demo-1-t0","trialNumber":0,"state":"FAILED","value":"NaN","params":{},"epochs":3,
                  "attempt":2,"workerId":"w2","reason":"diverged"},
                 {"trialId":"demo-1-t1","trialNumber":1,"state":"QUEUED","value":null,"params":{"lr":0.1},"epochs":0,
                  "attempt":0,"workerId":null,"reason":null}]"""));
        stub.answer("GET /api/studies/demo-1/best", new Answer(200, """
                {"trialId":"demo-1-t2","trialNumber":2,"state":"COMPLETED","value":0.0123,"params":{"lr":0.01},
                 "epochs":10,"attempt":1,"workerId":"w1","reason":null}"""));
        var results = new ResultsClient(stub.url());

        var summary = results.summary("demo-1").orElseThrow();
        assertThat(summary.trials()).isEqualTo(new TrialCounts(1, 1, 2, 0, 0, 4));
        assertThat(summary.allTrialsFinal()).isFalse();
        assertThat(summary.bestValue()).isEqualTo(0.0123);
        assertThat(summary.epochsUsed()).isEqualTo(42);

        var rows = results.leaderboard("demo-1");
        assertThat(rows).extracting(LeaderboardRow::trialId).containsExactly("demo-1-t2", "demo-1-t0", "demo-1-t1");
        assertThat(rows.get(0).params()).containsExactly(Map.entry("lr", 0.01), Map.entry("layers", 2), Map.entry("act", "relu"));
        assertThat(rows.get(1).value()).isNaN();
        assertThat(rows.get(1).reason()).isEqualTo("diverged");
        assertThat(rows.get(2).value()).isNull();
        assertThat(results.best("demo-1").orElseThrow().trialId()).isEqualTo("demo-1-t2");
    }

    @Test
    void aTokenIsSentOnEveryRequestAndA401SaysHowToPassOne() {
        stub.answer("POST /api/studies", new Answer(201, studyView("RUNNING", 4, 0, 0)));
        stub.answer("GET /api/studies/demo-2", new Answer(401, "{\"error\":\"this request needs the header\"}"));
        var token = java.util.Optional.of("cli-token-0123456789abcdef");
        new SuggesterClient(stub.url(), token).submit("name: demo\n", SpecFormat.YAML);
        assertThat(stub.authorization("POST /api/studies")).isEqualTo("Bearer cli-token-0123456789abcdef");
        new SuggesterClient(stub.url()).submit("name: demo\n", SpecFormat.YAML);
        assertThat(stub.authorization("POST /api/studies")).isEmpty();

        assertThatThrownBy(() -> new ResultsClient(stub.url(), token).summary("demo-2"))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("results-service refused GET /api/studies/demo-2 (HTTP 401): the API token was not accepted")
                .hasMessageContaining("TUNESTREAM_API_TOKEN")
                .message().doesNotContain("cli-token-0123456789abcdef");
        assertThat(stub.authorization("GET /api/studies/demo-2")).isEqualTo("Bearer cli-token-0123456789abcdef");
        assertThatThrownBy(() -> new ResultsClient(stub.url()).summary("demo-2"))
                .hasMessageContaining("(HTTP 401): it needs an API token; pass --token or set TUNESTREAM_API_TOKEN");
    }

    @Test
    void theTokenComesFromTheOptionElseTheEnvironment() {
        var env = java.util.Map.of(ApiToken.ENV, " from-env ");
        assertThat(ApiToken.resolve(java.util.Optional.of("from-option"), env)).contains("from-option");
        assertThat(ApiToken.resolve(java.util.Optional.of("  "), env)).contains("from-env");
        assertThat(ApiToken.resolve(java.util.Optional.empty(), env)).contains("from-env");
        assertThat(ApiToken.resolve(java.util.Optional.empty(), java.util.Map.of())).isEmpty();
    }
}

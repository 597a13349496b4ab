package io.tunestream.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tunestream.cli.ExitCodes;
import io.tunestream.cli.TunestreamCli;
import io.tunestream.cli.client.StubService;
import io.tunestream.cli.client.StubService.Answer;
import io.tunestream.contracts.Json;

/** {@code tunestream study ...} against stub suggester and results services. */
class StudyCommandTest {

    static final String RUNNING = "{\"studyId\":\"s1\",\"state\":\"RUNNING\",\"reason\":null,\"trialsSuggested\":2,\"trialsRunning\":1,\"trialsFinished\":1}";
    static final String COMPLETED = "{\"studyId\":\"s1\",\"state\":\"COMPLETED\",\"reason\":\"budget spent\",\"trialsSuggested\":2,\"trialsRunning\":0,\"trialsFinished\":2}";
    static final String SUMMARY_RUNNING = "{\"studyId\":\"s1\",\"name\":\"demo\",\"state\":\"RUNNING\",\"metric\":\"val_loss\",\"direction\":\"minimize\","
            + "\"trials\":{\"queued\":0,\"running\":1,\"completed\":1,\"stopped\":0,\"failed\":0,\"total\":2},\"bestValue\":0.12,"
            + "\"bestTrialId\":\"s1-t0\",\"epochsUsed\":12,\"maxTrials\":2}";
    static final String SUMMARY_DONE = "{\"studyId\":\"s1\",\"name\":\"demo\",\"state\":\"COMPLETED\",\"metric\":\"val_loss\",\"direction\":\"minimize\","
            + "\"trials\":{\"queued\":0,\"running\":0,\"completed\":1,\"stopped\":1,\"failed\":0,\"total\":2},\"bestValue\":0.12,"
            + "\"bestTrialId\":\"s1-t0\",\"epochsUsed\":13,\"maxTrials\":2,\"finalEvaluation\":{\"trialNumber\":0}}";
    static final String BEST = "{\"trialId\":\"s1-t0\",\"trialNumber\":0,\"state\":\"COMPLETED\",\"value\":0.12,"
            + "\"params\":{\"lr\":0.01,\"activation\":\"relu\"},\"epochs\":9,\"attempt\":1,\"workerId\":\"trainer-0/slot-0\",\"reason\":null}";
    static final String STOPPED_ROW = "{\"trialId\":\"s1-t1\",\"trialNumber\":1,\"state\":\"STOPPED\",\"value\":0.5,"
            + "\"params\":{\"lr\":0.1,\"activation\":\"tanh\"},\"epochs\":1,\"attempt\":1,\"workerId\":\"trainer-1/slot-0\","
            + "\"reason\":\"ASHA: below the top 1/3, at rung 1\"}";

    @TempDir
    Path dir;

    private StubService suggester;
    private StubService results;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        suggester = new StubService();
        results = new StubService();
    }

    @AfterEach
    void stop() {
        suggester.close();
        results.close();
    }

    private int run(Map<String, String> env, String... args) {
        var all = new ArrayList<>(List.of(args));
        if (!env.containsKey(Endpoints.ENV_SUGGESTER)) {
            all.add("--suggester-url=" + suggester.url());
        }
        all.add("--results-url=" + results.url());
        return TunestreamCli.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), env);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private Path spec(String yaml) throws IOException {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Path syntheticSpec() throws IOException {
        return spec(Files.readString(repo().resolve("examples/synthetic-study.yaml")));
    }

    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("examples")) ? here : here.getParent();
    }

    @Test
    void createValidatesLocallyAndPrintsEveryErrorByField() throws IOException {
        Path file = spec("""
                name: broken
                objective: {metric: val_loss, direction: sideways}
                searchSpace:
                  lr: {type: float, low: 0.1, high: 0.01}
                algorithm: {name: tpe}
                budget: {maxTrials: 0, maxParallel: 1, maxEpochs: 3}
                trainer: {backend: synthetic}
                """);
        assertThat(run("study", "create", "-f", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is not a valid study spec").contains("objective.direction:")
                .contains("budget.maxTrials:").contains("searchSpace.lr");
        assertThat(suggester.received("POST /api/studies")).isNull();
    }

    @Test
    void createNamesAnUnknownField() throws IOException {
        Path file = spec("name: x\nbudgett: {}\n");
        assertThat(run("study", "create", "-f", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("budgett:").contains("not a known field");
    }

    @Test
    void createSubmitsAValidSpecWithTheTokenFromTheEnvironment() throws IOException {
        suggester.answer("POST /api/studies", new Answer(201, RUNNING));
        Path file = syntheticSpec();
        int code = run(Map.of(Endpoints.ENV_TOKEN, "s3cret"), "study", "create", "-f", file.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("created study s1 (synthetic-demo)").contains("tunestream study watch s1")
                .contains(results.url() + "/dashboard/#/study/s1");
        var received = suggester.received("POST /api/studies");
        assertThat(received.contentType()).isEqualTo("application/yaml");
        assertThat(received.body()).isEqualTo(Files.readString(file));
        assertThat(received.authorization()).isEqualTo("Bearer s3cret");
    }

    @Test
    void createQuietPrintsOnlyTheIdAndTheFlagTokenWins() throws IOException {
        suggester.answer("POST /api/studies", new Answer(201, RUNNING));
        int code = run(Map.of(Endpoints.ENV_TOKEN, "from-env"), "study", "create", "-q", "-f", syntheticSpec().toString(), "--token", "from-flag");
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("s1" + System.lineSeparator());
        assertThat(suggester.received("POST /api/studies").authorization()).isEqualTo("Bearer from-flag");
    }

    @Test
    void createDryRunSendsNothingAndAMissingFileIsAUsageError() throws IOException {
        assertThat(run("study", "create", "--dry-run", "-f", syntheticSpec().toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("is a valid study spec: synthetic-demo, 5 parameters, algorithm tpe, scheduler asha");
        assertThat(suggester.received("POST /api/studies")).isNull();

        assertThat(run("study", "create", "-f", dir.resolve("nope.yaml").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nope.yaml does not exist");
    }

    @Test
    void createReportsTheSuggestersRefusalByField() throws IOException {
        suggester.answer("POST /api/studies", new Answer(400,
                "{\"errors\":[{\"field\":\"trainer.backend\",\"message\":\"trainer.backend must be one of [command, synthetic], but was gpu\"}]}"));
        assertThat(run("study", "create", "-f", syntheticSpec().toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("trainer.backend must be one of");
    }

    @Test
    void listJoinsBothServices() throws IOException {
        suggester.answer("GET /api/studies", new Answer(200, "[" + RUNNING + "]"));
        results.answer("GET /api/studies", new Answer(200, "[" + SUMMARY_RUNNING + "]"));
        assertThat(run("study", "list")).as(err.toString()).isEqualTo(ExitCodes.OK);
        var lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("STUDY").contains("STATE").contains("BEST");
        assertThat(lines.get(1)).contains("s1").contains("demo").contains("RUNNING").contains("1/2").contains("val_loss=0.12");

        out.getBuffer().setLength(0);
        assertThat(run("study", "list", "--json")).isEqualTo(ExitCodes.OK);
        assertThat(Json.mapper().readTree(out.toString()).get(0).path("bestValue").asDouble()).isEqualTo(0.12);
    }

    @Test
    void bestPrintsValueAndParamsAndSaysWhenThereIsNone() {
        results.answer("GET /api/studies/s1", new Answer(200, SUMMARY_RUNNING));
        results.answer("GET /api/studies/s1/best", new Answer(200, BEST));
        assertThat(run("study", "best", "s1")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("best trial of s1: #0 (s1-t0)").contains("val_loss = 0.12 (minimize)")
                .contains("lr = 0.01").contains("activation = relu").contains("worker trainer-0/slot-0");

        results.answer("GET /api/studies/s1/best", new Answer(404, "{\"message\":\"none yet\"}"));
        assertThat(run("study", "best", "s1")).isEqualTo(ExitCodes.STUDY_FAILED);
        assertThat(err.toString()).contains("has no completed trial yet");

        assertThat(run("study", "best", "nope")).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(err.toString()).contains("knows no study 'nope'");
    }

    @Test
    void stopDistinguishesStoppedEndedAndUnknown() {
        suggester.answer("POST /api/studies/s1/stop", new Answer(202, ""));
        assertThat(run("study", "stop", "s1")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("stop requested for study s1");

        suggester.answer("POST /api/studies/s1/stop", new Answer(409, "{}"));
        suggester.answer("GET /api/studies/s1", new Answer(200, COMPLETED));
        assertThat(run("study", "stop", "s1")).isEqualTo(ExitCodes.STUDY_FAILED);
        assertThat(err.toString()).contains("has already ended (COMPLETED)");

        assertThat(run("study", "stop", "nope")).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void exportWritesCsvWithAColumnPerParameterAndJson() throws IOException {
        results.answer("GET /api/studies/s1/trials?sort=number", new Answer(200, "[" + BEST + "," + STOPPED_ROW + "]"));
        results.answer("GET /api/studies/s1", new Answer(200, SUMMARY_DONE));
        assertThat(run("study", "export", "s1", "--format", "csv")).isEqualTo(ExitCodes.OK);
        var lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("trialNumber,trialId,state,value,epochs,attempt,workerId,reason,param.lr,param.activation");
        assertThat(lines[1]).isEqualTo("0,s1-t0,COMPLETED,0.12,9,1,trainer-0/slot-0,,0.01,relu");
        assertThat(lines[2]).isEqualTo("1,s1-t1,STOPPED,0.5,1,1,trainer-1/slot-0,\"ASHA: below the top 1/3, at rung 1\",0.1,tanh");

        Path file = dir.resolve("trials.json");
        assertThat(run("study", "export", "s1", "--format", "JSON", "-o", file.toString())).isEqualTo(ExitCodes.OK);
        var json = Json.mapper().readTree(Files.readString(file));
        assertThat(json.path("study").path("name").asText()).isEqualTo("demo");
        assertThat(json.path("trials").size()).isEqualTo(2);
        assertThat(json.path("trials").get(1).path("reason").asText()).isEqualTo("ASHA: below the top 1/3, at rung 1");
        assertThat(err.toString()).contains("wrote 2 trials to");

        assertThat(run("study", "export", "nope")).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run("study", "export", "s1", "--format", "xml")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void watchShowsProgressAndLeaderboardUntilTheStudyEnds() {
        suggester.answer("GET /api/studies/s1", new Answer(200, RUNNING), new Answer(200, RUNNING), new Answer(200, RUNNING),
                new Answer(200, COMPLETED));
        results.answer("GET /api/studies/s1", new Answer(200, SUMMARY_RUNNING), new Answer(200, SUMMARY_RUNNING), new Answer(200, SUMMARY_DONE));
        results.answer("GET /api/studies/s1/trials?sort=value", new Answer(200, "[" + BEST + "," + STOPPED_ROW + "]"));
        results.answer("GET /api/studies/s1/best", new Answer(200, BEST));
        int code = run("study", "watch", "s1", "--interval", "PT0.05S");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        String text = out.toString();
        assertThat(text).contains("[###############---------------]  50%").contains("[##############################] 100%");
        assertThat(text).contains("rank").contains("s1-t0").contains("s1-t1");
        assertThat(text).contains("study s1 COMPLETED: budget spent").contains("best: trial 0  0.12  lr=0.01 activation=relu");
    }

    @Test
    void watchOfAStoppedStudyExitsOneAndOfAnUnknownStudyFour() {
        String stopped = RUNNING.replace("RUNNING", "STOPPED").replace("\"trialsRunning\":1", "\"trialsRunning\":0");
        suggester.answer("GET /api/studies/s1", new Answer(200, stopped));
        results.answer("GET /api/studies/s1", new Answer(200, SUMMARY_DONE));
        assertThat(run("study", "watch", "s1", "--interval", "PT0.05S")).isEqualTo(ExitCodes.STUDY_FAILED);
        assertThat(run("study", "watch", "nope")).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void anUnreachableServiceIsExitThreeWithTheUrl() {
        int code = TunestreamCli.execute(new String[] {"study", "list", "--suggester-url", "http://127.0.0.1:9"},
                new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
        assertThat(code).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(err.toString()).contains("suggester-service at http://127.0.0.1:9 is unreachable")
                .contains("hint: is the service running?").contains("TUNESTREAM_SUGGESTER_URL");
    }

    @Test
    void aRefusedTokenIsExplained() {
        suggester.answer("GET /api/studies", new Answer(401, "{}"));
        assertThat(run("study", "list")).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(err.toString()).contains("needs an API token; pass --token or set TUNESTREAM_API_TOKEN");
    }

    @Test
    void everyCommandHasHelpWithItsExitCodes() {
        for (String command : List.of("create", "list", "watch", "best", "stop", "export")) {
            out.getBuffer().setLength(0);
            assertThat(TunestreamCli.execute(new String[] {"study", command, "--help"}, new PrintWriter(out, true),
                    new PrintWriter(err, true), Map.of())).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).as(command).contains("Usage: tunestream study " + command).contains("Exit codes:")
                    .contains("--token").contains("--results-url");
        }
        out.getBuffer().setLength(0);
        assertThat(TunestreamCli.execute(new String[] {"study", "--help"}, new PrintWriter(out, true), new PrintWriter(err, true), Map.of()))
                .isZero();
        assertThat(out.toString()).contains("create").contains("export").contains("4   no such study");
    }
}

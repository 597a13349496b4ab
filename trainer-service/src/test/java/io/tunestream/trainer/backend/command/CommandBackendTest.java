package io.tunestream.trainer.backend.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.trainer.runner.StopRegistry;
import io.tunestream.trainer.runner.TrialOutcome;
import io.tunestream.trainer.runner.TrialRunner;

/**
 * The command backend with real subprocesses (bash scripts under src/test/resources/programs): a
 * successful run, a crash, a hang (timeout), a STOP, garbage and huge output, a silent program, and
 * refusals of what the operator did not register.
 */
class CommandBackendTest {

    @TempDir
    Path tmp;

    private final List<TrialReported> reports = new CopyOnWriteArrayList<>();
    private final StopRegistry stops = new StopRegistry();

    private static Path script(String name) {
        try {
            return Path.of(CommandBackendTest.class.getResource("/programs/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ProgramSpec program(String name, String script, Duration timeout, String... args) {
        var command = new java.util.ArrayList<String>(List.of("bash", script(script).toString()));
        command.addAll(List.of(args));
        return new ProgramSpec(name, command, tmp, Map.of("PID_FILE", tmp.resolve(name + ".pid").toString()), timeout);
    }

    private TrialOutcome run(ProgramSpec program, int maxEpochs, GpuPool gpus) {
        var backend = new CommandBackend(Map.of(program.name(), program), gpus, Duration.ofSeconds(2));
        var runner = new TrialRunner(Map.of(CommandBackend.NAME, backend), reports::add, stops, "w");
        return runner.run(trial(program.name(), maxEpochs), 1);
    }

    private static TrialSuggested trial(String program, int maxEpochs) {
        return new TrialSuggested(1, "s", "s-t0", 0, Map.of("lr", 0.01, "layers", 2), maxEpochs, "val_loss",
                new TrainerSpec(CommandBackend.NAME, Map.of("program", program)), 7, Instant.now());
    }

    private List<String> kinds() {
        return reports.stream().map(r -> r.kind() + "@" + r.epoch()).toList();
    }

    private TrialReported last() {
        return reports.get(reports.size() - 1);
    }

    @Test
    void aProgramReportsEveryEpochAndGetsItsParametersThreeWays() {
        var outcome = run(program("ok", "success.sh", Duration.ofSeconds(30), "--lr={lr}"), 10, new GpuPool(List.of("3")));
        assertThat(outcome).isEqualTo(TrialOutcome.COMPLETED);
        // It trains 3 of the 10 epochs allowed and exits 0: completed at epoch 3.
        assertThat(kinds()).containsExactly("STARTED@0", "EPOCH@1", "EPOCH@2", "EPOCH@3", "COMPLETED@3");
        var first = reports.get(1).metrics();
        assertThat(first).containsEntry("arg_lr", 0.01).containsEntry("gpu", 3.0);
        assertThat(reports.get(3).metrics()).containsEntry("val_loss", 0.25).containsEntry("epochs_env", 10.0);
    }

    @Test
    void aCrashFailsTheTrialWithTheExitCodeAndTheEndOfStderr() {
        assertThat(run(program("crashy", "crash.sh", Duration.ofSeconds(30)), 5, GpuPool.none())).isEqualTo(TrialOutcome.FAILED);
        assertThat(kinds()).containsExactly("STARTED@0", "EPOCH@1", "FAILED@1");
        assertThat(last().message()).isEqualTo("program crashy exited with code 3; last lines of stderr:\n"
                + "Traceback (most recent call last):\nRuntimeError: CUDA out of memory");
    }

    @Test
    void aHangingProgramIsKilledAtItsTimeout() throws Exception {
        long begin = System.nanoTime();
        assertThat(run(program("hangs", "hang.sh", Duration.ofSeconds(1)), 5, GpuPool.none())).isEqualTo(TrialOutcome.FAILED);
        assertThat(last().message()).isEqualTo("program hangs exceeded its timeout of PT1S and was killed");
        long pid = Long.parseLong(Files.readString(tmp.resolve("hangs.pid")).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("program process gone").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aStopTerminatesTheProgramWithSigtermWithinAnEpoch() throws Exception {
        var program = program("slow", "slow.sh", Duration.ofSeconds(60));
        var backend = new CommandBackend(Map.of("slow", program), GpuPool.none(), Duration.ofSeconds(5));
        var runner = new TrialRunner(Map.of(CommandBackend.NAME, backend), report -> {
            reports.add(report);
            if (report.kind() == ReportKind.EPOCH && report.epoch() == 3) {
                stops.trialStopped(report.trialId(), "asha rung 3");
            }
        }, stops, "w");
        assertThat(runner.run(trial("slow", 500), 1)).isEqualTo(TrialOutcome.STOPPED);
        assertThat(kinds()).endsWith("EPOCH@3", "STOPPED@3");
        assertThat(Files.readString(tmp.resolve("slow.pid.term")).trim()).isEqualTo("terminated");
        long pid = Long.parseLong(Files.readString(tmp.resolve("slow.pid")).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void anInvalidMetricLineFailsTheTrialAndUnprefixedOutputIsIgnored() {
        assertThat(run(program("noisy", "garbage.sh", Duration.ofSeconds(30)), 5, GpuPool.none())).isEqualTo(TrialOutcome.FAILED);
        assertThat(kinds()).containsExactly("STARTED@0", "EPOCH@1", "FAILED@1");
        assertThat(last().message()).isEqualTo("program noisy printed an invalid metric line (val_loss must be a number, but was \"abc\"): "
                + "TUNESTREAM epoch=2 val_loss=abc");
    }

    @Test
    void hugeOutputIsBoundedAndTheMetricAfterItStillArrives() {
        assertThat(run(program("chatty", "huge.sh", Duration.ofSeconds(60)), 5, GpuPool.none())).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(kinds()).containsExactly("STARTED@0", "EPOCH@1", "COMPLETED@1");
        assertThat(reports.get(1).metrics()).containsEntry("val_loss", 0.125);
    }

    @Test
    void aProgramThatPrintsNoMetricFailsWithAClearReason() {
        assertThat(run(program("quiet", "silent.sh", Duration.ofSeconds(30)), 5, GpuPool.none())).isEqualTo(TrialOutcome.FAILED);
        assertThat(last().message()).isEqualTo("program quiet exited with code 0 without printing a metric line (metric lines start with 'TUNESTREAM ')");
    }

    @Test
    void onlyRegisteredProgramsRunAndTemplatesMustNameSomethingKnown() {
        var backend = new CommandBackend(Map.of("ok", program("ok", "success.sh", Duration.ofSeconds(5))), GpuPool.none(), Duration.ofSeconds(1));
        var runner = new TrialRunner(Map.of(CommandBackend.NAME, backend), reports::add, stops, "w");
        assertThat(runner.run(trial("rm-rf", 3), 1)).isEqualTo(TrialOutcome.FAILED);
        assertThat(last().message()).isEqualTo("trainer.settings.program rm-rf is not registered on this trainer (registered: ok)");
        reports.clear();
        assertThat(run(program("typo", "success.sh", Duration.ofSeconds(5), "--momentum={momentum}"), 3, GpuPool.none()))
                .isEqualTo(TrialOutcome.FAILED);
        assertThat(last().message()).startsWith("programs.typo.command argument '--momentum={momentum}' names {momentum}, which is neither");
    }

    @Test
    void metricLinesParseBothFormatsAndRefuseBadOnes() {
        assertThat(MetricLineParser.parse("TUNESTREAM epoch=2 loss=0.5 acc=NaN").line().orElseThrow().metrics())
                .containsEntry("loss", 0.5).containsKey("acc");
        assertThat(MetricLineParser.parse("TUNESTREAM {\"epoch\":2,\"loss\":0.5}").line().orElseThrow().epoch()).hasValue(2);
        assertThat(MetricLineParser.parse("TUNESTREAM epoch=2").error()).isEqualTo("a metric line must hold at least one metric besides epoch");
        assertThat(MetricLineParser.parse("TUNESTREAM loss=Infinity").error()).isEqualTo("loss must be finite or NaN, but was Infinity");
        assertThat(MetricLineParser.parse("TUNESTREAM [1,2]").error()).isEqualTo("expected key=value, but got \"[1,2]\"");
        assertThat(MetricLineParser.parse("TUNESTREAM {\"loss\": \"high\"}").error()).isEqualTo("loss must be a number, but was \"high\"");
        assertThat(MetricLineParser.isMetricLine("loss=0.1")).isFalse();
    }
}

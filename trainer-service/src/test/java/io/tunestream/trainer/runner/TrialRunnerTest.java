package io.tunestream.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.trainer.backend.SyntheticBackend;
import io.tunestream.trainer.backend.SyntheticBackendTest;

class TrialRunnerTest {

    private final List<TrialReported> reports = new CopyOnWriteArrayList<>();
    private final StopRegistry stops = new StopRegistry();
    private final TrialRunner runner = new TrialRunner(Map.of("synthetic", new SyntheticBackend()), reports::add, stops, "worker-1");

    private static List<String> kinds(List<TrialReported> reports) {
        return reports.stream().map(r -> r.kind() + "@" + r.epoch()).toList();
    }

    @Test
    void reportsStartEveryEpochAndCompletion() {
        var trial = SyntheticBackendTest.trial(Map.of("lr", 0.1), Map.of("epochMillis", 0), 1, 3);
        assertThat(runner.run(trial, 2)).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(kinds(reports)).containsExactly("STARTED@0", "EPOCH@1", "EPOCH@2", "EPOCH@3", "COMPLETED@3");
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.attempt()).isEqualTo(2);
            assertThat(r.workerId()).isEqualTo("worker-1");
        });
        assertThat(reports.get(4).metrics()).isEqualTo(reports.get(3).metrics());
    }

    @Test
    void aStopEndsTheTrialAtTheNextEpochBoundary() {
        var trial = SyntheticBackendTest.trial(Map.of("lr", 0.1), Map.of("epochMillis", 0), 1, 10);
        var stopping = new TrialRunner(Map.of("synthetic", new SyntheticBackend()), report -> {
            reports.add(report);
            if (report.kind() == ReportKind.EPOCH && report.epoch() == 2) {
                stops.trialStopped(report.trialId(), "rung 2: not in the top third");
            }
        }, stops, "worker-1");
        assertThat(stopping.run(trial, 1)).isEqualTo(TrialOutcome.STOPPED);
        assertThat(kinds(reports)).containsExactly("STARTED@0", "EPOCH@1", "EPOCH@2", "STOPPED@2");
        assertThat(reports.get(3).message()).isEqualTo("rung 2: not in the top third");
        assertThat(reports.get(3).metrics()).containsKey("val_loss");
    }

    @Test
    void aTrialOfAStoppedStudyDoesNotStart() {
        stops.studyChanged("s", io.tunestream.contracts.events.StudyState.STOPPED);
        var trial = SyntheticBackendTest.trial(Map.of("lr", 0.1), Map.of("epochMillis", 0), 1, 3);
        assertThat(runner.run(trial, 1)).isEqualTo(TrialOutcome.STOPPED);
        assertThat(kinds(reports)).containsExactly("STOPPED@0");
    }

    @Test
    void failuresAreReportedWithTheirReason() {
        var trial = SyntheticBackendTest.trial(Map.of("lr", 0.1), Map.of("epochMillis", 0, "failureProbability", 1.0), 1, 3);
        assertThat(runner.run(trial, 1)).isEqualTo(TrialOutcome.FAILED);
        assertThat(kinds(reports)).containsExactly("STARTED@0", "FAILED@0");
        assertThat(reports.get(1).message()).contains("synthetic failure injected at epoch 1");
    }

    @Test
    void anUnknownBackendFailsTheTrialNamingTheAvailableOnes() {
        var trial = new io.tunestream.contracts.events.TrialSuggested(1, "s", "s-t0", 0, Map.of("lr", 0.1), 3, "val_loss",
                new io.tunestream.contracts.spec.TrainerSpec("builtin", Map.of()), 1, java.time.Instant.now());
        assertThat(runner.run(trial, 1)).isEqualTo(TrialOutcome.FAILED);
        assertThat(reports).singleElement().satisfies(r ->
                assertThat(r.message()).isEqualTo("trainer.backend builtin is not available on this trainer (available: synthetic)"));
    }

    @Test
    void anInterruptAbandonsTheAttemptWithoutAFinalReport() throws Exception {
        var trial = SyntheticBackendTest.trial(Map.of("lr", 0.1), Map.of("epochMillis", 200), 1, 50);
        var executor = Executors.newSingleThreadExecutor();
        var outcome = executor.submit(() -> runner.run(trial, 1));
        while (reports.stream().noneMatch(r -> r.kind() == ReportKind.EPOCH)) {
            Thread.sleep(20);
        }
        executor.shutdownNow();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(TrialOutcome.ABANDONED);
        assertThat(reports).noneMatch(r -> r.kind().isFinal());
        assertThat(Optional.of(reports.get(0).kind())).contains(ReportKind.STARTED);
    }
}

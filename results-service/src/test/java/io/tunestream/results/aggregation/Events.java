package io.tunestream.results.aggregation;

import java.time.Instant;
import java.util.Map;

import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.AlgorithmSpec;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.TrainerSpec;

/** Builders of the events the ledger folds, for the tests. */
final class Events {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String STUDY = "s1";
    static final String METRIC = "loss";

    private Events() {
    }

    static StudySpec spec(String metric, String direction, int maxTrials) {
        return new StudySpec("study-one", new ObjectiveSpec(metric, direction),
                Map.of("lr", ParameterSpec.floatRange(1e-4, 1e-1, true)),
                new AlgorithmSpec("random", Map.of()),
                new BudgetSpec(maxTrials, 2, 3),
                new TrainerSpec("synthetic", Map.of()), 42L);
    }

    static StudyChanged study(StudyState state, String direction, long secondsAfterT0) {
        return new StudyChanged(SchemaVersion.CURRENT, STUDY, state, spec(METRIC, direction, 10), 3, null,
                T0.plusSeconds(secondsAfterT0));
    }

    static StudyChanged running(String direction) {
        return study(StudyState.RUNNING, direction, 0);
    }

    static StudyChanged stopped(String direction) {
        return study(StudyState.STOPPED, direction, 100);
    }

    static String trialId(long number) {
        return TrialSuggested.trialId(STUDY, number);
    }

    static TrialSuggested suggested(long number) {
        return new TrialSuggested(SchemaVersion.CURRENT, STUDY, trialId(number), number, Map.of("lr", 0.01 * (number + 1)),
                3, METRIC, new TrainerSpec("synthetic", Map.of()), 7 + number, T0.plusSeconds(number));
    }

    static TrialReported report(long number, int attempt, ReportKind kind, int epoch, Map<String, Double> metrics, String message) {
        return new TrialReported(SchemaVersion.CURRENT, STUDY, trialId(number), number, attempt, kind, epoch, metrics,
                "worker-" + attempt, message, T0.plusSeconds(10L * attempt + epoch));
    }

    static TrialReported started(long number, int attempt) {
        return report(number, attempt, ReportKind.STARTED, 0, Map.of(), null);
    }

    static TrialReported epoch(long number, int attempt, int epoch, double loss) {
        return report(number, attempt, ReportKind.EPOCH, epoch, Map.of(METRIC, loss), null);
    }

    static TrialReported completed(long number, int attempt, int epoch) {
        return report(number, attempt, ReportKind.COMPLETED, epoch, Map.of(), null);
    }

    static TrialReported stoppedReport(long number, int attempt, int epoch, String message) {
        return report(number, attempt, ReportKind.STOPPED, epoch, Map.of(), message);
    }

    static TrialReported failed(long number, int attempt, int epoch, String message) {
        return report(number, attempt, ReportKind.FAILED, epoch, Map.of(), message);
    }
}

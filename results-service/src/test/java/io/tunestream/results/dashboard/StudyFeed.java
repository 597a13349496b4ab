package io.tunestream.results.dashboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

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
import io.tunestream.contracts.spec.SchedulerSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.TrainerSpec;

/**
 * The events of a made-up study under ASHA (rungs at 1, 3 and 9 for {@code maxEpochs} 9): four
 * parameters, {@code val_loss} and {@code train_loss} per epoch (the gap grows with the epochs), some
 * trials stopped at a rung. Deterministic: trial {@code n} always reports the same curve.
 */
final class StudyFeed {

    static final TrainerSpec TRAINER = new TrainerSpec("synthetic", Map.of());
    static final String STOP_REASON = "ASHA: below the top 1/3 at rung";

    final String studyId;
    final int maxEpochs;
    final int maxTrials;
    private final boolean stopping;
    private final Consumer<Object> sink;

    /** @param stopping whether some trials stop at a rung (else every trial runs all epochs) */
    StudyFeed(String studyId, int maxTrials, int maxEpochs, boolean stopping, Consumer<Object> sink) {
        this.studyId = studyId;
        this.maxTrials = maxTrials;
        this.maxEpochs = maxEpochs;
        this.stopping = stopping;
        this.sink = sink;
    }

    StudySpec spec() {
        var space = new LinkedHashMap<String, ParameterSpec>();
        space.put("learning_rate", ParameterSpec.floatRange(1e-4, 1e-1, true));
        space.put("momentum", ParameterSpec.floatRange(0.5, 0.99, false));
        space.put("hidden_layers", ParameterSpec.intRange(1, 4, false));
        space.put("activation", ParameterSpec.categorical(List.of("relu", "tanh", "sigmoid")));
        return new StudySpec(studyId, new ObjectiveSpec("val_loss", "minimize"), space, new AlgorithmSpec("tpe", Map.of()),
                new BudgetSpec(maxTrials, 4, maxEpochs), TRAINER, 42L, new SchedulerSpec("asha", 1, null, 3, null, null));
    }

    void study(StudyState state, Instant at) {
        sink.accept(new StudyChanged(SchemaVersion.CURRENT, studyId, state, spec(), maxTrials, null, at));
    }

    Map<String, Object> params(long n) {
        var rng = new SplittableRandom(0x9E3779B97F4A7C15L * (n + 1)); // java.util.Random's first draws follow the seed
        var params = new LinkedHashMap<String, Object>();
        params.put("learning_rate", Math.pow(10, -4 + 3 * rng.nextDouble()));
        params.put("momentum", 0.5 + 0.49 * rng.nextDouble());
        params.put("hidden_layers", 1 + rng.nextInt(4));
        params.put("activation", List.of("relu", "tanh", "sigmoid").get(rng.nextInt(3)));
        return params;
    }

    /** The loss the trial converges to: mostly the learning rate, a little the momentum. */
    double finalLoss(long n) {
        var p = params(n);
        double lr = Math.log10((Double) p.get("learning_rate")) + 2;
        double momentum = (Double) p.get("momentum") - 0.9;
        return 0.1 + 0.3 * lr * lr + 0.5 * momentum * momentum + ("relu".equals(p.get("activation")) ? 0 : 0.02);
    }

    double valLoss(long n, int epoch) {
        return finalLoss(n) + Math.exp(-epoch / 3.0);
    }

    /** The epoch a trial is stopped at, or 0 when it runs to the end. */
    int stopsAt(long n) {
        if (!stopping) {
            return 0;
        }
        return n % 3 == 1 ? 1 : n % 5 == 2 && maxEpochs > 3 ? 3 : 0;
    }

    String trialId(long n) {
        return TrialSuggested.trialId(studyId, n);
    }

    /** Suggests trial {@code n} and runs it to its end (completed, or stopped at its rung). */
    void trial(long n, Instant at) {
        sink.accept(new TrialSuggested(SchemaVersion.CURRENT, studyId, trialId(n), n, params(n), maxEpochs, "val_loss",
                TRAINER, n, at));
        String worker = "trainer-" + (n % 3) + "/slot-" + (n % 2);
        sink.accept(report(n, ReportKind.STARTED, 0, Map.of(), worker, null, at.plusMillis(5)));
        int last = stopsAt(n) > 0 ? stopsAt(n) : maxEpochs;
        for (int epoch = 1; epoch <= last; epoch++) {
            double val = valLoss(n, epoch);
            sink.accept(report(n, ReportKind.EPOCH, epoch, Map.of("val_loss", val, "train_loss", val - 0.02 * epoch),
                    worker, null, at.plusMillis(10L * epoch)));
        }
        if (stopsAt(n) > 0) {
            sink.accept(report(n, ReportKind.STOPPED, last, Map.of(), worker, STOP_REASON + " " + last, at.plusMillis(10L * last + 5)));
        } else {
            sink.accept(report(n, ReportKind.COMPLETED, last, Map.of(), worker, null, at.plusMillis(10L * last + 5)));
        }
    }

    private TrialReported report(long n, ReportKind kind, int epoch, Map<String, Double> metrics, String worker, String message,
                                 Instant at) {
        return new TrialReported(SchemaVersion.CURRENT, studyId, trialId(n), n, 1, kind, epoch, metrics, worker, message, at);
    }
}

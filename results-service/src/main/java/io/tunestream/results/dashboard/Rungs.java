package io.tunestream.results.dashboard;

import java.util.List;
import java.util.TreeSet;

import io.tunestream.contracts.spec.SchedulerSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.scheduler.Asha;
import io.tunestream.optimizer.scheduler.Hyperband;
import io.tunestream.optimizer.scheduler.RungPlan;

/**
 * The rung epochs of a study's scheduler, where successive halving judges trials: the lines drawn
 * across the learning-curve chart. The same construction as the referee's ({@code Referee.of}).
 */
final class Rungs {

    private Rungs() {
    }

    /** Ascending rung epochs below the maximum; empty without a halving scheduler. */
    static List<Integer> of(StudySpec spec) {
        SchedulerSpec settings = spec.effectiveScheduler().orElse(null);
        if (settings == null || spec.budget() == null || spec.budget().maxEpochs() == null) {
            return List.of();
        }
        int maxEpochs = settings.maxEpochsOr(spec.budget().maxEpochs());
        try {
            return switch (spec.schedulerName()) {
                case "asha" -> Asha.of(settings.minEpochsOrDefault(), maxEpochs, settings.etaOrDefault()).rungEpochs().stream()
                        .filter(epoch -> epoch < maxEpochs).toList();
                case "hyperband" -> {
                    var epochs = new TreeSet<Integer>();
                    Hyperband.of(settings.minEpochsOrDefault(), maxEpochs, settings.etaOrDefault()).brackets()
                            .forEach(bracket -> bracket.rungs().stream().map(RungPlan::epochs)
                                    .filter(epoch -> epoch < maxEpochs).forEach(epochs::add));
                    yield List.copyOf(epochs);
                }
                default -> List.of();
            };
        } catch (IllegalArgumentException e) {
            return List.of(); // a spec the suggester would have refused: no rungs to draw
        }
    }
}

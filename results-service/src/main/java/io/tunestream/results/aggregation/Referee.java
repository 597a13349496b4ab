package io.tunestream.results.aggregation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tunestream.contracts.spec.SchedulerSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.objective.Direction;
import io.tunestream.optimizer.scheduler.Asha;
import io.tunestream.optimizer.scheduler.Hyperband;
import io.tunestream.optimizer.scheduler.MedianStopping;
import io.tunestream.optimizer.scheduler.TrialDecision;
import io.tunestream.optimizer.scheduler.TrialScheduler;

/**
 * The early-stopping referee of one study: its scheduler from {@code hpo-optimizer}, fed every epoch
 * of every trial's current attempt as a loss (the direction is applied here, once; NaN is the worst
 * loss) and told when trials end. The scheduler is deterministic, so replaying the reports after a
 * restart rebuilds the same state and the same decisions.
 */
final class Referee {

    private final TrialScheduler scheduler;
    private final Direction direction;
    private final Set<Long> ended = new HashSet<>();

    private Referee(TrialScheduler scheduler, Direction direction) {
        this.scheduler = scheduler;
        this.direction = direction;
    }

    /**
     * The referee a spec asks for; empty for {@code none} or no scheduler at all. The scheduler is the
     * spec's {@link StudySpec#effectiveScheduler()}: {@code algorithm: bohb} without one gets Hyperband.
     */
    static Optional<Referee> of(StudySpec spec, Direction direction) {
        SchedulerSpec settings = spec.effectiveScheduler().orElse(null);
        if (settings == null || spec.budget() == null || spec.budget().maxEpochs() == null) {
            return Optional.empty();
        }
        int maxEpochs = settings.maxEpochsOr(spec.budget().maxEpochs());
        TrialScheduler scheduler = switch (spec.schedulerName()) {
            case "asha" -> Asha.of(settings.minEpochsOrDefault(), maxEpochs, settings.etaOrDefault());
            case "hyperband" -> Hyperband.of(settings.minEpochsOrDefault(), maxEpochs, settings.etaOrDefault());
            case "median" -> MedianStopping.of(settings.warmupEpochsOrDefault(), settings.minTrialsOrDefault());
            default -> null;
        };
        return Optional.ofNullable(scheduler).map(s -> new Referee(s, direction));
    }

    List<TrialDecision> onEpoch(long trialNumber, int epoch, double value) {
        if (ended.contains(trialNumber)) {
            return List.of();
        }
        return scheduler.onReport(trialNumber, epoch, direction.toLoss(value));
    }

    List<TrialDecision> onEnded(long trialNumber) {
        return ended.add(trialNumber) ? scheduler.onTrialEnded(trialNumber) : List.of();
    }

    @Override
    public String toString() {
        return scheduler.toString();
    }
}

package io.tunestream.contracts.spec;

import java.util.Map;

import io.tunestream.contracts.Checks;

/**
 * What a user submits to start a study; {@code scheduler} (early stopping) is optional. Wire form: fields may be missing; {@link StudySpecValidator}
 * checks them all. {@code seed} is filled in by the suggester when absent, so that the stored spec
 * always reproduces the study.
 */
public record StudySpec(
        String name,
        ObjectiveSpec objective,
        Map<String, ParameterSpec> searchSpace,
        AlgorithmSpec algorithm,
        BudgetSpec budget,
        TrainerSpec trainer,
        Long seed,
        SchedulerSpec scheduler) {

    public StudySpec {
        searchSpace = Checks.copy(searchSpace);
    }

    /** A study without early stopping. */
    public StudySpec(String name, ObjectiveSpec objective, Map<String, ParameterSpec> searchSpace, AlgorithmSpec algorithm,
                     BudgetSpec budget, TrainerSpec trainer, Long seed) {
        this(name, objective, searchSpace, algorithm, budget, trainer, seed, null);
    }

    public StudySpec withSeed(long newSeed) {
        return new StudySpec(name, objective, searchSpace, algorithm, budget, trainer, newSeed, scheduler);
    }

    /**
     * The scheduler's name, {@code none} when the spec has no scheduler; the implied one's for
     * {@code algorithm: bohb} (see {@link #effectiveScheduler()}).
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String schedulerName() {
        return effectiveScheduler().map(SchedulerSpec::name).orElse(SchedulerSpec.NONE);
    }

    /**
     * The scheduler the study runs under: the spec's own, or, for {@code algorithm: bohb} without one,
     * {@link SchedulerSpec#bohbDefault()} (BOHB is Hyperband's budgets plus a model). The one place
     * every service asks, so that the referee and the suggester agree. Empty when there is none.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.util.Optional<SchedulerSpec> effectiveScheduler() {
        if (scheduler != null && scheduler.name() != null) {
            return java.util.Optional.of(scheduler);
        }
        if (scheduler == null && algorithm != null && SchedulerSpec.BOHB_ALGORITHM.equals(algorithm.name())) {
            return java.util.Optional.of(SchedulerSpec.bohbDefault());
        }
        return java.util.Optional.empty();
    }
}

package io.tunestream.contracts.spec;

import java.util.Map;

import io.tunestream.contracts.Checks;

/**
 * What a user submits to start a study; {@code scheduler} (early stopping) and {@code finalize} (the
 * end-of-study test evaluation, see {@link #finalizePlan()}) are optional. Wire form: fields may be missing; {@link StudySpecValidator}
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
        SchedulerSpec scheduler,
        @com.fasterxml.jackson.annotation.JsonProperty("finalize") FinalizeSpec finalization) {

    public StudySpec {
        searchSpace = Checks.copy(searchSpace);
    }

    /** A study without a {@code finalize} block. */
    public StudySpec(String name, ObjectiveSpec objective, Map<String, ParameterSpec> searchSpace, AlgorithmSpec algorithm,
                     BudgetSpec budget, TrainerSpec trainer, Long seed, SchedulerSpec scheduler) {
        this(name, objective, searchSpace, algorithm, budget, trainer, seed, scheduler, null);
    }

    /** A study without early stopping. */
    public StudySpec(String name, ObjectiveSpec objective, Map<String, ParameterSpec> searchSpace, AlgorithmSpec algorithm,
                     BudgetSpec budget, TrainerSpec trainer, Long seed) {
        this(name, objective, searchSpace, algorithm, budget, trainer, seed, null, null);
    }

    public StudySpec withSeed(long newSeed) {
        return new StudySpec(name, objective, searchSpace, algorithm, budget, trainer, newSeed, scheduler, finalization);
    }

    /**
     * The study's end: its own {@code finalize} block, or, for the {@code builtin} backend with a test
     * set, {@link FinalizeSpec#evaluateOnly()} (a held-out test set is there to be used once). Empty for
     * the other backends, which have no test set. The one place every service asks.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.util.Optional<FinalizeSpec> finalizePlan() {
        if (trainer == null || !BuiltinSettings.BACKEND.equals(trainer.backend())) {
            return java.util.Optional.empty();
        }
        Object test = trainer.settings().get("testFraction");
        boolean hasTestSet = !(test instanceof Number n) || n.doubleValue() > 0;
        if (!hasTestSet) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(finalization != null ? finalization : FinalizeSpec.evaluateOnly());
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

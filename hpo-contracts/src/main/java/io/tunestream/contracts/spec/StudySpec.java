package io.tunestream.contracts.spec;

import java.util.Map;

import io.tunestream.contracts.Checks;

/**
 * What a user submits to start a study. Wire form: fields may be missing; {@link StudySpecValidator}
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
        Long seed) {

    public StudySpec {
        searchSpace = Checks.copy(searchSpace);
    }

    public StudySpec withSeed(long newSeed) {
        return new StudySpec(name, objective, searchSpace, algorithm, budget, trainer, newSeed);
    }
}

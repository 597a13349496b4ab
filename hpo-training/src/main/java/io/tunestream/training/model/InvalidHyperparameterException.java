package io.tunestream.training.model;

import java.util.List;

/** A trial's parameters that the MLP cannot train with; the message lists every broken rule. */
public final class InvalidHyperparameterException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidHyperparameterException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

package io.tunestream.training.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The update rule: stochastic gradient descent with (heavy-ball) momentum, or Adam (Kingma and Ba,
 * 2015) whose β1 is the {@code momentum} hyperparameter (both are the decay of the running mean of the
 * gradients).
 */
public enum OptimizerKind {
    SGD,
    ADAM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OptimizerKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }
}

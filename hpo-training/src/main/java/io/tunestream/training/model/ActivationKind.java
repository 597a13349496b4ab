package io.tunestream.training.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;

/** The hidden layers' nonlinearity, by the name a search space uses. */
public enum ActivationKind {
    RELU,
    TANH,
    SIGMOID,
    /** Gaussian error linear unit (Hendrycks and Gimpel, 2016). */
    GELU,
    /** max(x, αx) with α = {@link #LEAKY_SLOPE} (Maas et al., 2013). */
    LEAKY_RELU;

    /** α of leaky_relu: PyTorch's default negative slope. */
    public static final float LEAKY_SLOPE = 0.01f;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActivationKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }

    Block block() {
        return switch (this) {
            case RELU -> Activation.reluBlock();
            case TANH -> Activation.tanhBlock();
            case SIGMOID -> Activation.sigmoidBlock();
            case GELU -> Activation.geluBlock();
            case LEAKY_RELU -> Activation.leakyReluBlock(LEAKY_SLOPE);
        };
    }
}

package io.tunestream.training.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where tensors live: {@code auto} takes the first GPU when the PyTorch engine sees one (a CUDA
 * libtorch supplied through {@code PYTORCH_LIBRARY_PATH}) and the CPU otherwise; {@code cpu} and
 * {@code gpu} force one ({@code gpu} fails the trial when there is none).
 */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeviceChoice> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }
}

package io.tunestream.bench.run;

import java.util.Objects;

/**
 * One compared method: a sampler of one engine, run with {@code batch} trials in flight.
 *
 * <p>With {@code batch = 1} every suggestion sees every earlier result. With {@code batch = b} the study
 * proceeds in rounds: b suggestions are made one after another, each seeing the earlier ones of the
 * round as pending, and then all b are evaluated and reported.
 *
 * @param engine  who samples
 * @param sampler the engine's sampler name ({@code random}, {@code tpe}, {@code gp}; for Optuna also
 *                {@code tpe-mv}, {@code cmaes})
 * @param batch   trials suggested before any of them is reported, {@code >= 1}
 */
public record Method(Engine engine, String sampler, int batch) {

    /** Where the sampler runs. */
    public enum Engine {
        TUNESTREAM("ts"),
        OPTUNA("optuna");

        private final String prefix;

        Engine(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public Method {
        Objects.requireNonNull(engine, "`engine` must not be null");
        Objects.requireNonNull(sampler, "`sampler` must not be null");
        if (sampler.isBlank() || !sampler.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("`sampler` must be lowercase letters, digits and '-', but was \""
                    + sampler + "\"");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("`batch` must be >= 1, but was " + batch);
        }
    }

    /** {@code ts-tpe}, {@code optuna-cmaes/b4}: the label used in files and reports. */
    public String label() {
        return engine.prefix() + "-" + sampler + (batch == 1 ? "" : "/b" + batch);
    }

    /**
     * Parses a {@link #label()}.
     *
     * @throws IllegalArgumentException when {@code label} is not {@code ts-<sampler>} or
     *                                  {@code optuna-<sampler>}, optionally followed by {@code /b<batch>}
     */
    public static Method parse(String label) {
        Objects.requireNonNull(label, "`label` must not be null");
        String rest = label.strip();
        int batch = 1;
        int slash = rest.indexOf("/b");
        if (slash >= 0) {
            try {
                batch = Integer.parseInt(rest.substring(slash + 2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("method `" + label + "` must end in /b<batch size>, but did not");
            }
            rest = rest.substring(0, slash);
        }
        for (Engine engine : Engine.values()) {
            if (rest.startsWith(engine.prefix() + "-")) {
                return new Method(engine, rest.substring(engine.prefix().length() + 1), batch);
            }
        }
        throw new IllegalArgumentException("method `" + label + "` must start with ts- or optuna-, but did not");
    }

    @Override
    public String toString() {
        return label();
    }
}

package io.tunestream.optimizer.sampler;

/**
 * Settings of {@link GpSampler}.
 *
 * @param nRestarts   starting points of the marginal-likelihood fit of the kernel hyperparameters (the
 *                    first is a fixed default, the others are random), between 1 and
 *                    {@value #MAX_RESTARTS}
 * @param nCandidates random points at which log expected improvement is evaluated before the best of
 *                    them are refined by local search, between 1 and {@value #MAX_CANDIDATES}
 */
public record GpSettings(int nRestarts, int nCandidates) {

    public static final int DEFAULT_RESTARTS = 2;
    public static final int DEFAULT_CANDIDATES = 512;
    public static final int MAX_RESTARTS = 20;
    public static final int MAX_CANDIDATES = 100_000;

    public GpSettings {
        if (nRestarts < 1 || nRestarts > MAX_RESTARTS) {
            throw new IllegalArgumentException("`nRestarts` must be between 1 and " + MAX_RESTARTS + ", but was " + nRestarts);
        }
        if (nCandidates < 1 || nCandidates > MAX_CANDIDATES) {
            throw new IllegalArgumentException("`nCandidates` must be between 1 and " + MAX_CANDIDATES + ", but was "
                    + nCandidates);
        }
    }

    /** 2 restarts, 512 candidates. */
    public static GpSettings defaults() {
        return new GpSettings(DEFAULT_RESTARTS, DEFAULT_CANDIDATES);
    }
}

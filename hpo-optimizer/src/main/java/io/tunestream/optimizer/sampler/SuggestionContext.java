package io.tunestream.optimizer.sampler;

import java.util.SplittableRandom;

/**
 * What a sampler knows about the suggestion it is asked for, beyond the space and the history.
 *
 * <p>The random generator depends on {@code (studySeed, trialNumber)} only. Trial {@code n} of a study
 * therefore gets the same random stream whichever suggester instance asks, in whatever order trials are
 * asked for, and after any number of restarts; a generator shared across trials would make every
 * suggestion depend on how many were drawn before it.
 *
 * @param studySeed   the seed the study was created with
 * @param trialNumber the number of the trial being suggested, {@code >= 0}
 */
public record SuggestionContext(long studySeed, long trialNumber) {

    // SplitMix64's increment (2^64 / golden ratio, odd): successive trial numbers land far apart.
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    public SuggestionContext {
        if (trialNumber < 0) {
            throw new IllegalArgumentException("`trialNumber` must be >= 0, but was " + trialNumber);
        }
    }

    public static SuggestionContext of(long studySeed, long trialNumber) {
        return new SuggestionContext(studySeed, trialNumber);
    }

    /**
     * A fresh generator for this trial; every call returns a new one with the same sequence.
     *
     * <p>The seed is the {@code trialNumber}-th output of a SplitMix64 stream started at the mixed study
     * seed. The mix is a bijection, so two trials of a study never share a seed, and mixing the study seed
     * first keeps studies with nearby seeds (0, 1, 2, ...) from sharing shifted streams.
     */
    public SplittableRandom rng() {
        return new SplittableRandom(mix64(mix64(studySeed) + GOLDEN_GAMMA * (trialNumber + 1)));
    }

    // The SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014).
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package io.tunestream.bench.system;

import java.util.SplittableRandom;

/**
 * The learning curves of trainer-service's synthetic backend, so that a simulation and a run through
 * Kafka train the same kind of trial: the loss decays as {@code floor + (2.5 − floor)·e^(−3e/R)} plus
 * N(0, noise²), where {@code floor = 0.05 + d} and {@code d} is the trial's distance to the optimum
 * (here drawn as |N(0, 1)| per parameter, summed over three parameters, as random search would see it).
 */
final class SyntheticCurves {

    static final double INITIAL_LOSS = 2.5;
    static final double BASE_FLOOR = 0.05;
    static final int PARAMETERS = 3;

    private SyntheticCurves() {
    }

    /** Losses of one trial at epochs 1..maxEpochs. */
    static double[] curve(long trialNumber, long seed, int maxEpochs, double noise) {
        var rng = new SplittableRandom(seed * 1_000_003L + trialNumber);
        double distance = 0;
        for (int p = 0; p < PARAMETERS; p++) {
            distance += Math.abs(rng.nextGaussian());
        }
        double floor = BASE_FLOOR + distance;
        double rate = 3.0 / maxEpochs;
        double[] losses = new double[maxEpochs];
        for (int e = 1; e <= maxEpochs; e++) {
            losses[e - 1] = Math.max(0, floor + (INITIAL_LOSS - floor) * Math.exp(-rate * e) + noise * rng.nextGaussian());
        }
        return losses;
    }

    /** The noiseless loss at R of the best possible trial (distance 0): regret is measured from it. */
    static double optimum(int maxEpochs) {
        return BASE_FLOOR + (INITIAL_LOSS - BASE_FLOOR) * Math.exp(-3.0);
    }
}

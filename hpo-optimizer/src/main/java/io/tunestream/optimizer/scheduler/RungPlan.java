package io.tunestream.optimizer.scheduler;

/**
 * One rung of a synchronous successive-halving plan: {@code trials} trials (n_i) are trained to
 * {@code epochs} epochs (r_i).
 */
public record RungPlan(int trials, int epochs) {

    public RungPlan {
        if (trials < 0) {
            throw new IllegalArgumentException("`trials` must be >= 0, but was " + trials);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("`epochs` must be >= 1, but was " + epochs);
        }
    }
}

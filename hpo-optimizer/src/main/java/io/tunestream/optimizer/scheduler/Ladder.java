package io.tunestream.optimizer.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * The rungs of one successive-halving ladder: promotion milestones {@code m_0 < m_1 < ... < m_{K-1}}
 * (in epochs, all {@code < maxEpochs}) and the maximum resource R, where a trial is complete.
 */
record Ladder(List<Integer> milestones, int maxEpochs, int eta) {

    Ladder {
        milestones = List.copyOf(milestones);
        for (int i = 0; i < milestones.size(); i++) {
            int m = milestones.get(i);
            if (m < 1 || m >= maxEpochs || (i > 0 && m <= milestones.get(i - 1))) {
                throw new IllegalArgumentException("`milestones` must increase from >= 1 to < maxEpochs="
                        + maxEpochs + ", but were " + milestones);
            }
        }
    }

    /** Rungs at {@code r·η^k} for every k with {@code r·η^k < R} (Jamieson & Talwalkar; Li et al. 2020). */
    static Ladder geometric(int minEpochs, int maxEpochs, int eta) {
        List<Integer> milestones = new ArrayList<>();
        for (long m = minEpochs; m < maxEpochs; m *= eta) {
            milestones.add((int) m);
        }
        return new Ladder(milestones, maxEpochs, eta);
    }

    /**
     * The rungs of Hyperband bracket {@code s} (Li et al. 2018): {@code r_i = R·η^(i-s)} for
     * {@code i = 0..s-1}, rounded to the nearest whole epoch, then R.
     */
    static Ladder hyperbandBracket(int maxEpochs, int eta, int s) {
        List<Integer> milestones = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            milestones.add(Hyperband.rungEpochs(maxEpochs, eta, s - i));
        }
        return new Ladder(milestones, maxEpochs, eta);
    }

    int rungs() {
        return milestones.size();
    }

    int milestone(int rung) {
        return milestones.get(rung);
    }

    /** Where a trial that passed {@code rung} goes next, in words. */
    String after(int rung) {
        return rung + 1 < milestones.size()
                ? "rung " + (rung + 1) + " at epoch " + milestones.get(rung + 1)
                : "maxEpochs " + maxEpochs;
    }

    String describe(int rung) {
        return "rung " + rung + " (epoch " + milestones.get(rung) + ")";
    }
}

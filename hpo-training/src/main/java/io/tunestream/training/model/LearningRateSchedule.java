package io.tunestream.training.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the learning rate η changes from epoch to epoch, with d = {@code lr_decay} in [0, 1) the
 * fraction it loses and E the epochs of the run; epochs count from 1, so epoch 1 trains at η:
 * <ul>
 *   <li>exponential: η·(1 − d)^(e − 1), lower every epoch;</li>
 *   <li>step: η·(1 − d)^⌊(e − 1) / s⌋, lower every s = {@code lr_step_size} epochs;</li>
 *   <li>cosine: η·(1 − d) + η·d·(1 + cos(π(e − 1)/(E − 1)))/2, annealing from η to η·(1 − d) at the last epoch
 *       (Loshchilov and Hutter, SGDR, 2017, without restarts).</li>
 * </ul>
 * d = 0 keeps η constant under every schedule.
 */
public enum LearningRateSchedule {
    EXPONENTIAL,
    STEP,
    COSINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LearningRateSchedule> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }

    /** The learning rate of {@code epoch} (from 1) of a run of {@code epochs} epochs. */
    public double rate(double initial, double decay, int stepSize, int epoch, int epochs) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be >= 1, but was " + epoch);
        }
        return switch (this) {
            case EXPONENTIAL -> initial * Math.pow(1 - decay, epoch - 1);
            case STEP -> initial * Math.pow(1 - decay, (epoch - 1) / stepSize);
            case COSINE -> {
                double progress = epochs <= 1 ? 0 : Math.min(1.0, (epoch - 1) / (double) (epochs - 1));
                yield initial * (1 - decay) + initial * decay * (1 + Math.cos(Math.PI * progress)) / 2;
            }
        };
    }
}

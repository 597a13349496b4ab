package io.tunestream.optimizer.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One trial of a study as algorithms see it.
 *
 * @param number the trial number within the study, {@code >= 0}
 * @param params the configuration, an unmodifiable copy in the order given
 * @param state  where the trial stands
 * @param loss   the loss to minimise (see {@code Direction.toLoss}); required for {@link TrialState#COMPLETED}
 *               and {@link TrialState#STOPPED}, never NaN
 * @param epochs how many epochs the trial has trained, {@code >= 0}
 */
public record TrialRecord(long number, Map<String, Object> params, TrialState state, OptionalDouble loss,
                          int epochs) {

    public TrialRecord {
        if (number < 0) {
            throw new IllegalArgumentException("`number` must be >= 0, but was " + number);
        }
        Objects.requireNonNull(params, "`params` must not be null");
        Objects.requireNonNull(state, "`state` must not be null");
        Objects.requireNonNull(loss, "`loss` must not be null; use OptionalDouble.empty() for no loss");
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalArgumentException("`params` must not contain null names or values, but had "
                        + name + "=" + value);
            }
            copy.put(name, value);
        });
        params = Collections.unmodifiableMap(copy);
        if (loss.isPresent() && Double.isNaN(loss.getAsDouble())) {
            // NaN would break every comparison of losses; Direction.toLoss already maps it to +Infinity.
            throw new IllegalArgumentException("`loss` must not be NaN (convert metrics with Direction.toLoss),"
                    + " but was NaN");
        }
        if ((state == TrialState.COMPLETED || state == TrialState.STOPPED) && loss.isEmpty()) {
            throw new IllegalArgumentException("`loss` must be present when `state` is " + state
                    + ", but was empty");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("`epochs` must be >= 0, but was " + epochs);
        }
    }

    /** A trial that is still training and has not reported yet. */
    public static TrialRecord running(long number, Map<String, Object> params) {
        return new TrialRecord(number, params, TrialState.RUNNING, OptionalDouble.empty(), 0);
    }

    /** A trial that trained for {@code epochs} epochs and finished with {@code loss}. */
    public static TrialRecord completed(long number, Map<String, Object> params, double loss, int epochs) {
        return new TrialRecord(number, params, TrialState.COMPLETED, OptionalDouble.of(loss), epochs);
    }

    /** A trial that a scheduler stopped after {@code epochs} epochs, when its loss was {@code loss}. */
    public static TrialRecord stopped(long number, Map<String, Object> params, double loss, int epochs) {
        return new TrialRecord(number, params, TrialState.STOPPED, OptionalDouble.of(loss), epochs);
    }

    /** A trial that failed without a usable loss. */
    public static TrialRecord failed(long number, Map<String, Object> params) {
        return new TrialRecord(number, params, TrialState.FAILED, OptionalDouble.empty(), 0);
    }
}

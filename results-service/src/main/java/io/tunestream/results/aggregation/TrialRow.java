package io.tunestream.results.aggregation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One line of a leaderboard.
 *
 * @param value   the objective of the current attempt (see {@link ResultsLedger}); empty until an
 *                epoch reported it or while the objective metric is unknown
 * @param epochs  epochs in the current attempt's curve
 * @param attempt the current attempt, 0 while the trial is queued
 */
public record TrialRow(
        String trialId,
        long trialNumber,
        TrialState state,
        OptionalDouble value,
        Map<String, Object> params,
        int epochs,
        int attempt,
        Optional<String> workerId,
        Optional<String> reason) {

    public TrialRow {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}

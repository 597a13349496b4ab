package io.tunestream.results.rest;

import java.util.Map;

import io.tunestream.results.aggregation.TrialRow;
import io.tunestream.results.aggregation.TrialState;

/** One leaderboard row; {@code value}, {@code workerId} and {@code reason} may be null. */
public record TrialRowJson(
        String trialId,
        long trialNumber,
        TrialState state,
        Double value,
        Map<String, Object> params,
        int epochs,
        int attempt,
        String workerId,
        String reason) {

    static TrialRowJson from(TrialRow row) {
        return new TrialRowJson(row.trialId(), row.trialNumber(), row.state(),
                row.value().isPresent() ? row.value().getAsDouble() : null,
                row.params(), row.epochs(), row.attempt(),
                row.workerId().orElse(null), row.reason().orElse(null));
    }
}

package io.tunestream.results.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tunestream.results.aggregation.CurvePoint;
import io.tunestream.results.aggregation.Timings;
import io.tunestream.results.aggregation.TrialDetail;
import io.tunestream.results.aggregation.TrialRow;
import io.tunestream.results.aggregation.TrialState;

/** A trial's row, the curve of its current attempt ({@code [{epoch, metrics}]}) and its timings. */
public record TrialDetailJson(
        String trialId,
        long trialNumber,
        TrialState state,
        Double value,
        Map<String, Object> params,
        int epochs,
        int attempt,
        String workerId,
        String reason,
        List<CurvePoint> curve,
        TimingsJson timings) {

    /** Null until the event that tells it has been seen. */
    public record TimingsJson(Instant suggestedAt, Instant startedAt, Instant endedAt) {

        static TimingsJson from(Timings timings) {
            return new TimingsJson(timings.suggestedAt().orElse(null), timings.startedAt().orElse(null), timings.endedAt().orElse(null));
        }
    }

    static TrialDetailJson from(TrialDetail detail) {
        TrialRow row = detail.row();
        return new TrialDetailJson(row.trialId(), row.trialNumber(), row.state(),
                row.value().isPresent() ? row.value().getAsDouble() : null,
                row.params(), row.epochs(), row.attempt(),
                row.workerId().orElse(null), row.reason().orElse(null),
                detail.curve(), TimingsJson.from(detail.timings()));
    }
}

package io.tunestream.results.aggregation;

import java.time.Instant;
import java.util.Optional;

/**
 * When a trial was suggested, when its current attempt started and when it reached a final state.
 */
public record Timings(Optional<Instant> suggestedAt, Optional<Instant> startedAt, Optional<Instant> endedAt) {
}

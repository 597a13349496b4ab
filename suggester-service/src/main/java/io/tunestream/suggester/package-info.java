/**
 * suggester-service: owns studies and the search. Validates a study before any trial runs, asks the
 * sampler for configurations, keeps at most {@code maxParallel} trials in flight and tops up as
 * results-service reports trials finished.
 */
package io.tunestream.suggester;

/**
 * The suggester's meters (names from {@link io.tunestream.contracts.MetricNames}): trials suggested
 * and the sampler's time per suggestion, by algorithm, and dead-lettered decisions.
 */
package io.tunestream.suggester.metrics;

/**
 * results-service's meters (names from {@link io.tunestream.contracts.MetricNames}): the queued and
 * running trials over all studies (the trainers' autoscaling signal), trials started and finished,
 * decisions by action and their latency, epochs saved by early stopping, and per-study gauges of the
 * running studies (best objective, epochs and trials against their budgets) that disappear when a
 * study ends.
 */
package io.tunestream.results.metrics;

/**
 * The trainer's meters (names from {@link io.tunestream.contracts.MetricNames}): attempts started and
 * finished, epoch time by backend (by decorating the backends and the report sink, so the runner stays
 * free of metrics), slot utilisation, redeliveries and dead letters.
 */
package io.tunestream.trainer.metrics;

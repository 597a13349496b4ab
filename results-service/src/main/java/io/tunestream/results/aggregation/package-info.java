/**
 * The core of results-service, plain Java without Quarkus or Kafka: {@link io.tunestream.results.aggregation.ResultsLedger}
 * folds the study, suggestion and report events into per-study trial state (attempt-aware, idempotent,
 * independent of the order in which the three topics arrive), answers each event with the decisions it
 * implies, and serves immutable snapshots (study summaries, leaderboards, curves) for the queries.
 */
package io.tunestream.results.aggregation;

/**
 * Rebuilding the suggester from Kafka at start: replays the study, suggestion and decision topics
 * into the core ({@code StudyRecovery}), publishes what resuming the running studies requires, and
 * holds back REST calls, readiness and the decisions consumer until then.
 */
package io.tunestream.suggester.recovery;

/**
 * Suggestion latency measured with JMH (sample-time mode, so p50 and p99 come from the distribution of
 * single calls): {@link io.tunestream.bench.latency.SuggestionLatencyJmh} is the benchmark,
 * {@link io.tunestream.bench.latency.SuggestionLatencyReport} runs it and writes
 * {@code docs/benchmarks/latency.md}.
 */
package io.tunestream.bench.latency;

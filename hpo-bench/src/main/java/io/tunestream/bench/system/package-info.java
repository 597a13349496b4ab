/**
 * System benchmarks that need no broker: worker-slot utilization of asynchronous (ASHA, Hyperband) and
 * synchronous (Hyperband) halving in virtual time, up to 500 workers and 20,000 trials, and the
 * suggesters' cost as the history grows. The broker-backed ones are {@code ./tunestream bench}
 * (tunestream-cli); docs/benchmarks/system.md has both.
 */
package io.tunestream.bench.system;

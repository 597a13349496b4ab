/**
 * Search benchmarks: Tunestream's samplers side by side with Optuna on problems with known optima,
 * NAS-Bench-201 and the YAHPO lcbench surrogate.
 *
 * <p>Everything here is run by hand ({@code bench/search.sh}), never by the build: a benchmark is a
 * plain {@code main}, and only the harness itself has unit tests. Every objective is defined once, in
 * Java; Optuna runs in a Python subprocess that asks Java for each evaluation over a line protocol
 * ({@link io.tunestream.bench.run.OptunaBridge}).
 */
package io.tunestream.bench;

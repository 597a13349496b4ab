/**
 * Benchmark problems: a search space, a loss to minimise and, where known, the optimal loss.
 *
 * <p>Maximisation benchmarks (NAS-Bench-201 accuracy, lcbench accuracy) are turned into losses with
 * {@link io.tunestream.optimizer.objective.Direction#toLoss(double)} at this boundary, so runners and
 * reports only ever minimise.
 */
package io.tunestream.bench.problem;

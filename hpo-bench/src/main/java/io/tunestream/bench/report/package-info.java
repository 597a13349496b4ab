/**
 * Turning study results into regret statistics, timing tables and {@code docs/benchmarks/search.md}.
 */
package io.tunestream.bench.report;

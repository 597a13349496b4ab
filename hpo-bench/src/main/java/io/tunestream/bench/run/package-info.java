/**
 * Running studies: Tunestream's samplers in-process, Optuna's in a Python subprocess that asks this
 * JVM for every evaluation, both sequentially or with a batch of pending trials.
 */
package io.tunestream.bench.run;

/**
 * Analysis of a finished or running study: which hyperparameters matter.
 *
 * <p>{@link io.tunestream.optimizer.analysis.FanovaImportance} fits a random forest of regression trees
 * to (configuration on the unit cube, loss) pairs and decomposes each tree's variance into the main
 * effects of single parameters (functional ANOVA), as Hutter, Hoos and Leyton-Brown (ICML 2014) do and
 * as Optuna's {@code FanovaImportanceEvaluator} reports it. Plain Java, deterministic given the seed.
 */
package io.tunestream.optimizer.analysis;

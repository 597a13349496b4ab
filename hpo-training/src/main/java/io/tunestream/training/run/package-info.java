/**
 * Training runs of the MLP: an {@link io.tunestream.training.run.Experiment} trains one trial epoch by
 * epoch (on a train / validation split or over k folds, reporting the means), and
 * {@link io.tunestream.training.run.FinalEvaluation} scores the chosen configuration once on the
 * held-out test set, optionally retrained on train + validation and saved.
 */
package io.tunestream.training.run;

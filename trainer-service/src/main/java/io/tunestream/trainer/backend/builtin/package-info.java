/**
 * The {@code builtin} backend: a thin adapter from a trial (its parameters, its study's
 * {@code trainer.settings}) to the MLP of hpo-training, trained in this JVM with DJL's PyTorch engine.
 */
package io.tunestream.trainer.backend.builtin;

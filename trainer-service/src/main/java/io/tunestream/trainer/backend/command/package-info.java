/**
 * The {@code command} backend: runs a training program registered by the operator (never a command
 * line from the API) as a subprocess, hands it the trial's parameters, and reads its per-epoch metrics
 * from stdout lines that start with {@link io.tunestream.trainer.backend.command.MetricLineParser#PREFIX}.
 */
package io.tunestream.trainer.backend.command;

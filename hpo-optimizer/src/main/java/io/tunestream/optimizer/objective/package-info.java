/**
 * The optimisation objective as the core sees it: a loss to minimise.
 *
 * <p>{@link io.tunestream.optimizer.objective.Direction} is the only type in the core that knows a
 * study may maximise; every metric is turned into a loss at the boundary, so samplers and schedulers
 * compare losses and nothing else.
 */
package io.tunestream.optimizer.objective;

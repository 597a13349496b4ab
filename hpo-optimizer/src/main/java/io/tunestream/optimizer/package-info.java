/**
 * The optimizer core of Tunestream: plain Java, no framework, no messaging.
 *
 * <p>Services map their wire events to these types once, at the edge, and call in here:
 * <ul>
 *   <li>{@link io.tunestream.optimizer.space} describes what may be tuned and maps every search space
 *       onto the unit cube, so that algorithms never branch on parameter type;</li>
 *   <li>{@link io.tunestream.optimizer.objective} turns the user's direction into a loss, once;</li>
 *   <li>{@link io.tunestream.optimizer.history} is the immutable snapshot of a study that algorithms
 *       read;</li>
 *   <li>{@link io.tunestream.optimizer.sampler} suggests the next configuration from that snapshot;</li>
 *   <li>{@link io.tunestream.optimizer.analysis} tells which hyperparameters mattered (fANOVA).</li>
 * </ul>
 */
package io.tunestream.optimizer;

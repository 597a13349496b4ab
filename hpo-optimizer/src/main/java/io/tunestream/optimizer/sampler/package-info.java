/**
 * Samplers: given a search space and a snapshot of the study, suggest the next configuration.
 *
 * <p>A {@link io.tunestream.optimizer.sampler.Sampler} is a pure function of the space, the history and
 * a {@link io.tunestream.optimizer.sampler.SuggestionContext}, whose random generator is derived from
 * the study seed and the trial number. A study replayed from its event log therefore gets the same
 * suggestions, whatever the number of suggester instances or restarts.
 */
package io.tunestream.optimizer.sampler;

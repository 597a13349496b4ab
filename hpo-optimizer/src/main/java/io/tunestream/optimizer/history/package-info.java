/**
 * The study as algorithms see it: an immutable snapshot of its trials and their losses.
 *
 * <p>Services rebuild a {@link io.tunestream.optimizer.history.StudyHistory} from their own state and
 * hand it to a sampler or scheduler; algorithms read it and never write to storage, so the same snapshot
 * always produces the same answer.
 */
package io.tunestream.optimizer.history;

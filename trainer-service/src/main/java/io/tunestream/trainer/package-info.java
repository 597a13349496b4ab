/**
 * trainer-service: a stateless pool of training slots fed by the {@code hpo.trial.suggested} work
 * queue (a Kafka share group). Each slot runs one trial at a time through a training backend, reports
 * every epoch, and ends a trial within one epoch of a STOP decision.
 */
package io.tunestream.trainer;

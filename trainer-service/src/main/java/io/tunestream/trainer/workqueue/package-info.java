/**
 * The work queue: {@code hpo.trial.suggested} consumed through a Kafka share group (KIP-932) with the
 * plain {@code KafkaShareConsumer} in explicit acknowledgement mode. One consumer per slot, one record
 * per poll: a slot holds at most the trial it runs, and an idle slot takes the next trial.
 */
package io.tunestream.trainer.workqueue;

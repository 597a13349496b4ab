/**
 * Kafka adapters of the trainer: reports out, decisions and study changes in (SmallRye channels), and
 * the work item handler that the share-group slots call.
 */
package io.tunestream.trainer.messaging;

/**
 * Kafka adapters: the three incoming channels (study changes, suggestions, reports) feed the ledger
 * and publish the decisions it returns on {@code hpo.trial.decided}; a record that is not a valid
 * event is nacked and dead-lettered by SmallRye to {@code <topic>.dlq}. At start-up the decisions
 * topic is read back first, so that replaying the event topics never publishes a decision twice.
 */
package io.tunestream.results.messaging;

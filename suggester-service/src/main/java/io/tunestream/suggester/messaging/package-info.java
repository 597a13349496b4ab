/** Kafka adapters of the suggester: publishes study changes and suggestions, consumes decisions. */
package io.tunestream.suggester.messaging;

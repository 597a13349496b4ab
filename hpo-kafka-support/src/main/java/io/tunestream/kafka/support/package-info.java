/**
 * Plain Kafka client helpers that more than one service needs outside SmallRye channels: reading topics
 * to their end at start-up (state rebuilt from Kafka) and deriving plain-client settings from the
 * application's {@code kafka.*} configuration. No framework.
 */
package io.tunestream.kafka.support;

/**
 * A real Apache Kafka broker (KRaft) started inside a JVM from the Kafka jars on Maven Central, with
 * share groups enabled: the default broker of {@code ./tunestream demo} when no bootstrap servers are
 * configured, and the broker of every integration test where no Docker engine is available.
 */
package io.tunestream.kafka.embedded;

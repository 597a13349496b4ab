/**
 * The wire model shared by every Tunestream service: topic and channel names, the JSON mapping, and
 * (in sub-packages) the events and the study specification. Knows nothing of Quarkus or Kafka.
 */
package io.tunestream.contracts;

/**
 * Test support shared by the services' Quarkus tests (next to the Kafka test resource of this module):
 * reading what a service exports on {@code /q/metrics}, and the REST API token of the test profile.
 */
package io.tunestream.testing;

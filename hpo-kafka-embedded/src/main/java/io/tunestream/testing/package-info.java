/**
 * Test support shared by the services' Quarkus tests (next to the Kafka test resource of this module):
 * reading what a service exports on {@code /q/metrics}, the REST API token of the test profile, and a
 * local OpenID Connect identity provider (a key pair and signed JWTs, no network) for the OIDC tests.
 */
package io.tunestream.testing;

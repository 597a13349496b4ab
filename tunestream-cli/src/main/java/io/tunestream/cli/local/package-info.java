/**
 * A Tunestream cluster on this machine: the embedded KRaft broker and every service as its own JVM,
 * started from the reactor's packaged jars, watched for readiness, and always stopped again (in reverse
 * order, SIGTERM then SIGKILL) by {@link io.tunestream.cli.local.LocalCluster#close()} or by a JVM
 * shutdown hook. Used by {@code tunestream demo} and by the end-to-end tests.
 */
package io.tunestream.cli.local;

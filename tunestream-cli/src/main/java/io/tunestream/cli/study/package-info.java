/**
 * {@code tunestream study ...}: drive studies on running services over their REST APIs (create,
 * list, watch, best, stop, export). Where the services are and the API token come from flags, the
 * environment or a config file ({@link io.tunestream.cli.study.Endpoints}).
 */
package io.tunestream.cli.study;

/**
 * Tests of the deployment files (docker-compose, Prometheus, Grafana, k8s/ kustomize) that need no
 * Docker engine and no cluster: they parse, render and validate the files against what the services
 * really export ({@link io.tunestream.contracts.MetricNames}) and against the Kubernetes model.
 */
package io.tunestream.cli.deploy;

package io.tunestream.suggester.rest;

import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.tunestream.suggester.recovery.RecoveryState;

/**
 * Answers {@code 503} with {@code Retry-After} to every study call until the studies are rebuilt from
 * Kafka: a study created or stopped before would race the recovery, and a list would be incomplete.
 */
@Provider
public class RecoveryGate implements ContainerRequestFilter {

    private final RecoveryState recovery;

    public RecoveryGate(RecoveryState recovery) {
        this.recovery = recovery;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!recovery.isDone() && request.getUriInfo().getPath().startsWith("/api/")) {
            request.abortWith(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "2")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "the suggester is recovering its studies from Kafka; try again shortly"))
                    .build());
        }
    }
}

package io.tunestream.results.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the published decisions are read back and the event replay has begun; the data says how
 * far the replay of the start-up backlog is.
 */
@Readiness
@ApplicationScoped
public class ReplayHealthCheck implements HealthCheck {

    private final ReplayCoordinator replay;

    @Inject
    public ReplayHealthCheck(ReplayCoordinator replay) {
        this.replay = replay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("replay")
                .status(replay.isReady())
                .withData("decisionsRead", replay.decisionsRead())
                .withData("backlogProcessed", replay.backlogProcessed())
                .withData("partitionsBehind", replay.partitionsBehind())
                .build();
    }
}

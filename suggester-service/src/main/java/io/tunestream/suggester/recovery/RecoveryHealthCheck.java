package io.tunestream.suggester.recovery;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the studies are rebuilt from Kafka. */
@Readiness
@ApplicationScoped
public class RecoveryHealthCheck implements HealthCheck {

    private final RecoveryState state;

    public RecoveryHealthCheck(RecoveryState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("study-recovery").status(state.isDone())
                .withData("recovery", state.summary()).build();
    }
}

package io.tunestream.trainer.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.tunestream.contracts.Channels;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.trainer.runner.StopRegistry;

/**
 * Every trainer reads every decision and study change (a consumer group of its own per process):
 * the STOP for a trial must reach whichever worker runs it.
 */
@ApplicationScoped
public class StopListener {

    private final StopRegistry stops;

    public StopListener(StopRegistry stops) {
        this.stops = stops;
    }

    @Incoming(Channels.TRIAL_DECIDED_IN)
    public void onDecision(String value) {
        var decision = Json.read(value, TrialDecided.class);
        if (decision.action() == DecisionAction.STOP) {
            stops.trialStopped(decision.trialId(), decision.reason());
        }
    }

    @Incoming(Channels.STUDY_CHANGED_IN)
    public void onStudyChanged(String value) {
        var change = Json.read(value, StudyChanged.class);
        stops.studyChanged(change.studyId(), change.state());
    }
}

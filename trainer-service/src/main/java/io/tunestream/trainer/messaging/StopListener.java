package io.tunestream.trainer.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.tunestream.contracts.Channels;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.trainer.metrics.TrainerMetrics;
import io.tunestream.trainer.runner.StopRegistry;

/**
 * Every trainer reads every decision and study change (a consumer group of its own per process):
 * the STOP for a trial must reach whichever worker runs it.
 */
@ApplicationScoped
public class StopListener {

    private final StopRegistry stops;
    private final TrainerMetrics metrics;

    public StopListener(StopRegistry stops, TrainerMetrics metrics) {
        this.stops = stops;
        this.metrics = metrics;
    }

    @Incoming(Channels.TRIAL_DECIDED_IN)
    public void onDecision(String value) {
        var decision = read(value, TrialDecided.class, Topics.TRIAL_DECIDED);
        if (decision.action() == DecisionAction.STOP) {
            stops.trialStopped(decision.trialId(), decision.reason());
        }
    }

    @Incoming(Channels.STUDY_CHANGED_IN)
    public void onStudyChanged(String value) {
        var change = read(value, StudyChanged.class, Topics.STUDY_CHANGED);
        stops.studyChanged(change.studyId(), change.state());
    }

    /** An invalid record throws: SmallRye nacks it into {@code <topic>.dlq}; counted first. */
    private <T> T read(String value, Class<T> type, String topic) {
        try {
            return Json.read(value, type);
        } catch (RuntimeException e) {
            metrics.deadLettered(topic);
            throw e;
        }
    }
}

package io.tunestream.optimizer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks every scheduler must pass. A subclass supplies fresh schedulers configured for epochs 1..27
 * (so that {@link SchedulerEvents#generate} sequences with 27 epochs exercise their rungs).
 */
abstract class TrialSchedulerContractTest {

    protected static final int MAX_EPOCHS = 27;

    /** A fresh scheduler; each call must return a new, empty instance. */
    protected abstract TrialScheduler newScheduler();

    /** Whether the scheduler stops any trial of a generated sequence. */
    protected boolean stopsTrials() {
        return true;
    }

    @Test
    void replayingARecordedSequenceGivesIdenticalDecisions() {
        for (long seed = 1; seed <= 5; seed++) {
            List<SchedulerEvents.Event> events = SchedulerEvents.generate(seed, 60, MAX_EPOCHS, 4);

            List<TrialDecision> first = SchedulerEvents.replay(newScheduler(), events);
            List<TrialDecision> again = SchedulerEvents.replay(newScheduler(), events);

            assertThat(again).as("seed %d", seed).isEqualTo(first);
            if (stopsTrials()) {
                assertThat(first).as("seed %d", seed).anyMatch(d -> d.action() == SchedulerAction.STOP);
            }
        }
    }

    @Test
    void everyReportIsAnsweredAboutTheReportingTrial() {
        TrialScheduler scheduler = newScheduler();
        for (SchedulerEvents.Event event : SchedulerEvents.generate(7, 40, MAX_EPOCHS, 4)) {
            if (event.ended()) {
                assertThat(scheduler.onTrialEnded(event.trialNumber()))
                        .as("decisions on the end of trial %d", event.trialNumber())
                        .noneMatch(d -> d.trialNumber() == event.trialNumber());
            } else {
                List<TrialDecision> decisions = scheduler.onReport(event.trialNumber(), event.epoch(), event.loss());
                assertThat(decisions).as("%s", event).anyMatch(d -> d.trialNumber() == event.trialNumber());
            }
        }
    }

    @Test
    void aRepeatedReportGetsTheSameDecisionAsTheFirst() {
        TrialScheduler scheduler = newScheduler();
        for (SchedulerEvents.Event event : SchedulerEvents.generate(11, 40, MAX_EPOCHS, 4)) {
            if (event.ended()) {
                scheduler.onTrialEnded(event.trialNumber());
                continue;
            }
            List<TrialDecision> first = about(event.trialNumber(),
                    scheduler.onReport(event.trialNumber(), event.epoch(), event.loss()));
            List<TrialDecision> again = scheduler.onReport(event.trialNumber(), event.epoch(), event.loss());

            assertThat(again).as("%s", event).containsExactly(first.get(first.size() - 1));
        }
    }

    @Test
    void aStoppedTrialStaysStopped() {
        TrialScheduler scheduler = newScheduler();
        List<Long> stopped = new ArrayList<>();
        for (SchedulerEvents.Event event : SchedulerEvents.generate(13, 60, MAX_EPOCHS, 4)) {
            if (event.ended()) {
                scheduler.onTrialEnded(event.trialNumber());
                continue;
            }
            List<TrialDecision> decisions = scheduler.onReport(event.trialNumber(), event.epoch(), event.loss());
            if (stopped.contains(event.trialNumber())) {
                assertThat(about(event.trialNumber(), decisions)).as("%s", event)
                        .allMatch(d -> d.action() == SchedulerAction.STOP);
            }
            decisions.stream().filter(d -> d.action() == SchedulerAction.STOP).forEach(d -> stopped.add(d.trialNumber()));
        }
    }

    @Test
    void aNaNLossIsDecidedLikeInfinity() {
        List<SchedulerEvents.Event> withNaN = SchedulerEvents.generate(17, 40, MAX_EPOCHS, 4);
        List<SchedulerEvents.Event> withInfinity = withNaN.stream()
                .map(e -> !e.ended() && Double.isNaN(e.loss())
                        ? SchedulerEvents.Event.report(e.trialNumber(), e.epoch(), Double.POSITIVE_INFINITY)
                        : e)
                .toList();
        assertThat(withNaN).anyMatch(e -> !e.ended() && Double.isNaN(e.loss()));

        assertThat(actions(SchedulerEvents.replay(newScheduler(), withNaN)))
                .isEqualTo(actions(SchedulerEvents.replay(newScheduler(), withInfinity)));
    }

    @Test
    void rejectsANegativeTrialNumberOrAnEpochBelowOne() {
        TrialScheduler scheduler = newScheduler();

        assertThatThrownBy(() -> scheduler.onReport(-1, 1, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`trialNumber` must be >= 0, but was -1");
        assertThatThrownBy(() -> scheduler.onReport(0, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`epoch` must be >= 1, but was 0");
        assertThatThrownBy(() -> scheduler.onTrialEnded(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`trialNumber` must be >= 0, but was -3");
    }

    static List<TrialDecision> about(long trialNumber, List<TrialDecision> decisions) {
        return decisions.stream().filter(d -> d.trialNumber() == trialNumber).toList();
    }

    private static List<String> actions(List<TrialDecision> decisions) {
        return decisions.stream().map(d -> d.trialNumber() + ":" + d.action() + "@" + d.epoch() + d.rung()).toList();
    }
}

package io.tunestream.results.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.spec.AlgorithmSpec;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.SchedulerSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.optimizer.scheduler.Asha;
import io.tunestream.optimizer.scheduler.SchedulerAction;
import io.tunestream.optimizer.scheduler.TrialDecision;

/**
 * results-service as the referee: the study's scheduler judges every epoch report, and the decisions
 * on the topic are exactly those of the core scheduler replayed on the same events.
 */
class RefereeTest {

    private static StudyChanged study(String scheduler, String direction) {
        var spec = new StudySpec("refereed", new ObjectiveSpec(Events.METRIC, direction),
                Map.of("lr", ParameterSpec.floatRange(1e-4, 1e-1, true)), new AlgorithmSpec("random", Map.of()),
                new BudgetSpec(30, 30, 9), new TrainerSpec("synthetic", Map.of()), 1L,
                new SchedulerSpec(scheduler, 1, 9, 3, null, null));
        return new StudyChanged(SchemaVersion.CURRENT, Events.STUDY, StudyState.RUNNING, spec, 30, null, Events.T0);
    }

    /** 27 trials, each with its own seeded learning curve, epochs interleaved across trials. */
    private static List<TrialReported> interleavedEpochs(long seed) {
        var random = new SplittableRandom(seed);
        var finals = new double[27];
        for (int t = 0; t < finals.length; t++) {
            finals[t] = random.nextDouble();
        }
        var reports = new ArrayList<TrialReported>();
        for (int epoch = 1; epoch <= 9; epoch++) {
            for (int t = 0; t < finals.length; t++) {
                reports.add(Events.epoch(t, 1, epoch, finals[t] + 2.0 / epoch + 0.01 * random.nextDouble()));
            }
        }
        return reports;
    }

    private static List<String> asText(List<TrialDecided> decisions) {
        return decisions.stream().filter(d -> d.action() == DecisionAction.STOP || d.action() == DecisionAction.PROMOTED)
                .map(d -> d.trialNumber() + ":" + d.action() + "@" + d.epoch()).toList();
    }

    @Test
    void ashaDecisionsOnTheTopicEqualTheCoreSchedulerReplayedOnTheSameEvents() {
        var ledger = new ResultsLedger();
        var published = new ArrayList<TrialDecided>(ledger.onStudyChanged(study("asha", "minimize")));
        var stopped = new java.util.HashSet<Long>();
        var core = Asha.of(1, 9, 3);
        var expected = new ArrayList<String>();
        for (var report : interleavedEpochs(5)) {
            if (stopped.contains(report.trialNumber())) {
                continue; // a stopped trial reports no more epochs
            }
            var decisions = ledger.onTrialReported(report);
            published.addAll(decisions);
            decisions.stream().filter(d -> d.action() == DecisionAction.STOP).forEach(d -> stopped.add(d.trialNumber()));
            for (TrialDecision answer : core.onReport(report.trialNumber(), report.epoch(), report.metrics().get(Events.METRIC))) {
                if (answer.action() == SchedulerAction.STOP || answer.action() == SchedulerAction.PROMOTE) {
                    expected.add(answer.trialNumber() + ":" + (answer.action() == SchedulerAction.STOP ? "STOP" : "PROMOTED") + "@" + answer.epoch());
                }
            }
        }
        assertThat(asText(published)).isEqualTo(expected);
        assertThat(stopped).hasSizeGreaterThan(10);
        assertThat(published).filteredOn(d -> d.action() == DecisionAction.STOP)
                .allSatisfy(d -> assertThat(d.reason()).contains("rung"));
        assertThat(published).filteredOn(d -> d.action() == DecisionAction.PROMOTED)
                .allSatisfy(d -> assertThat(d.value()).isNotNull());
    }

    @Test
    void reportsReadBeforeTheSpecAreJudgedWhenItArrives() {
        var early = new ResultsLedger();
        var decisions = new ArrayList<TrialDecided>();
        for (long t = 0; t < 9; t++) {
            decisions.addAll(early.onTrialReported(Events.epoch(t, 1, 1, t)));
        }
        assertThat(decisions).isEmpty();
        decisions.addAll(early.onStudyChanged(study("asha", "minimize")));

        var inOrder = new ResultsLedger();
        var reference = new ArrayList<TrialDecided>(inOrder.onStudyChanged(study("asha", "minimize")));
        for (long t = 0; t < 9; t++) {
            reference.addAll(inOrder.onTrialReported(Events.epoch(t, 1, 1, t)));
        }
        assertThat(asText(decisions)).isEqualTo(asText(reference)).isNotEmpty();
    }

    @Test
    void maximizeIsTurnedIntoALossAndNoSchedulerMeansNoStops() {
        var maximize = new ResultsLedger();
        var decisions = new ArrayList<TrialDecided>(maximize.onStudyChanged(study("asha", "maximize")));
        for (long t = 0; t < 9; t++) {
            decisions.addAll(maximize.onTrialReported(Events.epoch(t, 1, 1, t))); // higher is better: low trials stop
        }
        assertThat(decisions).filteredOn(d -> d.action() == DecisionAction.STOP)
                .extracting(TrialDecided::trialNumber).allSatisfy(n -> assertThat(n).isLessThan(6));

        var none = new ResultsLedger();
        var quiet = new ArrayList<TrialDecided>(none.onStudyChanged(study(SchedulerSpec.NONE, "minimize")));
        for (long t = 0; t < 9; t++) {
            quiet.addAll(none.onTrialReported(Events.epoch(t, 1, 1, t)));
        }
        assertThat(quiet).isEmpty();
    }

    @Test
    void aRestartPublishesNoDecisionTwiceAndAPromotionDoesNotHideAStop() {
        var first = new ResultsLedger();
        var events = new ArrayList<TrialReported>();
        var published = new ArrayList<TrialDecided>(first.onStudyChanged(study("asha", "minimize")));
        for (long t = 0; t < 9; t++) {
            var report = Events.epoch(t, 1, 1, 8 - t); // each trial better than all before it: all promoted
            events.add(report);
            published.addAll(first.onTrialReported(report));
        }
        // Trial 7 was promoted at rung 1; at rung 3 it is the worse of two and is stopped.
        assertThat(asText(published)).contains("7:PROMOTED@1", "8:PROMOTED@1");

        var restarted = new ResultsLedger();
        published.forEach(restarted::recordPublished);
        var again = new ArrayList<TrialDecided>(restarted.onStudyChanged(study("asha", "minimize")));
        events.forEach(report -> again.addAll(restarted.onTrialReported(report)));
        assertThat(again).isEmpty();

        var more = new ArrayList<TrialDecided>();
        more.addAll(restarted.onTrialReported(Events.epoch(8, 1, 3, 0.1)));
        more.addAll(restarted.onTrialReported(Events.epoch(7, 1, 3, 5.0)));
        assertThat(asText(more)).containsExactly("8:PROMOTED@3", "7:STOP@3");
    }
}

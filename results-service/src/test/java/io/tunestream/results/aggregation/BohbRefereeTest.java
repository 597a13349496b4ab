package io.tunestream.results.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
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
import io.tunestream.contracts.spec.StudySpecValidator;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.optimizer.objective.Direction;
import io.tunestream.optimizer.scheduler.Hyperband;
import io.tunestream.optimizer.scheduler.SchedulerAction;
import io.tunestream.optimizer.scheduler.TrialDecision;

/** {@code algorithm: bohb}: the referee runs the Hyperband scheduler the spec implies (or names). */
class BohbRefereeTest {

    private static StudySpec bohb(SchedulerSpec scheduler) {
        return new StudySpec("bohb", new ObjectiveSpec(Events.METRIC, "minimize"),
                Map.of("lr", ParameterSpec.floatRange(1e-4, 1e-1, true)), new AlgorithmSpec("bohb", Map.of()),
                new BudgetSpec(30, 30, 9), new TrainerSpec("synthetic", Map.of()), 1L, scheduler);
    }

    @Test
    void aBohbSpecWithoutASchedulerGetsAHyperbandReferee() {
        StudySpec spec = bohb(null);
        assertThat(StudySpecValidator.validate(spec)).isEmpty();

        assertThat(Referee.of(spec, Direction.MINIMIZE)).hasValueSatisfying(
                referee -> assertThat(referee.toString()).isEqualTo(Hyperband.of(1, 9, 3).toString()));
        assertThat(Referee.of(bohb(new SchedulerSpec("hyperband", 1, 8, 2, null, null)), Direction.MINIMIZE)).hasValueSatisfying(
                referee -> assertThat(referee.toString()).isEqualTo(Hyperband.of(1, 8, 2).toString()));
    }

    @Test
    void theDecisionsOfABohbStudyAreThoseOfHyperbandReplayedOnTheSameEvents() {
        var ledger = new ResultsLedger();
        var published = new ArrayList<TrialDecided>(ledger.onStudyChanged(
                new StudyChanged(SchemaVersion.CURRENT, Events.STUDY, StudyState.RUNNING, bohb(null), 30, null, Events.T0)));
        var core = Hyperband.of(1, 9, 3);
        var stopped = new HashSet<Long>();
        var expected = new ArrayList<String>();
        for (TrialReported report : interleavedEpochs(9)) {
            if (stopped.contains(report.trialNumber())) {
                continue;
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

        assertThat(published.stream().filter(d -> d.action() == DecisionAction.STOP || d.action() == DecisionAction.PROMOTED)
                .map(d -> d.trialNumber() + ":" + d.action() + "@" + d.epoch()).toList()).isEqualTo(expected);
        assertThat(published).filteredOn(d -> d.action() == DecisionAction.PROMOTED).isNotEmpty()
                .allSatisfy(d -> assertThat(d.value()).as("the observation BOHB learns from").isNotNull());
        assertThat(stopped).isNotEmpty();
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
}

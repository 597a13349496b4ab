package io.tunestream.suggester.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialSuggested;

/** A suggester rebuilt from the events another one published resumes where it stopped. */
class StudyRecoveryTest {

    /** What one suggester published, as the topics hold it. */
    static final class Topics {
        final List<StudyChanged> changes = new ArrayList<>();
        final List<TrialSuggested> suggestions = new ArrayList<>();
        final List<TrialDecided> decisions = new ArrayList<>();

        void publish(StudyRun.Effects effects) {
            changes.addAll(effects.studyChanges());
            suggestions.addAll(effects.suggestions());
        }

        StudyRecovery replay() {
            var recovery = new StudyRecovery();
            changes.forEach(recovery::onStudyChanged);
            suggestions.forEach(recovery::onTrialSuggested);
            decisions.forEach(recovery::onTrialDecided);
            return recovery;
        }
    }

    private static TrialDecided completed(TrialSuggested trial, double value) {
        return TrialDecided.of(trial.studyId(), trial.trialId(), trial.trialNumber(), 1, DecisionAction.COMPLETED, 5, value, null);
    }

    @Test
    void aRestoredStudyContinuesWithTheNextTrialNumbersAndTheSameConfigurationsAsAnUninterruptedRun() {
        var topics = new Topics();
        var first = new StudyRegistry();
        var created = first.create(StudyRunTest.spec("random", 6, 2));
        String id = created.studyId();
        topics.publish(created.effects());
        // trial 0 completes: the first suggester suggests trial 2, then dies
        var t0 = topics.suggestions.get(0);
        topics.decisions.add(completed(t0, 0.4));
        topics.publish(first.onDecision(topics.decisions.get(0)));
        assertThat(topics.suggestions).extracting(TrialSuggested::trialNumber).containsExactly(0L, 1L, 2L);
        // trial 1 completes while no suggester runs
        topics.decisions.add(completed(topics.suggestions.get(1), 0.3));

        var second = new StudyRegistry();
        var outcome = topics.replay().restoreInto(second);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.studies()).isEqualTo(1);
        assertThat(outcome.trials()).isEqualTo(3);
        var resumed = outcome.effects().stream().flatMap(e -> e.suggestions().stream()).toList();
        assertThat(resumed).extracting(TrialSuggested::trialNumber).as("only the free slot, with the next number").containsExactly(3L);

        // the same trial 3 an uninterrupted suggester would have suggested (random: derived from (seed, n))
        var uninterrupted = first.onDecision(topics.decisions.get(1)).suggestions();
        assertThat(uninterrupted).extracting(TrialSuggested::trialId).containsExactly(resumed.get(0).trialId());
        assertThat(resumed.get(0).params()).isEqualTo(uninterrupted.get(0).params());
        assertThat(resumed.get(0).seed()).isEqualTo(uninterrupted.get(0).seed());

        var view = second.view(id).orElseThrow();
        assertThat(view.state()).isEqualTo("RUNNING");
        assertThat(view.trialsSuggested()).isEqualTo(4);
        assertThat(view.trialsRunning()).isEqualTo(2);
        assertThat(view.trialsFinished()).isEqualTo(2);
    }

    @Test
    void decisionsReadAgainAfterTheRestoreChangeNothing() {
        var topics = new Topics();
        var first = new StudyRegistry();
        var created = first.create(StudyRunTest.spec("random", 4, 2));
        topics.publish(created.effects());
        topics.decisions.add(completed(topics.suggestions.get(0), 0.4));

        var second = new StudyRegistry();
        var outcome = topics.replay().restoreInto(second);
        assertThat(outcome.effects()).flatExtracting(StudyRun.Effects::suggestions).extracting(TrialSuggested::trialNumber).containsExactly(2L);
        // the consumer group's committed offset was behind: it hands the same decision again
        assertThat(second.onDecision(topics.decisions.get(0)).isEmpty()).isTrue();
        assertThat(second.view(created.studyId()).orElseThrow().trialsSuggested()).isEqualTo(3);
    }

    @Test
    void aStudyWhoseBudgetIsSpentCompletesOnResumeAndFinalStudiesStayAsTheyAre() {
        var topics = new Topics();
        var first = new StudyRegistry();
        var created = first.create(StudyRunTest.spec("random", 2, 2));
        topics.publish(created.effects());
        // both trials end, but the suggester died before it published the completion
        topics.suggestions.forEach(t -> topics.decisions.add(completed(t, 0.5)));
        var stoppedStudy = first.create(StudyRunTest.spec("random", 5, 1));
        topics.publish(stoppedStudy.effects());
        topics.publish(first.stop(stoppedStudy.studyId(), "stopped by user").orElseThrow());

        var second = new StudyRegistry();
        var outcome = topics.replay().restoreInto(second);

        assertThat(outcome.effects()).flatExtracting(StudyRun.Effects::suggestions).isEmpty();
        assertThat(outcome.effects()).flatExtracting(StudyRun.Effects::studyChanges)
                .singleElement().satisfies(change -> {
                    assertThat(change.studyId()).isEqualTo(created.studyId());
                    assertThat(change.state()).isEqualTo(StudyState.COMPLETED);
                    assertThat(change.trialsSuggested()).isEqualTo(2);
                });
        assertThat(second.view(stoppedStudy.studyId()).orElseThrow().state()).isEqualTo("STOPPED");
        assertThat(second.view(stoppedStudy.studyId()).orElseThrow().trialsSuggested()).isEqualTo(1);
    }

    @Test
    void duplicatedEventsOnTheTopicsRestoreTheSameStudy() {
        var topics = new Topics();
        var first = new StudyRegistry();
        var created = first.create(StudyRunTest.spec("random", 5, 2));
        topics.publish(created.effects());
        topics.decisions.add(completed(topics.suggestions.get(0), 0.4));
        topics.publish(first.onDecision(topics.decisions.get(0)));
        var once = topics.replay().restoreInto(new StudyRegistry());

        topics.changes.addAll(List.copyOf(topics.changes));
        topics.suggestions.addAll(List.copyOf(topics.suggestions));
        topics.decisions.addAll(List.copyOf(topics.decisions));
        var twice = topics.replay().restoreInto(new StudyRegistry());

        assertThat(twice.trials()).isEqualTo(once.trials()).isEqualTo(3);
        assertThat(twice.effects()).flatExtracting(StudyRun.Effects::suggestions).extracting(TrialSuggested::trialId)
                .isEqualTo(once.effects().stream().flatMap(e -> e.suggestions().stream()).map(TrialSuggested::trialId).toList());
    }

    @Test
    void aStudyWithAMissingSuggestionIsNotResumedRatherThanRepeatingANumber() {
        var topics = new Topics();
        var created = new StudyRegistry().create(StudyRunTest.spec("random", 5, 3));
        topics.publish(created.effects());
        topics.suggestions.remove(1);

        var registry = new StudyRegistry();
        var outcome = topics.replay().restoreInto(registry);

        assertThat(outcome.studies()).isZero();
        assertThat(outcome.problems()).singleElement().asString().contains(created.studyId()).contains("misses trial");
        assertThat(registry.view(created.studyId())).isEmpty();
    }
}

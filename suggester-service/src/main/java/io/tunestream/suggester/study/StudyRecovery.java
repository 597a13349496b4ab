package io.tunestream.suggester.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.StudySpec;

/**
 * The suggester's state as the topics tell it, gathered during the start-up replay and then put back
 * into a {@link StudyRegistry}. Kafka is the system of record: the latest {@code hpo.study.changed}
 * record of a study is the study (spec with its seed, state), {@code hpo.trial.suggested} holds the
 * trials already suggested with their configurations, and {@code hpo.trial.decided} their outcomes.
 *
 * <p>Events may come in any interleaving of the three topics and more than once (at-least-once
 * delivery): a suggestion seen twice keeps its first configuration, and the run ignores repeated
 * decisions. Not thread-safe: one replay feeds one instance.
 */
public final class StudyRecovery {

    private final Map<String, StudyChanged> studies = new LinkedHashMap<>();
    private final Map<String, SortedMap<Long, Map<String, Object>>> suggested = new LinkedHashMap<>();
    private final Map<String, List<TrialDecided>> decisions = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final java.util.Set<String> finalizing = new java.util.HashSet<>();

    /** One study ready to be restored. */
    public record RecoveredStudy(String studyId, StudySpec spec, StudyState state, String reason,
                                 SortedMap<Long, Map<String, Object>> suggested, List<TrialDecided> decisions,
                                 boolean finalizeSuggested) {
        public RecoveredStudy {
            Objects.requireNonNull(studyId, "studyId");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(state, "state");
            suggested = Collections.unmodifiableSortedMap(new TreeMap<>(suggested));
            decisions = List.copyOf(decisions);
        }
    }

    /** What a restore did: studies restored, of them running, trials known, and what must be published. */
    public record Outcome(int studies, int running, int trials, List<StudyRun.Effects> effects, List<String> problems) {
        public Outcome {
            effects = List.copyOf(effects);
            problems = List.copyOf(problems);
        }
    }

    /** The latest record wins (the topic is compacted by study id, and replayed in order). */
    public void onStudyChanged(StudyChanged change) {
        studies.put(change.studyId(), change);
    }

    /** A tombstone on the compacted topic: the study was deleted. */
    public void onStudyDeleted(String studyId) {
        studies.remove(studyId);
    }

    public void onTrialSuggested(TrialSuggested trial) {
        if (trial.isFinalize()) {
            // The study's final evaluation is not a trial of the search: it only says the search ended.
            finalizing.add(trial.studyId());
            return;
        }
        suggested.computeIfAbsent(trial.studyId(), id -> new TreeMap<>()).putIfAbsent(trial.trialNumber(), trial.params());
    }

    public void onTrialDecided(TrialDecided decision) {
        decisions.computeIfAbsent(decision.studyId(), id -> new ArrayList<>()).add(decision);
    }

    /** The studies as they will be restored, in the order they were first seen. */
    public List<RecoveredStudy> studies() {
        var recovered = new ArrayList<RecoveredStudy>();
        problems.clear();
        for (var change : studies.values()) {
            String id = change.studyId();
            var trials = suggested.getOrDefault(id, new TreeMap<>());
            if (change.spec().seed() == null) {
                problems.add("study " + id + " has no seed on " + "hpo.study.changed; not restored");
                continue;
            }
            if (!trials.isEmpty() && trials.lastKey() != trials.size() - 1) {
                // Suggestions of a study are published in number order and awaited one by one, so a gap
                // means records were lost (e.g. retention); resuming could repeat a number.
                problems.add("study " + id + " misses trial(s) below " + trials.lastKey() + " on hpo.trial.suggested; not restored");
                continue;
            }
            recovered.add(new RecoveredStudy(id, change.spec(), change.state(), change.reason(), trials,
                    decisions.getOrDefault(id, List.of()), finalizing.contains(id)));
        }
        return recovered;
    }

    /**
     * Restores every study into {@code registry} and returns what resuming them requires to be
     * published (suggestions of running studies below maxParallel, completions of spent budgets).
     * A study whose spec no longer builds a sampler is reported in {@link Outcome#problems()} and skipped.
     */
    public Outcome restoreInto(StudyRegistry registry) {
        var effects = new ArrayList<StudyRun.Effects>();
        int running = 0;
        int trials = 0;
        int restored = 0;
        var recovered = studies();
        var issues = new ArrayList<>(problems);
        for (var study : recovered) {
            try {
                var resumed = registry.restore(study);
                restored++;
                trials += study.suggested().size();
                if (study.state() == StudyState.RUNNING) {
                    running++;
                }
                if (!resumed.isEmpty()) {
                    effects.add(resumed);
                }
            } catch (RuntimeException e) {
                issues.add("study " + study.studyId() + " cannot be restored: " + e.getMessage());
            }
        }
        return new Outcome(restored, running, trials, effects, issues);
    }
}

package io.tunestream.results.aggregation;

import java.util.List;
import java.util.Optional;

import io.tunestream.contracts.spec.StudySpec;

/**
 * A study's changes after some version ({@link ResultsLedger#changes}).
 *
 * @param version     the study's version now: ask for changes after it next time
 * @param totalTrials trials the study has in all, changed or not
 * @param trials      the trials changed after the version asked for, in the order they became known
 */
public record StudyChanges(StudySummary summary, Optional<StudySpec> spec, long version, int totalTrials,
                           List<TrialDetail> trials) {

    public StudyChanges {
        trials = List.copyOf(trials);
    }
}

package io.tunestream.contracts.events;

import java.time.Instant;

import io.tunestream.contracts.Checks;
import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.spec.StudySpec;

/**
 * The whole study after a change: the topic is compacted by study id, so the latest record is the
 * study, and every service learns the spec (objective, direction, budget) from it.
 *
 * @param trialsSuggested how many trials the suggester has published so far
 */
public record StudyChanged(
        int schemaVersion,
        String studyId,
        StudyState state,
        StudySpec spec,
        int trialsSuggested,
        String reason,
        Instant occurredAt) {

    public StudyChanged {
        Checks.requireSchemaVersion(schemaVersion, "StudyChanged");
        Checks.requireText(studyId, "studyId");
        Checks.requireNonNull(state, "state");
        Checks.requireNonNull(spec, "spec");
        Checks.requireAtLeast(trialsSuggested, 0, "trialsSuggested");
        Checks.requireNonNull(occurredAt, "occurredAt");
    }

    public static StudyChanged of(String studyId, StudyState state, StudySpec spec, int trialsSuggested, String reason) {
        return new StudyChanged(SchemaVersion.CURRENT, studyId, state, spec, trialsSuggested, reason, Instant.now());
    }
}

package io.tunestream.cli.client;

/**
 * The suggester's view of a study ({@code GET /api/studies/{id}}), the fields the CLI needs.
 *
 * @param state RUNNING, STOPPED or COMPLETED
 */
public record StudyStatus(String studyId, String state, String reason, int trialsSuggested, int trialsRunning,
                          int trialsFinished) {

    public boolean isFinal() {
        return "COMPLETED".equals(state) || "STOPPED".equals(state);
    }
}

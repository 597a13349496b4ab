package io.tunestream.trainer.runner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tunestream.contracts.events.StudyState;

/**
 * What this trainer knows about stop orders: STOP decisions per trial and studies that are no longer
 * running. Bounded: a trainer lives long and sees many trials, but only recent ones can still be
 * running or queued.
 */
public final class StopRegistry implements StopSignals {

    private static final int MAX_REMEMBERED = 100_000;

    private final Map<String, String> stoppedTrials = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });
    private final Map<String, StudyState> studies = new ConcurrentHashMap<>();

    public void trialStopped(String trialId, String reason) {
        stoppedTrials.put(trialId, reason == null ? "stopped by results-service" : reason);
    }

    public void studyChanged(String studyId, StudyState state) {
        studies.put(studyId, state);
    }

    @Override
    public Optional<String> stopReason(String studyId, String trialId) {
        var reason = stoppedTrials.get(trialId);
        if (reason != null) {
            return Optional.of(reason);
        }
        var state = studies.get(studyId);
        return state != null && state.isFinal() ? Optional.of("study " + studyId + " is " + state) : Optional.empty();
    }
}

package io.tunestream.trainer.runner;

import java.util.Optional;

/** Tells a running trial whether it has been ordered to stop, and why. */
@FunctionalInterface
public interface StopSignals {
    Optional<String> stopReason(String studyId, String trialId);
}

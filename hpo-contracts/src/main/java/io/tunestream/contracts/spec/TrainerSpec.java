package io.tunestream.contracts.spec;

import java.util.Map;

import io.tunestream.contracts.Checks;

/** Which training backend runs the trials ({@code synthetic} for now) and its settings. */
public record TrainerSpec(String backend, Map<String, Object> settings) {

    public TrainerSpec {
        settings = Checks.copy(settings);
    }
}

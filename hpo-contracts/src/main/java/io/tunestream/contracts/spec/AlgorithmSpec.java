package io.tunestream.contracts.spec;

import java.util.Map;

import io.tunestream.contracts.Checks;

/** The search algorithm by name ({@code random}, {@code grid}) and its settings. */
public record AlgorithmSpec(String name, Map<String, Object> settings) {

    public AlgorithmSpec {
        settings = Checks.copy(settings);
    }
}

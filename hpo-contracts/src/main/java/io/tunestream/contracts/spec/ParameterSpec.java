package io.tunestream.contracts.spec;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.tunestream.contracts.Checks;

/**
 * One hyperparameter: {@code type} float, int or categorical; float/int take {@code low}, {@code high},
 * optional {@code log} and {@code step}; categorical takes {@code choices}. {@code gridPoints} sets how
 * many values the grid algorithm tries for a numeric parameter.
 */
public record ParameterSpec(
        String type,
        Double low,
        Double high,
        Boolean log,
        Double step,
        List<Object> choices,
        Integer gridPoints) {

    public ParameterSpec {
        choices = choices == null ? null : Checks.copy(choices);
    }

    @JsonIgnore
    public boolean isLog() {
        return Boolean.TRUE.equals(log);
    }

    public static ParameterSpec floatRange(double low, double high, boolean log) {
        return new ParameterSpec("float", low, high, log, null, null, null);
    }

    public static ParameterSpec intRange(long low, long high, boolean log) {
        return new ParameterSpec("int", (double) low, (double) high, log, null, null, null);
    }

    public static ParameterSpec categorical(List<Object> choices) {
        return new ParameterSpec("categorical", null, null, null, null, choices, null);
    }
}

package io.tunestream.cli.client;

import java.util.List;

import io.tunestream.contracts.spec.FieldError;

/** The suggester refused a study spec (HTTP 400); one {@link FieldError} per broken rule. */
public final class SpecRejectedException extends RuntimeException {

    private final List<FieldError> errors;

    public SpecRejectedException(List<FieldError> errors) {
        super("the suggester rejected the study spec: " + String.join("; ", errors.stream().map(FieldError::message).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

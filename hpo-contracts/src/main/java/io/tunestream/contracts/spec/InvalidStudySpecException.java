package io.tunestream.contracts.spec;

import java.util.List;

/** A study spec that breaks one or more rules; carries one {@link FieldError} per offending field. */
public final class InvalidStudySpecException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidStudySpecException(List<FieldError> errors) {
        super(String.join("; ", errors.stream().map(FieldError::message).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package io.tunestream.contracts.spec;

/** One broken rule: the path of the offending field and a message that names the rule. */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return message;
    }
}

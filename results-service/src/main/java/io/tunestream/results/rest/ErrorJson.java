package io.tunestream.results.rest;

/** The body of every error answer: {@code {"error": "..."}}. */
public record ErrorJson(String error) {
}

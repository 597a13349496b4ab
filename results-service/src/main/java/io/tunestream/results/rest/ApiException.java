package io.tunestream.results.rest;

import jakarta.ws.rs.core.Response;

/** An answer other than 200, with the message for {@link ErrorJson}. */
public final class ApiException extends RuntimeException {

    private final Response.Status status;

    private ApiException(Response.Status status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static ApiException notFound(String message) {
        return new ApiException(Response.Status.NOT_FOUND, message, null);
    }

    static ApiException badRequest(String message, Throwable cause) {
        return new ApiException(Response.Status.BAD_REQUEST, message, cause);
    }

    Response.Status status() {
        return status;
    }
}

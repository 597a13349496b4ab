package io.tunestream.suggester.rest;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.tunestream.contracts.spec.InvalidStudySpecException;

/** 400 with every broken rule: {@code {"errors": [{"field": ..., "message": ...}]}}. */
@Provider
public class InvalidSpecMapper implements ExceptionMapper<InvalidStudySpecException> {

    @Override
    public Response toResponse(InvalidStudySpecException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("errors", e.errors()))
                .build();
    }
}

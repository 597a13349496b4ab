package io.tunestream.results.rest;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns {@link ApiException} into its status with a JSON {@link ErrorJson} body. */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public RestResponse<ErrorJson> map(ApiException e) {
        return RestResponse.ResponseBuilder.create(e.status(), new ErrorJson(e.getMessage()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}

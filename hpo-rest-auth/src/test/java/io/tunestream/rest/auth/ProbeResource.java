package io.tunestream.rest.auth;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A read and two changes, standing in for a service's API in the filter's {@code @QuarkusTest}s. */
@Path("/api/probe")
@Produces(MediaType.TEXT_PLAIN)
public class ProbeResource {

    @GET
    public String read() {
        return "read";
    }

    @POST
    public String change(String body) {
        return "changed " + body;
    }

    @DELETE
    public String delete() {
        return "deleted";
    }
}

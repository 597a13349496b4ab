package io.tunestream.suggester.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.spec.StudySpecParser;
import io.tunestream.contracts.spec.StudySpecValidator;
import io.tunestream.suggester.messaging.SuggesterMessaging;
import io.tunestream.suggester.study.StudyRegistry;
import io.tunestream.suggester.study.StudyRegistry.StudyView;

/**
 * Studies: {@code POST /api/studies} with a JSON or YAML spec (400 with one message per broken rule),
 * {@code GET /api/studies[/{id}]}, {@code POST /api/studies/{id}/stop}.
 */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StudyResource {

    static final List<String> YAML_TYPES = List.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");

    private final StudyRegistry registry;
    private final SuggesterMessaging messaging;

    public StudyResource(StudyRegistry registry, SuggesterMessaging messaging) {
        this.registry = registry;
        this.messaging = messaging;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String document) {
        var format = isYaml(contentType) ? StudySpecParser.Format.YAML : StudySpecParser.Format.JSON;
        var spec = StudySpecValidator.requireValid(StudySpecParser.parse(document, format));
        var created = registry.create(spec);
        messaging.publish(created.effects());
        var view = registry.view(created.studyId()).orElseThrow();
        return Response.created(URI.create("/api/studies/" + created.studyId())).entity(view).build();
    }

    @GET
    public List<StudyView> list() {
        return registry.views();
    }

    @GET
    @Path("/{studyId}")
    public Response get(@PathParam("studyId") String studyId) {
        return registry.view(studyId)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> notFound(studyId));
    }

    @POST
    @Path("/{studyId}/stop")
    public Response stop(@PathParam("studyId") String studyId) {
        var before = registry.view(studyId);
        if (before.isEmpty()) {
            return notFound(studyId);
        }
        if (StudyState.valueOf(before.get().state()).isFinal()) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Map.of("error", "study " + studyId + " is already " + before.get().state())).build();
        }
        registry.stop(studyId, "stopped by user").ifPresent(messaging::publish);
        return Response.ok(registry.view(studyId).orElseThrow()).build();
    }

    static boolean isYaml(String contentType) {
        if (contentType == null) {
            return false;
        }
        var type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return YAML_TYPES.contains(type);
    }

    private static Response notFound(String studyId) {
        return Response.status(Response.Status.NOT_FOUND).entity(Map.of("error", "no study with id " + studyId)).build();
    }
}

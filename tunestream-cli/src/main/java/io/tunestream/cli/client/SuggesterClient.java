package io.tunestream.cli.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.tunestream.contracts.Json;
import io.tunestream.contracts.spec.FieldError;

/** suggester-service's study API. */
public final class SuggesterClient {

    /** The form of a study spec document. */
    public enum SpecFormat {
        YAML("application/yaml"),
        JSON("application/json");

        private final String contentType;

        SpecFormat(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        /** JSON for {@code *.json} files, YAML otherwise. */
        public static SpecFormat ofFileName(String fileName) {
            return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }
    }

    private final RestClient rest;

    /** A client that sends no token: enough for reads where the service leaves them open. */
    public SuggesterClient(URI baseUrl) {
        this(baseUrl, Optional.empty());
    }

    /** A client that sends {@code Authorization: Bearer <token>} on every request (see {@link ApiToken}). */
    public SuggesterClient(URI baseUrl, Optional<String> bearerToken) {
        this.rest = new RestClient("suggester-service", baseUrl, bearerToken);
    }

    /** {@code GET /api/studies}: every study the suggester owns. */
    public List<StudyStatus> studies() {
        var type = Json.mapper().getTypeFactory().constructCollectionType(List.class, StudyStatus.class);
        return rest.<List<StudyStatus>>get("/api/studies", type).orElse(List.of());
    }

    public URI baseUrl() {
        return rest.base();
    }

    /**
     * {@code POST /api/studies}: starts a study.
     *
     * @throws SpecRejectedException        when the suggester finds the spec invalid
     * @throws ServiceUnavailableException  when it cannot be reached or fails
     */
    public StudyStatus submit(String document, SpecFormat format) {
        var response = rest.send(HttpRequest.newBuilder(rest.base().resolve("/api/studies"))
                .header("Content-Type", format.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(document)));
        if (response.statusCode() == 400) {
            throw new SpecRejectedException(errors(response.body()));
        }
        rest.requireSuccess(response, "POST /api/studies");
        return rest.read(response, RestClient.type(StudyStatus.class), "POST /api/studies");
    }

    /** {@code GET /api/studies/{id}}; empty when the suggester does not know the study. */
    public Optional<StudyStatus> study(String studyId) {
        return rest.get("/api/studies/" + studyId, RestClient.type(StudyStatus.class));
    }

    /** {@code POST /api/studies/{id}/stop}; false when the study is unknown or already final. */
    public boolean stop(String studyId) {
        var response = rest.send(HttpRequest.newBuilder(rest.base().resolve("/api/studies/" + studyId + "/stop"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() == 404 || response.statusCode() == 409) {
            return false;
        }
        rest.requireSuccess(response, "POST /api/studies/" + studyId + "/stop");
        return true;
    }

    private static List<FieldError> errors(String body) {
        try {
            JsonNode errors = Json.mapper().readTree(body).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                return Json.mapper().convertValue(errors,
                        Json.mapper().getTypeFactory().constructCollectionType(List.class, FieldError.class));
            }
        } catch (Exception e) {
            // fall through: report the body as it is
        }
        return List.of(new FieldError("", body == null || body.isBlank() ? "HTTP 400 without a reason" : body.trim()));
    }
}

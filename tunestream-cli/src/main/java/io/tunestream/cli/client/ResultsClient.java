package io.tunestream.cli.client;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.tunestream.contracts.Json;

/** results-service's query API. */
public final class ResultsClient {

    private final RestClient rest;

    /** A client that sends no token: enough for reads where the service leaves them open. */
    public ResultsClient(URI baseUrl) {
        this(baseUrl, Optional.empty());
    }

    /** A client that sends {@code Authorization: Bearer <token>} on every request (see {@link ApiToken}). */
    public ResultsClient(URI baseUrl, Optional<String> bearerToken) {
        this.rest = new RestClient("results-service", baseUrl, bearerToken);
    }

    /** {@code GET /api/studies}: every study results-service has seen. */
    public List<ResultsSummary> studies() {
        var type = Json.mapper().getTypeFactory().constructCollectionType(List.class, ResultsSummary.class);
        return rest.<List<ResultsSummary>>get("/api/studies", type).orElse(List.of());
    }

    /** {@code GET /api/studies/{id}/trials?sort=number}: every trial by number; empty for an unknown study. */
    public Optional<List<LeaderboardRow>> trialsByNumber(String studyId) {
        var type = Json.mapper().getTypeFactory().constructCollectionType(List.class, LeaderboardRow.class);
        return rest.get("/api/studies/" + studyId + "/trials?sort=number", type);
    }

    public URI baseUrl() {
        return rest.base();
    }

    /** {@code GET /api/studies/{id}}; empty until results-service has seen the study. */
    public Optional<ResultsSummary> summary(String studyId) {
        return rest.get("/api/studies/" + studyId, RestClient.type(ResultsSummary.class));
    }

    /** {@code GET /api/studies/{id}/trials}: every trial, best first; empty for an unknown study. */
    public List<LeaderboardRow> leaderboard(String studyId) {
        var type = Json.mapper().getTypeFactory().constructCollectionType(List.class, LeaderboardRow.class);
        return rest.<List<LeaderboardRow>>get("/api/studies/" + studyId + "/trials?sort=value", type).orElse(List.of());
    }

    /** {@code GET /api/studies/{id}/best}; empty while no trial has completed. */
    public Optional<LeaderboardRow> best(String studyId) {
        return rest.get("/api/studies/" + studyId + "/best", RestClient.type(LeaderboardRow.class));
    }
}

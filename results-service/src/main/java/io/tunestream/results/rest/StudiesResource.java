package io.tunestream.results.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.tunestream.results.aggregation.LeaderboardQuery;
import io.tunestream.results.aggregation.ResultsLedger;
import io.tunestream.results.aggregation.StudySummary;

/** Queries over the ledger: studies, leaderboards, the best trial, one trial's curve. */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudiesResource {

    private final ResultsLedger ledger;

    @Inject
    public StudiesResource(ResultsLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Operation(summary = "Every study known, by study id")
    public List<StudySummaryJson> studies() {
        return ledger.studies().stream().map(StudySummaryJson::from).toList();
    }

    @GET
    @Path("{studyId}")
    @Operation(summary = "One study: trial counts by state, best value, epochs used")
    public StudySummaryJson study(@PathParam("studyId") String studyId) {
        return StudySummaryJson.from(summary(studyId));
    }

    @GET
    @Path("{studyId}/trials")
    @Operation(summary = "The leaderboard: by default best value first, trials without a value last")
    public List<TrialRowJson> trials(
            @PathParam("studyId") String studyId,
            @Parameter(description = "value (default) or number") @QueryParam("sort") String sort,
            @Parameter(description = "asc or desc; by default best first for value, ascending for number") @QueryParam("order") String order,
            @Parameter(description = "only trials in this state: QUEUED, RUNNING, COMPLETED, STOPPED, FAILED") @QueryParam("state") String state) {
        LeaderboardQuery query;
        try {
            query = LeaderboardQuery.parse(sort, order, state);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), e);
        }
        return ledger.trials(studyId, query)
                .orElseThrow(() -> unknownStudy(studyId))
                .stream().map(TrialRowJson::from).toList();
    }

    @GET
    @Path("{studyId}/best")
    @Operation(summary = "The best completed trial (404 while no trial completed with a value)")
    public TrialRowJson best(@PathParam("studyId") String studyId) {
        return summary(studyId).best()
                .map(TrialRowJson::from)
                .orElseThrow(() -> ApiException.notFound("study '" + studyId + "' has no completed trial with a value yet"));
    }

    @GET
    @Path("{studyId}/trials/{trialId}")
    @Operation(summary = "One trial with the learning curve of its current attempt and its timings")
    public TrialDetailJson trial(@PathParam("studyId") String studyId, @PathParam("trialId") String trialId) {
        summary(studyId);
        return ledger.trial(studyId, trialId)
                .map(TrialDetailJson::from)
                .orElseThrow(() -> ApiException.notFound("study '" + studyId + "' has no trial '" + trialId + "'"));
    }

    private StudySummary summary(String studyId) {
        return ledger.study(studyId).orElseThrow(() -> unknownStudy(studyId));
    }

    private static ApiException unknownStudy(String studyId) {
        return ApiException.notFound("study '" + studyId + "' not found");
    }
}

package io.tunestream.results.dashboard;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tunestream.results.rest.ApiException;

/**
 * The dashboard's data API. The page ({@code /dashboard/}) loads a study's snapshot, then follows
 * {@code events}: one server-sent event per tick with the trials changed since the version it has.
 */
@Path("/api/dashboard")
public class DashboardResource {

    private final DashboardService dashboard;
    private final DashboardConfig config;

    @Inject
    public DashboardResource(DashboardService dashboard, DashboardConfig config) {
        this.dashboard = dashboard;
        this.config = config;
    }

    @GET
    @Path("studies")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every study with its algorithm, scheduler, epoch budget and search space")
    public List<DashboardJson.Study> studies() {
        return dashboard.studies();
    }

    @GET
    @Path("studies/{studyId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A study's snapshot: every trial with its thinned learning curve, rungs, importances, version")
    public DashboardJson.Update snapshot(@PathParam("studyId") String studyId) {
        return dashboard.snapshot(studyId).orElseThrow(() -> unknown(studyId));
    }

    @GET
    @Path("studies/{studyId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: the trials changed after `since`, once per tick while anything changes")
    public Multi<DashboardJson.Update> events(
            @PathParam("studyId") String studyId,
            @Parameter(description = "the version of the snapshot (or last event) the client has") @QueryParam("since") long since) {
        if (!dashboard.knows(studyId)) {
            throw unknown(studyId);
        }
        return Multi.createFrom().deferred(() -> {
            var cursor = new Cursor(studyId, since);
            return Multi.createFrom().ticks().every(config.tick())
                    .onOverflow().drop()
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(tick -> cursor.next())
                    .filter(Optional::isPresent)
                    .map(Optional::get);
        });
    }

    /** One client's position in a study's stream: the version and importances it has. */
    private final class Cursor {
        private final String studyId;
        private long version;
        private Optional<DashboardJson.Importance> importance = Optional.empty();
        private long lastSent = System.nanoTime();

        Cursor(String studyId, long version) {
            this.studyId = studyId;
            this.version = version;
        }

        Optional<DashboardJson.Update> next() {
            var update = dashboard.update(studyId, version, importance);
            if (update.isEmpty()) {
                return Optional.empty();
            }
            var u = update.get();
            boolean heartbeatDue = System.nanoTime() - lastSent >= config.heartbeat().toNanos();
            if (u.version() == version && u.importance() == null && !heartbeatDue) {
                return Optional.empty();
            }
            version = u.version();
            if (u.importance() != null) {
                importance = Optional.of(u.importance());
            }
            lastSent = System.nanoTime();
            return update;
        }
    }

    private static ApiException unknown(String studyId) {
        return ApiException.notFound("study '" + studyId + "' not found");
    }
}

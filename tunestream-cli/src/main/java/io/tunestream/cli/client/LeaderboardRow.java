package io.tunestream.cli.client;

import java.util.Map;

/**
 * One row of results-service's leaderboard ({@code GET /api/studies/{id}/trials}).
 *
 * @param value   the objective (null until an epoch reported it; NaN for a diverged trial)
 * @param attempt the attempt the row describes (a trial re-run after a trainer died has attempt 2)
 */
public record LeaderboardRow(String trialId, long trialNumber, String state, Double value, Map<String, Object> params,
                             int epochs, int attempt, String workerId, String reason) {

    public LeaderboardRow {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}

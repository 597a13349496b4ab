package io.tunestream.results.dashboard;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the dashboard under {@code tunestream.dashboard}. */
@ConfigMapping(prefix = "tunestream.dashboard")
public interface DashboardConfig {

    /** How often a live study page is sent what changed (one server-sent event at most per tick). */
    @WithDefault("PT1S")
    Duration tick();

    /** Sent even when nothing changed, at least this often, so that proxies keep the stream open. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /**
     * Learning-curve points sent for a whole study at most: with more trials, each curve is thinned
     * to {@code curvePointBudget / trials} points (never below {@link #minCurvePoints()}).
     */
    @WithDefault("60000")
    int curvePointBudget();

    /** Points every curve keeps at least (its first and last epoch and the rungs come first). */
    @WithDefault("12")
    int minCurvePoints();

    /** Trees of the importance forest. */
    @WithDefault("32")
    int importanceTrees();

    /** The importance of a study is computed again at most this often (it is a forest fit). */
    @WithDefault("PT5S")
    Duration importanceInterval();
}

package io.tunestream.results.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tunestream.results.rest.StudySummaryJson;

/** The dashboard's wire shapes (JSON). Nullable fields are null until the event that tells them. */
public final class DashboardJson {

    private DashboardJson() {
    }

    /**
     * A study as the dashboard lists it: the REST summary plus what the spec says about the search.
     *
     * @param epochsBudget the spec's {@code maxEpochsTotal}, else {@code maxTrials × maxEpochs}
     * @param rungs        epochs where the scheduler judges trials (none without successive halving)
     */
    public record Study(StudySummaryJson summary, String algorithm, String scheduler, Integer maxEpochs,
                        Long epochsBudget, List<Integer> rungs, List<ParamAxis> params) {
    }

    /** One search-space dimension, for the axes of parallel coordinates and slice plots. */
    public record ParamAxis(String name, String type, Double low, Double high, boolean log, List<Object> choices) {
    }

    /**
     * One trial for the study page.
     *
     * @param curve {@code [epoch, objective]} pairs of the current attempt, thinned to at most
     *              {@link Update#curvePointsPerTrial()} points (first and last epoch and rungs kept)
     */
    public record Trial(String trialId, long trialNumber, String state, Double value, Map<String, Object> params,
                        int epochs, int attempt, String workerId, String reason, List<double[]> curve,
                        Instant startedAt, Instant endedAt) {
    }

    /** fANOVA importances, most important first, fitted on {@code trials} completed trials. */
    public record Importance(int trials, List<ParameterImportance> parameters) {
    }

    public record ParameterImportance(String parameter, double importance, double varianceFraction, double std) {
    }

    /**
     * A snapshot ({@code full}: every trial) or a delta (only the trials changed after the version the
     * client had; the client replaces those by id). {@code importance} is null in a delta when it did
     * not change.
     */
    public record Update(String studyId, long version, boolean full, int totalTrials, int curvePointsPerTrial,
                         Study study, List<Trial> trials, Importance importance) {
    }
}

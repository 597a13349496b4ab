package io.tunestream.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.tunestream.cli.client.LeaderboardRow;
import io.tunestream.cli.client.ResultsSummary;
import io.tunestream.cli.client.StudyStatus;
import io.tunestream.cli.client.TrialCounts;
import io.tunestream.contracts.Json;

/**
 * The outcome of a study as written by {@code --output}: the final state (the suggester's), the trial
 * counts and epochs used (results-service's), the best trial, and how long it took.
 *
 * @param best           the best completed trial; null when none completed
 * @param elapsedSeconds from the study's submission until it settled (or the run gave up)
 * @param startupSeconds starting the local cluster, before the submission
 * @param finalEvaluation the best configuration's test metrics (builtin backend); null when none
 */
public record StudyReport(String studyId, String name, String state, String metric, String direction,
                          TrialCounts trials, Best best, long epochsUsed, double elapsedSeconds,
                          double startupSeconds, ResultsSummary.FinalEvaluation finalEvaluation) {

    /** The best trial's id, parameters and objective value. */
    public record Best(String trialId, long trialNumber, Map<String, Object> params, Double value, int epochs) {

        public static Best of(LeaderboardRow row) {
            return new Best(row.trialId(), row.trialNumber(), row.params(), row.value(), row.epochs());
        }
    }

    public static StudyReport of(StudyStatus study, Optional<ResultsSummary> results, Optional<LeaderboardRow> best,
                                 double elapsedSeconds, double startupSeconds) {
        var summary = results.orElse(null);
        return new StudyReport(study.studyId(),
                summary == null ? null : summary.name(),
                study.state(),
                summary == null ? null : summary.metric(),
                summary == null ? null : summary.direction(),
                summary == null ? TrialCounts.NONE : summary.trials(),
                best.map(Best::of).orElse(null),
                summary == null ? 0 : summary.epochsUsed(),
                round(elapsedSeconds), round(startupSeconds),
                summary == null ? null : summary.finalEvaluation());
    }

    public String toJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the study report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@link #toJson()} to {@code file} (parent directories created; replaced atomically). */
    public void writeTo(Path file) throws IOException {
        var target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        var tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, toJson() + System.lineSeparator());
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10.0) / 10.0;
    }
}

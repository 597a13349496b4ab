package io.tunestream.cli.report;

import java.time.Duration;
import java.util.Locale;

import io.tunestream.cli.client.ResultsSummary;
import io.tunestream.cli.client.StudyWatch.Snapshot;

/**
 * One line of live progress from a {@link Snapshot}, e.g.
 * <pre>
 * [  12s] RUNNING    done  5/16 (4 completed, 1 stopped, 0 failed)  running 4  queued 2  best val_loss=0.01234 (demo-1a2b-t3)  suggested 11
 * </pre>
 * {@link #body(Snapshot)} leaves the time out, so that a caller prints only when something changed.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    public static String line(Snapshot snapshot) {
        return "[" + elapsed(snapshot.elapsed()) + "] " + body(snapshot);
    }

    public static String body(Snapshot snapshot) {
        var study = snapshot.study();
        var sb = new StringBuilder(String.format(Locale.ROOT, "%-9s", study.state()));
        if (snapshot.results().isEmpty()) {
            sb.append(" suggested ").append(study.trialsSuggested())
                    .append(", running ").append(study.trialsRunning())
                    .append(", finished ").append(study.trialsFinished())
                    .append(" (results-service has not seen the study yet)");
            return sb.toString();
        }
        ResultsSummary results = snapshot.results().get();
        var trials = results.trials();
        int planned = results.maxTrials() != null ? results.maxTrials() : Math.max(trials.total(), study.trialsSuggested());
        int width = String.valueOf(planned).length();
        sb.append(String.format(Locale.ROOT, " done %" + width + "d/%d (%d completed, %d stopped, %d failed)  running %d  queued %d",
                trials.finished(), planned, trials.completed(), trials.stopped(), trials.failed(), trials.running(), trials.queued()));
        sb.append("  best ");
        if (results.bestValue() == null) {
            sb.append('-');
        } else {
            sb.append(results.metric() == null ? "value" : results.metric()).append('=').append(Numbers.value(results.bestValue()));
            if (results.bestTrialId() != null) {
                sb.append(" (").append(results.bestTrialId()).append(')');
            }
        }
        sb.append("  suggested ").append(study.trialsSuggested());
        return sb.toString();
    }

    /** {@code "  7s"}, {@code " 95s"}, {@code "12m05s"}: a fixed-width-ish elapsed time. */
    static String elapsed(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        if (seconds < 600) {
            return String.format(Locale.ROOT, "%4ds", seconds);
        }
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}

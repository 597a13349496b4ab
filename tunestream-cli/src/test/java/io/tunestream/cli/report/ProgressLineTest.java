package io.tunestream.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tunestream.cli.client.ResultsSummary;
import io.tunestream.cli.client.StudyStatus;
import io.tunestream.cli.client.StudyWatch.Snapshot;
import io.tunestream.cli.client.TrialCounts;

class ProgressLineTest {

    private static final StudyStatus RUNNING = new StudyStatus("demo-1", "RUNNING", null, 11, 4, 7);

    @Test
    void showsDoneRunningQueuedAndTheBestSoFar() {
        var results = new ResultsSummary("demo-1", "demo", "RUNNING", "val_loss", "minimize",
                new TrialCounts(2, 4, 4, 1, 0, 11), 0.0123456789, "demo-1-t3", 58, 16);
        var snapshot = new Snapshot(RUNNING, Optional.of(results), Duration.ofMillis(12_400));

        assertThat(ProgressLine.line(snapshot)).isEqualTo(
                "[  12s] RUNNING   done  5/16 (4 completed, 1 stopped, 0 failed)  running 4  queued 2"
                        + "  best val_loss=0.0123457 (demo-1-t3)  suggested 11");
        assertThat(ProgressLine.body(snapshot)).doesNotContain("12s");
    }

    @Test
    void beforeResultsKnowsTheStudyItShowsTheSuggestersView() {
        var snapshot = new Snapshot(RUNNING, Optional.empty(), Duration.ofSeconds(1));
        assertThat(ProgressLine.line(snapshot)).isEqualTo(
                "[   1s] RUNNING   suggested 11, running 4, finished 7 (results-service has not seen the study yet)");
    }

    @Test
    void withoutABestOrABudgetItStillReads() {
        var results = new ResultsSummary("demo-1", null, null, null, null, new TrialCounts(3, 1, 0, 0, 0, 4), null, null, 0, null);
        var snapshot = new Snapshot(new StudyStatus("demo-1", "RUNNING", null, 4, 1, 0), Optional.of(results), Duration.ofMinutes(12).plusSeconds(5));
        assertThat(ProgressLine.line(snapshot)).isEqualTo(
                "[12m05s] RUNNING   done 0/4 (0 completed, 0 stopped, 0 failed)  running 1  queued 3  best -  suggested 4");
    }
}

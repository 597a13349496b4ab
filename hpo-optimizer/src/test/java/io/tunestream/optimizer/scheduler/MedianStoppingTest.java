package io.tunestream.optimizer.scheduler;

import static io.tunestream.optimizer.scheduler.SchedulerAction.CONTINUE;
import static io.tunestream.optimizer.scheduler.SchedulerAction.STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianStoppingTest extends TrialSchedulerContractTest {

    /**
     * Three ended trials. Running averages by epoch 1..4:
     * A 1.0, 0.9, 0.8, 0.7; B 0.9, 0.8, 0.7, 0.6; C 0.8, 0.8, 0.8, 0.8.
     * Medians: epoch 2: 0.8, epoch 3: 0.8, epoch 4: 0.7.
     */
    private static final double[][] ENDED = {
            {1.0, 0.8, 0.6, 0.4},
            {0.9, 0.7, 0.5, 0.3},
            {0.8, 0.8, 0.8, 0.8},
    };

    @Override
    protected TrialScheduler newScheduler() {
        return MedianStopping.of(2, 3);
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> MedianStopping.of(-1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`warmupEpochs` must be >= 0, but was -1");
        assertThatThrownBy(() -> MedianStopping.of(2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`minTrials` must be >= 1, but was 0");
    }

    @Test
    void stopsATrialWhoseBestLossIsWorseThanTheMedianOfRunningAverages() {
        MedianStopping median = withEndedTrials(MedianStopping.of(2, 3));

        assertThat(actions(median, 3, 0.95, 0.9, 0.85)).containsExactly(CONTINUE, CONTINUE, STOP);
        assertThat(median.onReport(3, 3, 0.85).get(0).reason()).isEqualTo(
                "best loss 0.850000 by epoch 3 is worse than the median 0.800000 of the running averages of 3 ended trials");
    }

    @Test
    void comparesTheBestLossSoFarNotTheLatest() {
        MedianStopping median = withEndedTrials(MedianStopping.of(2, 3));

        // Best by epoch 3 is 0.75 <= 0.8; by epoch 4 still 0.72 > 0.7, the median of epoch 4.
        assertThat(actions(median, 4, 0.9, 0.85, 0.75, 0.72)).containsExactly(CONTINUE, CONTINUE, CONTINUE, STOP);
        // A trial whose latest loss got worse is judged by its best: 0.6 by epoch 3 < 0.8.
        assertThat(actions(median, 5, 0.9, 0.6, 0.95)).containsExactly(CONTINUE, CONTINUE, CONTINUE);
    }

    @Test
    void stopsNothingDuringWarmUp() {
        MedianStopping median = withEndedTrials(MedianStopping.of(2, 3));

        assertThat(actions(median, 6, 5.0, 5.0, 5.0)).containsExactly(CONTINUE, CONTINUE, STOP);
        assertThat(median.onReport(7, 2, 9.0).get(0).reason()).isEqualTo("warm-up: epoch 2 <= warmupEpochs 2");
    }

    @Test
    void stopsNothingUntilMinTrialsHaveReachedTheEpoch() {
        MedianStopping median = withEndedTrials(MedianStopping.of(0, 4));

        assertThat(actions(median, 3, 5.0, 5.0)).containsExactly(CONTINUE, CONTINUE);
        assertThat(median.onReport(3, 3, 5.0).get(0).reason())
                .isEqualTo("3 ended trials have reached epoch 3, fewer than minTrials 4");
    }

    @Test
    void comparesOnlyWithTrialsThatReachedTheEpoch() {
        MedianStopping median = withEndedTrials(MedianStopping.of(0, 3));

        // Nobody reached epoch 5: no comparison.
        assertThat(median.onReport(3, 5, 5.0).get(0).action()).isEqualTo(CONTINUE);
    }

    @Test
    void thePapersRuleIgnoresRunningTrialsAndTheOtherRuleCountsThem() {
        MedianStopping paper = MedianStopping.of(0, 2);
        MedianStopping all = MedianStopping.ofAllTrials(0, 2);
        for (MedianStopping median : List.of(paper, all)) {
            median.onReport(0, 1, 0.1);
            median.onReport(1, 1, 0.2);
        }

        assertThat(paper.onReport(2, 1, 0.9).get(0).action()).isEqualTo(CONTINUE);
        assertThat(all.onReport(2, 1, 0.9).get(0).reason()).isEqualTo(
                "best loss 0.900000 by epoch 1 is worse than the median 0.150000 of the running averages of 2 other trials");
    }

    private static MedianStopping withEndedTrials(MedianStopping median) {
        for (int t = 0; t < ENDED.length; t++) {
            for (int e = 0; e < ENDED[t].length; e++) {
                median.onReport(t, e + 1, ENDED[t][e]);
            }
            median.onTrialEnded(t);
        }
        return median;
    }

    private static List<SchedulerAction> actions(MedianStopping median, long trial, double... losses) {
        List<SchedulerAction> actions = new ArrayList<>();
        for (int e = 0; e < losses.length; e++) {
            actions.add(median.onReport(trial, e + 1, losses[e]).get(0).action());
        }
        return actions;
    }
}

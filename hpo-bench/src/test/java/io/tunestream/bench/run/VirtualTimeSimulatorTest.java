package io.tunestream.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.history.TrialState;
import io.tunestream.optimizer.sampler.Sampler;
import io.tunestream.optimizer.scheduler.TrialDecision;
import io.tunestream.optimizer.scheduler.TrialScheduler;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualTimeSimulatorTest {

    private static final SearchSpace SPACE = SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1000)).build();

    /** Trial n gets x = n; its loss after epoch e is 10·n + e; every epoch takes 1 s. */
    private static final CurveSource CURVES = params -> {
        double x = ((Number) params.get("x")).doubleValue();
        double[] losses = new double[5];
        double[] seconds = new double[5];
        for (int e = 1; e <= 5; e++) {
            losses[e - 1] = 10 * x + e;
            seconds[e - 1] = 1;
        }
        return new LearningCurve(losses, seconds);
    };

    private final List<List<TrialRecord>> histories = new ArrayList<>();
    private final Sampler byNumber = (space, history, context) -> {
        histories.add(history.trials());
        return Optional.of(Map.of("x", (double) context.trialNumber()));
    };

    @Test
    void spendsExactlyTheBudgetCountingEveryEpochOfEveryWorker() {
        MultiFidelityResult r = VirtualTimeSimulator.run("p", "m", SPACE, CURVES, byNumber, null, false, 0, 2, 12);

        assertThat(r.epochLosses()).hasSize(12);
        // Two workers in lockstep: trials 0 and 1 interleave, then 2 and 3 start after 5 epochs each.
        assertThat(r.epochLosses()).containsExactly(1, 11, 2, 12, 3, 13, 4, 14, 5, 15, 21, 31);
        assertThat(r.trials()).isEqualTo(4);
        assertThat(r.stopped()).isZero();
        assertThat(r.bestWithin(12)).isEqualTo(1);
        assertThat(r.worst()).isEqualTo(31);
    }

    @Test
    void aStopEndsTheTrialAtThatEpochAndFreesTheWorker() {
        TrialScheduler stopTrial0AtEpoch2 = new TrialScheduler() {
            @Override
            public List<TrialDecision> onReport(long trialNumber, int epoch, double loss) {
                if (trialNumber == 0 && epoch == 2) {
                    return List.of(TrialDecision.stop(trialNumber, epoch, "test stop"));
                }
                return List.of(TrialDecision.continueTraining(trialNumber, epoch, "test continue"));
            }

            @Override
            public List<TrialDecision> onTrialEnded(long trialNumber) {
                return List.of();
            }
        };

        MultiFidelityResult r = VirtualTimeSimulator.run("p", "m", SPACE, CURVES, byNumber, stopTrial0AtEpoch2, false,
                0, 1, 8);

        assertThat(Arrays.stream(r.epochLosses()).boxed().toList())
                .containsExactly(1.0, 2.0, 11.0, 12.0, 13.0, 14.0, 15.0, 21.0);
        assertThat(r.trials()).isEqualTo(3);
        assertThat(r.stopped()).isEqualTo(1);
        // Trial 1's sampler saw trial 0 stopped after 2 epochs with its loss there.
        TrialRecord trial0 = histories.get(1).get(0);
        assertThat(trial0.state()).isEqualTo(TrialState.STOPPED);
        assertThat(trial0.epochs()).isEqualTo(2);
        assertThat(trial0.loss().getAsDouble()).isEqualTo(2.0);
    }
}

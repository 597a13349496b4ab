package io.tunestream.optimizer.scheduler;

import static io.tunestream.optimizer.scheduler.SchedulerAction.COMPLETE;
import static io.tunestream.optimizer.scheduler.SchedulerAction.CONTINUE;
import static io.tunestream.optimizer.scheduler.SchedulerAction.PROMOTE;
import static io.tunestream.optimizer.scheduler.SchedulerAction.STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AshaTest extends TrialSchedulerContractTest {

    @Override
    protected TrialScheduler newScheduler() {
        return Asha.of(1, MAX_EPOCHS, 3);
    }

    @Test
    void rungsSitAtMinEpochsTimesEtaToTheKBelowMaxEpochs() {
        assertThat(Asha.of(1, 81, 3).rungEpochs()).containsExactly(1, 3, 9, 27);
        assertThat(Asha.of(2, 52, 3).rungEpochs()).containsExactly(2, 6, 18);
        assertThat(Asha.of(4, 100, 2).rungEpochs()).containsExactly(4, 8, 16, 32, 64);
    }

    @Test
    void validatesItsSettingsNamingTheArgumentAndTheRule() {
        assertThatThrownBy(() -> Asha.of(1, 81, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`eta` must be >= 2, but was 1");
        assertThatThrownBy(() -> Asha.of(0, 81, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`minEpochs` must be >= 1, but was 0");
        assertThatThrownBy(() -> Asha.of(9, 9, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`maxEpochs` must be > `minEpochs`, but was maxEpochs=9, minEpochs=9");
    }

    /**
     * Golden vector, η=3: nine trials reach rung 0 in this order. A trial continues when fewer than
     * n/3 of the n losses recorded so far (itself included) are better, i.e. its running rank is at most
     * ceil(n/3).
     */
    @Test
    void ofNineTrialsAtARungExactlyThoseInTheRunningTopThirdContinue() {
        Asha asha = Asha.of(1, 81, 3);
        double[] losses = {0.5, 0.9, 0.3, 0.7, 0.2, 0.8, 0.6, 0.1, 0.4};
        // n:            1    2    3    4    5    6    7    8    9
        // ceil(n/3):    1    1    1    2    2    2    3    3    3
        // better:       0    1    0    2    0    4    3    0    3
        List<SchedulerAction> actions = new ArrayList<>();
        for (int t = 0; t < losses.length; t++) {
            List<TrialDecision> decisions = asha.onReport(t, 1, losses[t]);
            assertThat(decisions).hasSize(1);
            assertThat(decisions.get(0).rung()).isEqualTo(OptionalInt.of(0));
            actions.add(decisions.get(0).action());
        }

        assertThat(actions).containsExactly(PROMOTE, STOP, PROMOTE, STOP, PROMOTE, STOP, STOP, PROMOTE, STOP);
    }

    @Test
    void aStopNamesTheRungAndTheCutoff() {
        Asha asha = Asha.of(1, 81, 3);
        double[] losses = {0.5, 0.9, 0.3, 0.7, 0.2, 0.8, 0.6, 0.1};
        for (int t = 0; t < losses.length; t++) {
            asha.onReport(t, 1, losses[t]);
        }

        TrialDecision decision = asha.onReport(8, 1, 0.4).get(0);

        assertThat(decision.action()).isEqualTo(STOP);
        assertThat(decision.reason()).isEqualTo("loss 0.400000 at rung 0 (epoch 1) is not in the top 1/3 of 9 losses"
                + " recorded there (cutoff 0.300000, 3 better)");
    }

    /**
     * The count rule: judged all at once (each trial as the last of n to reach the rung), n losses let
     * exactly ceil(n/η) through, where synchronous successive halving keeps floor(n/η).
     */
    @Test
    void judgedAllAtOnceNLossesLetCeilOfNOverEtaThrough() {
        for (int eta = 2; eta <= 4; eta++) {
            for (int n = 1; n <= 13; n++) {
                int passed = 0;
                for (int last = 0; last < n; last++) {
                    Asha asha = Asha.of(1, 81, eta);
                    for (int t = 0; t < n; t++) {
                        if (t != last) {
                            asha.onReport(t, 1, lossOf(t));
                        }
                    }
                    if (asha.onReport(last, 1, lossOf(last)).get(0).action() == PROMOTE) {
                        passed++;
                    }
                }
                assertThat(passed).as("n=%d, eta=%d", n, eta).isEqualTo((n + eta - 1) / eta);
            }
        }
    }

    @Test
    void aPromotedTrialIsJudgedAgainAtEachRungAndCompletesAtMaxEpochs() {
        Asha asha = Asha.of(1, 9, 3);

        assertThat(asha.onReport(0, 1, 0.5).get(0)).isEqualTo(TrialDecision.promote(0, 1, 0,
                "loss 0.500000 at rung 0 (epoch 1) is in the top 1/3 of 1 losses recorded there (cutoff 0.500000,"
                        + " 0 better); next: rung 1 at epoch 3"));
        assertThat(asha.onReport(0, 2, 0.4).get(0).action()).isEqualTo(CONTINUE);
        assertThat(asha.onReport(0, 3, 0.3).get(0).rung()).isEqualTo(OptionalInt.of(1));
        assertThat(asha.onReport(0, 3, 0.3).get(0).action()).isEqualTo(PROMOTE);
        assertThat(asha.onReport(0, 8, 0.2).get(0).action()).isEqualTo(CONTINUE);
        assertThat(asha.onReport(0, 9, 0.1).get(0)).isEqualTo(TrialDecision.complete(0, 9, "reached maxEpochs 9"));
    }

    @Test
    void aReportThatSkipsRungsIsJudgedAtEachOfThem() {
        Asha asha = Asha.of(1, 81, 3);
        asha.onReport(0, 1, 0.1);
        asha.onReport(0, 3, 0.1);

        TrialDecision skipped = asha.onReport(1, 5, 0.2).get(0);

        // Rung 0 now holds 2 losses; ceil(2/3) = 1 and 0.1 is better, so it stops there, not at rung 1.
        assertThat(skipped.action()).isEqualTo(STOP);
        assertThat(skipped.rung()).isEqualTo(OptionalInt.of(0));
        assertThat(asha.onReport(2, 5, 0.05)).extracting(TrialDecision::action, TrialDecision::rung)
                .containsExactly(tuple(PROMOTE, OptionalInt.of(0)), tuple(PROMOTE, OptionalInt.of(1)));
    }

    @Test
    void equalLossesPassTogether() {
        Asha asha = Asha.of(1, 81, 3);
        for (int t = 0; t < 6; t++) {
            assertThat(asha.onReport(t, 1, 0.5).get(0).action()).as("trial %d", t).isEqualTo(PROMOTE);
        }
    }

    @Test
    void aNaNLossRanksBelowEveryNumber() {
        Asha asha = Asha.of(1, 81, 2);
        asha.onReport(0, 1, 1e300);

        assertThat(asha.onReport(1, 1, Double.NaN).get(0).action()).isEqualTo(STOP);
    }

    @Test
    void aTrialThatReachesMaxEpochsIsCompletedNotStopped() {
        Asha asha = Asha.of(1, 3, 3);
        asha.onReport(0, 1, 0.1);

        assertThat(asha.onReport(0, 3, 0.1).get(0).action()).isEqualTo(COMPLETE);
        assertThat(asha.onReport(0, 4, 0.1).get(0).action()).isEqualTo(COMPLETE);
    }

    private static double lossOf(int t) {
        return ((t * 7919L) % 101) / 101.0;
    }
}

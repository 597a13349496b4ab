package io.tunestream.optimizer.scheduler;

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

class SuccessiveHalvingTest extends TrialSchedulerContractTest {

    @Override
    protected TrialScheduler newScheduler() {
        return SuccessiveHalving.of(27, 1, MAX_EPOCHS, 3);
    }

    @Test
    void planKeepsFloorOfNOverEtaAtEachRung() {
        assertThat(SuccessiveHalving.of(81, 1, 81, 3).plan()).containsExactly(
                new RungPlan(81, 1), new RungPlan(27, 3), new RungPlan(9, 9), new RungPlan(3, 27), new RungPlan(1, 81));
        // Hyperband's bracket s=3 for R=81, η=3 (Li et al. 2018, Table 1).
        assertThat(SuccessiveHalving.of(34, 3, 81, 3).plan()).containsExactly(
                new RungPlan(34, 3), new RungPlan(11, 9), new RungPlan(3, 27), new RungPlan(1, 81));
        assertThat(SuccessiveHalving.of(10, 1, 9, 3).plan()).containsExactly(
                new RungPlan(10, 1), new RungPlan(3, 3), new RungPlan(1, 9));
    }

    @Test
    void validatesThatATrialOfEachBracketCanReachMaxEpochs() {
        assertThatThrownBy(() -> SuccessiveHalving.of(26, 1, 27, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`trialsPerBracket` must be >= eta^3 = 27 so that a trial reaches maxEpochs 27, but was 26");
        assertThatThrownBy(() -> SuccessiveHalving.of(27, 1, 27, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`eta` must be >= 2, but was 1");
    }

    @Test
    void aRungIsDecidedWhenItsLastTrialReportsAndPromotesFloorOfNOverEta() {
        SuccessiveHalving halving = SuccessiveHalving.of(10, 1, 9, 3);
        for (int t = 0; t < 9; t++) {
            List<TrialDecision> decisions = halving.onReport(t, 1, 0.1 * (10 - t));
            assertThat(decisions).singleElement().satisfies(d -> {
                assertThat(d.action()).isEqualTo(CONTINUE);
                assertThat(d.reason()).startsWith("waiting at rung 0 (epoch 1) for ");
            });
        }

        List<TrialDecision> decisions = halving.onReport(9, 1, 0.05);

        assertThat(decisions).hasSize(10);
        assertThat(decisions).filteredOn(d -> d.action() == PROMOTE)
                .extracting(TrialDecision::trialNumber).containsExactly(7L, 8L, 9L);
        assertThat(decisions).filteredOn(d -> d.action() == STOP).hasSize(7)
                .allMatch(d -> d.rung().equals(OptionalInt.of(0)) && d.epoch() == 1);
        assertThat(decisions.get(0).reason()).isEqualTo("loss 1.00000 ranks 10; the best 3 of 10 trials at rung 0"
                + " (epoch 1) are promoted (floor(10/3), cutoff 0.300000)");
    }

    @Test
    void theSecondRungHoldsOnlyThePromotedTrialsAndItsWinnerCompletes() {
        SuccessiveHalving halving = SuccessiveHalving.of(10, 1, 9, 3);
        for (int t = 0; t < 10; t++) {
            halving.onReport(t, 1, 0.1 * (10 - t));
        }
        // Trial 0 was stopped at rung 0: its report at rung 1 changes nothing.
        assertThat(halving.onReport(0, 3, 0.0).get(0).action()).isEqualTo(STOP);
        assertThat(halving.onReport(9, 3, 0.3).get(0).action()).isEqualTo(CONTINUE);
        assertThat(halving.onReport(8, 3, 0.2).get(0).action()).isEqualTo(CONTINUE);

        List<TrialDecision> decisions = halving.onReport(7, 3, 0.25);

        assertThat(decisions).extracting(TrialDecision::trialNumber, TrialDecision::action)
                .containsExactly(tuple(7L, STOP),
                        tuple(8L, PROMOTE),
                        tuple(9L, STOP));
        assertThat(halving.onReport(8, 9, 0.1)).singleElement()
                .isEqualTo(TrialDecision.complete(8, 9, "reached maxEpochs 9"));
    }

    @Test
    void aTrialThatEndsWithoutReportingRanksLastAndUnblocksTheRung() {
        SuccessiveHalving halving = SuccessiveHalving.of(9, 1, 9, 3);
        for (int t = 0; t < 8; t++) {
            halving.onReport(t, 1, t);
        }

        List<TrialDecision> decisions = halving.onTrialEnded(8);

        assertThat(decisions).hasSize(8).noneMatch(d -> d.trialNumber() == 8);
        assertThat(decisions).filteredOn(d -> d.action() == PROMOTE)
                .extracting(TrialDecision::trialNumber).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aTrialThatRanAheadWhileWaitingHasItsLaterRungCounted() {
        SuccessiveHalving halving = SuccessiveHalving.of(9, 1, 9, 3);
        halving.onReport(0, 1, 0.0);
        halving.onReport(0, 3, 0.0);
        for (int t = 1; t < 8; t++) {
            halving.onReport(t, 1, t);
        }
        halving.onReport(1, 3, 1.0);

        List<TrialDecision> decisions = new ArrayList<>(halving.onReport(8, 1, 8.0));
        decisions.addAll(halving.onReport(2, 3, 2.0));

        // Rung 0 promotes 0, 1, 2; rung 1 (0 ran ahead and already reported there) then promotes 0 alone.
        assertThat(decisions).filteredOn(d -> d.rung().equals(OptionalInt.of(1)))
                .extracting(TrialDecision::trialNumber, TrialDecision::action)
                .containsExactly(tuple(0L, PROMOTE),
                        tuple(1L, STOP),
                        tuple(2L, STOP));
    }

    @Test
    void bracketsAreConsecutiveBlocksOfTrialNumbers() {
        SuccessiveHalving halving = SuccessiveHalving.of(9, 1, 9, 3);

        assertThat(halving.bracketOf(0)).isZero();
        assertThat(halving.bracketOf(8)).isZero();
        assertThat(halving.bracketOf(9)).isOne();
        for (int t = 9; t < 18; t++) {
            halving.onReport(t, 1, t);
        }
        // The second bracket decided on its own; the first still waits.
        assertThat(halving.onReport(0, 1, 0.0).get(0).action()).isEqualTo(CONTINUE);
        assertThat(halving.onReport(9, 3, 0.0).get(0).action()).isNotEqualTo(STOP);
        assertThat(halving.onReport(17, 3, 0.0).get(0).action()).isEqualTo(STOP);
    }
}

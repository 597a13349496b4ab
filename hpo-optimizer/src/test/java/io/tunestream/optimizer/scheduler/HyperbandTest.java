package io.tunestream.optimizer.scheduler;

import static io.tunestream.optimizer.scheduler.SchedulerAction.COMPLETE;
import static io.tunestream.optimizer.scheduler.SchedulerAction.CONTINUE;
import static io.tunestream.optimizer.scheduler.SchedulerAction.PROMOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HyperbandTest extends TrialSchedulerContractTest {

    @Override
    protected TrialScheduler newScheduler() {
        return Hyperband.of(1, MAX_EPOCHS, 3);
    }

    /** Golden vector: Li et al. 2018, Table 1, R=81, η=3: (n_i, r_i) of every bracket. */
    @Test
    void bracketTableForR81Eta3IsTheOneOfThePaper() {
        Hyperband hyperband = Hyperband.of(1, 81, 3);

        assertThat(hyperband.sMax()).isEqualTo(4);
        assertThat(hyperband.brackets()).containsExactly(
                new Hyperband.Bracket(4, List.of(rung(81, 1), rung(27, 3), rung(9, 9), rung(3, 27), rung(1, 81))),
                new Hyperband.Bracket(3, List.of(rung(34, 3), rung(11, 9), rung(3, 27), rung(1, 81))),
                new Hyperband.Bracket(2, List.of(rung(15, 9), rung(5, 27), rung(1, 81))),
                new Hyperband.Bracket(1, List.of(rung(8, 27), rung(2, 81))),
                new Hyperband.Bracket(0, List.of(rung(5, 81))));
    }

    @Test
    void rungsAreRoundedToWholeEpochsWhenMaxOverMinIsNotAPowerOfEta() {
        Hyperband hyperband = Hyperband.of(1, 52, 3);

        assertThat(hyperband.sMax()).isEqualTo(3);
        assertThat(hyperband.brackets().get(0).rungs()).extracting(RungPlan::epochs).containsExactly(2, 6, 17, 52);
        assertThat(hyperband.brackets().get(3).rungs()).extracting(RungPlan::epochs).containsExactly(52);
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> Hyperband.of(1, 81, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`eta` must be >= 2, but was 1");
        assertThatThrownBy(() -> Hyperband.of(2, 5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`maxEpochs` must be >= minEpochs * eta = 6 so that Hyperband has more than one bracket,"
                        + " but was 5");
    }

    @Test
    void everyCycleOfTrialNumbersFillsTheBracketsInThePapersProportions() {
        Hyperband hyperband = Hyperband.of(1, 81, 3);
        for (int cycle = 0; cycle < 3; cycle++) {
            TreeMap<Integer, Integer> counts = new TreeMap<>();
            for (long t = cycle * 143L; t < (cycle + 1) * 143L; t++) {
                counts.merge(hyperband.bracketOf(t), 1, Integer::sum);
            }
            assertThat(counts).containsExactly(
                    entry(0, 5), entry(1, 8),
                    entry(2, 15), entry(3, 34),
                    entry(4, 81));
        }
    }

    @Test
    void theAssignmentIsAFunctionOfTheTrialNumberAndInterleavesBrackets() {
        Hyperband one = Hyperband.of(1, 81, 3);
        Hyperband other = Hyperband.of(1, 81, 3);
        Set<Integer> firstTwenty = new HashSet<>();
        for (long t = 0; t < 1_000; t++) {
            assertThat(other.bracketOf(t)).isEqualTo(one.bracketOf(t));
            if (t < 20) {
                firstTwenty.add(one.bracketOf(t));
            }
        }
        assertThat(firstTwenty).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aTrialIsFirstJudgedAtItsBracketsFirstRung() {
        Hyperband hyperband = Hyperband.of(1, 81, 3);
        long trial = firstTrialOfBracket(hyperband, 2);

        for (int epoch = 1; epoch < 9; epoch++) {
            assertThat(hyperband.onReport(trial, epoch, 0.5).get(0).action()).as("epoch %d", epoch).isEqualTo(CONTINUE);
        }
        TrialDecision atFirstRung = hyperband.onReport(trial, 9, 0.5).get(0);

        assertThat(atFirstRung.action()).isEqualTo(PROMOTE);
        assertThat(atFirstRung.rung()).isEqualTo(OptionalInt.of(0));
        assertThat(atFirstRung.reason()).startsWith("bracket s=2: loss 0.500000 at rung 0 (epoch 9)")
                .endsWith("next: rung 1 at epoch 27");
    }

    @Test
    void bracketZeroStopsNothingAndCompletesAtMaxEpochs() {
        Hyperband hyperband = Hyperband.of(1, 81, 3);
        long trial = firstTrialOfBracket(hyperband, 0);

        for (int epoch = 1; epoch < 81; epoch++) {
            assertThat(hyperband.onReport(trial, epoch, 100.0 - epoch).get(0).action()).isEqualTo(CONTINUE);
        }
        assertThat(hyperband.onReport(trial, 81, 0.5).get(0).action()).isEqualTo(COMPLETE);
    }

    @Test
    void bracketsJudgeTheirTrialsApart() {
        Hyperband hyperband = Hyperband.of(1, 9, 3);
        // Brackets: s=2 (n=9, rungs 1, 3), s=1 (n=5, rung 3), s=0 (n=3).
        long inTwo = firstTrialOfBracket(hyperband, 2);
        long inOne = firstTrialOfBracket(hyperband, 1);
        hyperband.onReport(inTwo, 3, 0.1);

        // The bracket s=1 has seen nothing at epoch 3: its first trial passes whatever its loss.
        assertThat(hyperband.onReport(inOne, 3, 5.0).get(0).action()).isEqualTo(PROMOTE);
    }

    private static long firstTrialOfBracket(Hyperband hyperband, int s) {
        long t = 0;
        while (hyperband.bracketOf(t) != s) {
            t++;
        }
        return t;
    }

    private static RungPlan rung(int trials, int epochs) {
        return new RungPlan(trials, epochs);
    }
}

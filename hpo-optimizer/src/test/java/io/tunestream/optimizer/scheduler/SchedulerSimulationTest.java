package io.tunestream.optimizer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Four workers in virtual time, 200 trials, epochs 1..81, η=3: early stopping must spend far fewer
 * epochs than running every trial to R (16,200), and still train the best trial to R.
 *
 * <p>Measured over seeds 1..5 (the runs are deterministic): ASHA 7.6-17% of the full budget, Hyperband
 * 19-25%, the median rule 63-75%, synchronous successive halving 97-98%: with four workers and no way to
 * pause a trial, most trials of an 81-trial bracket finish before the bracket's first rung fills.
 */
class SchedulerSimulationTest {

    private static final int TRIALS = 200;
    private static final int MAX_EPOCHS = 81;
    private static final int WORKERS = 4;
    private static final long FULL_BUDGET = (long) TRIALS * MAX_EPOCHS;

    @Test
    void withoutASchedulerEveryTrialRunsToMaxEpochs() {
        VirtualCluster.Outcome outcome = VirtualCluster.run(NoScheduler.create(), TRIALS, MAX_EPOCHS, WORKERS, 1);

        assertThat(outcome.epochsUsed()).isEqualTo(FULL_BUDGET);
        assertThat(outcome.reachedMaxEpochs()).hasSize(TRIALS);
    }

    @Test
    void ashaSpendsUnderAFifthOfTheFullBudgetAndKeepsTheBestTrial() {
        for (long seed = 1; seed <= 5; seed++) {
            VirtualCluster.Outcome outcome = VirtualCluster.run(Asha.of(1, MAX_EPOCHS, 3), TRIALS, MAX_EPOCHS, WORKERS, seed);

            assertThat(outcome.epochsUsed()).as("seed %d", seed).isLessThan(FULL_BUDGET / 5);
            assertThat(outcome.reachedMaxEpochs()).as("seed %d", seed).contains(outcome.bestTrial());
        }
    }

    @Test
    void hyperbandSpendsUnderAThirdOfTheFullBudgetAndKeepsTheBestTrial() {
        for (long seed = 1; seed <= 5; seed++) {
            VirtualCluster.Outcome outcome =
                    VirtualCluster.run(Hyperband.of(1, MAX_EPOCHS, 3), TRIALS, MAX_EPOCHS, WORKERS, seed);

            assertThat(outcome.epochsUsed()).as("seed %d", seed).isLessThan(FULL_BUDGET / 3);
            assertThat(outcome.reachedMaxEpochs()).as("seed %d", seed).contains(outcome.bestTrial());
        }
    }

    @Test
    void theMedianRuleSpendsUnderFourFifthsOfTheFullBudgetAndKeepsTheBestTrial() {
        for (long seed = 1; seed <= 5; seed++) {
            VirtualCluster.Outcome outcome =
                    VirtualCluster.run(MedianStopping.of(1, 3), TRIALS, MAX_EPOCHS, WORKERS, seed);

            assertThat(outcome.epochsUsed()).as("seed %d", seed).isLessThan(FULL_BUDGET * 4 / 5);
            assertThat(outcome.reachedMaxEpochs()).as("seed %d", seed).contains(outcome.bestTrial());
        }
    }

    /** Without pausing, synchronous halving stops only what is still running when a rung fills. */
    @Test
    void synchronousHalvingKeepsTheBestTrialAndSpendsLessThanTheFullBudget() {
        VirtualCluster.Outcome outcome =
                VirtualCluster.run(SuccessiveHalving.of(81, 1, MAX_EPOCHS, 3), TRIALS, MAX_EPOCHS, WORKERS, 1);

        assertThat(outcome.epochsUsed()).isLessThan(FULL_BUDGET);
        assertThat(outcome.reachedMaxEpochs()).contains(outcome.bestTrial());
    }

    /** What results-service does after a restart: replay the study's events into a fresh scheduler. */
    @Test
    void replayingALiveRunsEventsIntoAFreshSchedulerRebuildsTheSameDecisions() {
        for (TrialScheduler[] pair : new TrialScheduler[][] {
                {Asha.of(1, MAX_EPOCHS, 3), Asha.of(1, MAX_EPOCHS, 3)},
                {Hyperband.of(1, MAX_EPOCHS, 3), Hyperband.of(1, MAX_EPOCHS, 3)},
                {SuccessiveHalving.of(81, 1, MAX_EPOCHS, 3), SuccessiveHalving.of(81, 1, MAX_EPOCHS, 3)},
                {MedianStopping.of(1, 3), MedianStopping.of(1, 3)}}) {
            VirtualCluster.Outcome live = VirtualCluster.run(pair[0], TRIALS, MAX_EPOCHS, WORKERS, 42);

            assertThat(SchedulerEvents.replay(pair[1], live.events())).as("%s", pair[0]).isEqualTo(live.decisions());
        }
    }
}

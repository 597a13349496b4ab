package io.tunestream.optimizer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoSchedulerTest extends TrialSchedulerContractTest {

    @Override
    protected TrialScheduler newScheduler() {
        return NoScheduler.create();
    }

    @Override
    protected boolean stopsTrials() {
        return false;
    }

    @Test
    void continuesEveryTrialHoweverBad() {
        NoScheduler none = NoScheduler.create();

        assertThat(none.onReport(0, 1, Double.NaN)).containsExactly(
                TrialDecision.continueTraining(0, 1, "no scheduler: every trial runs to its end"));
        assertThat(none.onTrialEnded(0)).isEmpty();
    }
}

package io.tunestream.optimizer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TrialDecisionTest {

    @Test
    void validatesItself() {
        assertThatThrownBy(() -> TrialDecision.stop(-1, 1, "why"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`trialNumber` must be >= 0, but was -1");
        assertThatThrownBy(() -> TrialDecision.stop(0, 0, "why"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`epoch` must be >= 1, but was 0");
        assertThatThrownBy(() -> TrialDecision.promote(0, 1, -1, "why"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`rung` must be >= 0 when present, but was -1");
        assertThatThrownBy(() -> TrialDecision.stop(0, 1, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("`reason` must not be blank, but was \" \"");
        assertThatThrownBy(() -> new TrialDecision(0, SchedulerAction.STOP, 1, null, "why"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void onlyStopAndCompleteEndTheTrial() {
        assertThat(TrialDecision.stopAtRung(0, 3, 1, "why").endsTrial()).isTrue();
        assertThat(TrialDecision.complete(0, 81, "why").endsTrial()).isTrue();
        assertThat(TrialDecision.promote(0, 3, 1, "why").endsTrial()).isFalse();
        assertThat(TrialDecision.continueTraining(0, 2, "why").endsTrial()).isFalse();
        assertThat(TrialDecision.stop(0, 2, "why").rung()).isEqualTo(OptionalInt.empty());
    }
}

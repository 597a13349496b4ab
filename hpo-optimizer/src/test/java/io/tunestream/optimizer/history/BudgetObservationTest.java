package io.tunestream.optimizer.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetObservationTest {

    private static final Map<String, Object> PARAMS = Map.of("lr", 0.01);
    private static final List<TrialRecord> TRIALS = List.of(
            TrialRecord.running(0, PARAMS), TrialRecord.stopped(1, PARAMS, 0.5, 3));

    @Test
    void aHistoryKeepsItsObservationsByBudgetThenTrial() {
        StudyHistory history = StudyHistory.of(TRIALS, List.of(
                BudgetObservation.of(1, 3, 0.5), BudgetObservation.of(0, 3, 0.4), BudgetObservation.of(1, 1, 0.9)));

        assertThat(history.observations()).containsExactly(
                BudgetObservation.of(1, 1, 0.9), BudgetObservation.of(0, 3, 0.4), BudgetObservation.of(1, 3, 0.5));
        assertThat(history.trials()).isEqualTo(StudyHistory.of(TRIALS).trials());
        assertThat(history).isNotEqualTo(StudyHistory.of(TRIALS));
        assertThat(StudyHistory.of(TRIALS).observations()).isEmpty();
        assertThat(StudyHistory.of(TRIALS, List.of())).isEqualTo(StudyHistory.of(TRIALS));
        assertThat(history.toString()).contains("observations=3");
    }

    @Test
    void rejectsObservationsOfUnknownTrialsAndTwoAtOneBudget() {
        assertThatThrownBy(() -> StudyHistory.of(TRIALS, List.of(BudgetObservation.of(7, 1, 0.1))))
                .hasMessage("`observations` must refer to trials of the history, but trial 7 is not one");
        assertThatThrownBy(() -> StudyHistory.of(TRIALS, List.of(BudgetObservation.of(0, 1, 0.1), BudgetObservation.of(0, 1, 0.2))))
                .hasMessage("`observations` must hold one loss per trial and budget, but trial 0 has more than one at 1 epochs");
        assertThatThrownBy(() -> StudyHistory.of(TRIALS, null)).hasMessage("`observations` must not be null");
    }

    @Test
    void validatesItsFields() {
        assertThatThrownBy(() -> BudgetObservation.of(-1, 1, 0)).hasMessage("`trialNumber` must be >= 0, but was -1");
        assertThatThrownBy(() -> BudgetObservation.of(0, 0, 0)).hasMessage("`epochs` must be >= 1, but was 0");
        assertThatThrownBy(() -> BudgetObservation.of(0, 1, Double.NaN))
                .hasMessage("`loss` must not be NaN (convert metrics with Direction.toLoss), but was NaN");
        assertThat(BudgetObservation.of(0, 1, Double.POSITIVE_INFINITY).loss()).isInfinite();
    }
}

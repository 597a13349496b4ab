package io.tunestream.optimizer.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StudyHistoryTest {

    private static final Map<String, Object> PARAMS = Map.of("lr", 0.01);

    @Test
    void bestIsTheCompletedTrialWithTheLowestLoss() {
        StudyHistory history = StudyHistory.of(List.of(
                TrialRecord.completed(0, PARAMS, 0.40, 10),
                TrialRecord.completed(1, PARAMS, 0.15, 10),
                TrialRecord.completed(2, PARAMS, 0.30, 10)));

        assertThat(history.best()).map(TrialRecord::number).hasValue(1L);
    }

    @Test
    void bestIgnoresStoppedRunningAndFailedTrialsEvenWithALowerLoss() {
        StudyHistory history = StudyHistory.of(List.of(
                TrialRecord.completed(0, PARAMS, 0.40, 10),
                TrialRecord.stopped(1, PARAMS, 0.01, 1),
                new TrialRecord(2, PARAMS, TrialState.RUNNING, OptionalDouble.of(0.02), 3),
                new TrialRecord(3, PARAMS, TrialState.FAILED, OptionalDouble.of(0.03), 3)));

        assertThat(history.best()).map(TrialRecord::number).hasValue(0L);
    }

    @Test
    void bestBreaksTiesByTheLowerNumberAndAcceptsInfiniteLosses() {
        StudyHistory history = StudyHistory.of(List.of(
                TrialRecord.completed(5, PARAMS, Double.POSITIVE_INFINITY, 10),
                TrialRecord.completed(4, PARAMS, 0.2, 10),
                TrialRecord.completed(2, PARAMS, 0.2, 10)));

        assertThat(history.best()).map(TrialRecord::number).hasValue(2L);
    }

    @Test
    void bestIsEmptyWithoutACompletedTrial() {
        assertThat(StudyHistory.empty().best()).isEmpty();
        assertThat(StudyHistory.of(List.of(TrialRecord.running(0, PARAMS), TrialRecord.failed(1, PARAMS))).best())
                .isEmpty();
    }

    @Test
    void completedAndPendingSelectByState() {
        StudyHistory history = StudyHistory.of(List.of(
                TrialRecord.completed(0, PARAMS, 0.4, 10),
                TrialRecord.running(1, PARAMS),
                TrialRecord.failed(2, PARAMS),
                TrialRecord.stopped(3, PARAMS, 0.9, 1),
                TrialRecord.running(4, PARAMS),
                TrialRecord.completed(5, PARAMS, 0.3, 10)));

        assertThat(history.size()).isEqualTo(6);
        assertThat(history.completed()).extracting(TrialRecord::number).containsExactly(0L, 5L);
        assertThat(history.pending()).extracting(TrialRecord::number).containsExactly(1L, 4L);
    }

    @Test
    void trialsAreOrderedByNumberWhateverTheOrderTheyArrivedIn() {
        StudyHistory history = StudyHistory.of(List.of(
                TrialRecord.running(2, PARAMS), TrialRecord.completed(0, PARAMS, 1.0, 1), TrialRecord.failed(1, PARAMS)));

        assertThat(history.trials()).extracting(TrialRecord::number).containsExactly(0L, 1L, 2L);
        assertThat(history).isEqualTo(StudyHistory.of(List.of(
                TrialRecord.completed(0, PARAMS, 1.0, 1), TrialRecord.failed(1, PARAMS), TrialRecord.running(2, PARAMS))));
    }

    @Test
    void isASnapshotUnaffectedByLaterChangesToTheSourceList() {
        List<TrialRecord> source = new ArrayList<>(List.of(TrialRecord.completed(0, PARAMS, 1.0, 1)));
        StudyHistory history = StudyHistory.of(source);
        source.add(TrialRecord.completed(1, PARAMS, 0.5, 1));

        assertThat(history.size()).isEqualTo(1);
        assertThatThrownBy(() -> history.trials().add(TrialRecord.running(2, PARAMS)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> history.completed().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsTwoTrialsWithTheSameNumber() {
        assertThatThrownBy(() -> StudyHistory.of(List.of(TrialRecord.running(3, PARAMS), TrialRecord.failed(3, PARAMS))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`trials` must have distinct numbers, but number 3 appears more than once");
    }

    @Test
    void emptyHasNoTrials() {
        assertThat(StudyHistory.empty().trials()).isEmpty();
        assertThat(StudyHistory.empty().size()).isZero();
        assertThat(StudyHistory.of(List.of())).isEqualTo(StudyHistory.empty());
    }
}

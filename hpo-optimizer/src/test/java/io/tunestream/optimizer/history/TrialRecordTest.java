package io.tunestream.optimizer.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrialRecordTest {

    @Test
    void factoriesSetStateLossAndEpochs() {
        Map<String, Object> params = Map.of("lr", 0.01);

        assertThat(TrialRecord.completed(3, params, 0.25, 10))
                .isEqualTo(new TrialRecord(3, params, TrialState.COMPLETED, OptionalDouble.of(0.25), 10));
        assertThat(TrialRecord.stopped(4, params, 0.5, 3))
                .isEqualTo(new TrialRecord(4, params, TrialState.STOPPED, OptionalDouble.of(0.5), 3));
        assertThat(TrialRecord.running(5, params))
                .isEqualTo(new TrialRecord(5, params, TrialState.RUNNING, OptionalDouble.empty(), 0));
        assertThat(TrialRecord.failed(6, params))
                .isEqualTo(new TrialRecord(6, params, TrialState.FAILED, OptionalDouble.empty(), 0));
    }

    @Test
    void keepsAnUnmodifiableCopyOfTheParamsInTheirOrder() {
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        params.put("units", 64L);
        params.put("lr", 0.01);
        TrialRecord trial = TrialRecord.completed(0, params, 1.0, 5);
        params.put("momentum", 0.9);

        assertThat(trial.params().keySet()).containsExactly("units", "lr");
        assertThatThrownBy(() -> trial.params().put("lr", 0.1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRunningTrialMayCarryAnIntermediateLoss() {
        TrialRecord trial = new TrialRecord(1, Map.of(), TrialState.RUNNING, OptionalDouble.of(0.7), 2);

        assertThat(trial.loss()).hasValue(0.7);
    }

    @Test
    void rejectsANegativeNumber() {
        assertThatThrownBy(() -> TrialRecord.running(-1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`number` must be >= 0, but was -1");
    }

    @Test
    void completedAndStoppedTrialsMustHaveALoss() {
        assertThatThrownBy(() -> new TrialRecord(0, Map.of(), TrialState.COMPLETED, OptionalDouble.empty(), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`loss` must be present when `state` is COMPLETED, but was empty");
        assertThatThrownBy(() -> new TrialRecord(0, Map.of(), TrialState.STOPPED, OptionalDouble.empty(), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`loss` must be present when `state` is STOPPED, but was empty");
    }

    @Test
    void rejectsANaNLoss() {
        assertThatThrownBy(() -> TrialRecord.completed(0, Map.of(), Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`loss` must not be NaN (convert metrics with Direction.toLoss), but was NaN");
    }

    @Test
    void rejectsNegativeEpochs() {
        assertThatThrownBy(() -> TrialRecord.completed(0, Map.of(), 1.0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`epochs` must be >= 0, but was -1");
    }

    @Test
    void rejectsNullParamValues() {
        Map<String, Object> params = new HashMap<>();
        params.put("lr", null);

        assertThatThrownBy(() -> TrialRecord.running(0, params))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`params` must not contain null names or values, but had lr=null");
    }
}

package io.tunestream.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SlotSimulationTest {

    @Test
    void asynchronousHalvingWithoutOverheadsNeverLeavesASlotIdleWhileTrialsRemain() {
        var result = SlotSimulation.asynchronous("asha", 16, 640, 27, 3, 0.05, 0, 0, 1);
        assertThat(result.trainingFraction()).isCloseTo(1.0, within(1e-9));
        assertThat(result.trainingFractionWholeRun()).isLessThan(1.0);
    }

    @Test
    void aSlowStopCostsAnEpochPerStoppedTrialAndADispatchGapCostsSlotTime() {
        var ideal = SlotSimulation.asynchronous("asha", 16, 640, 27, 3, 0.05, 0, 0, 1);
        var measured = SlotSimulation.asynchronous("asha", 16, 640, 27, 3, 0.05, 0.005, 0.010, 1);
        assertThat(measured.epochs()).isGreaterThan(ideal.epochs());
        assertThat(measured.trainingFraction()).isLessThan(1.0);
        assertThat(measured.makespanSeconds()).isGreaterThan(ideal.makespanSeconds());
    }

    @Test
    void synchronousHyperbandOnOneSlotIsNeverIdle() {
        var result = SlotSimulation.synchronousHyperband(1, 49, 27, 3, 0.05, 1);
        assertThat(result.trainingFractionWholeRun()).isCloseTo(1.0, within(1e-9));
        // R=27, η=3: brackets of 27, 12 (9·4/3), 6, 4 trials; their epochs: 81+72+... computed by the rungs.
        assertThat(result.epochs()).isEqualTo(27 + 9 * 2 + 3 * 6 + 1 * 18 + 12 * 3 + 4 * 6 + 1 * 18 + 6 * 9 + 2 * 18 + 4 * 27);
    }

    @Test
    void synchronousHyperbandWaitsAtItsBarriersOnManySlots() {
        var sequential = SlotSimulation.synchronousHyperband(16, 640, 27, 3, 0.05, 1);
        var parallel = SlotSimulation.synchronousHyperbandParallelBrackets(16, 640, 27, 3, 0.05, 1);
        assertThat(sequential.trainingFraction()).isLessThan(0.5);
        assertThat(parallel.trainingFraction()).isGreaterThan(sequential.trainingFraction()).isLessThan(1.0);
        assertThat(parallel.epochs()).isEqualTo(sequential.epochs());
    }
}

package io.tunestream.results.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.spec.AlgorithmSpec;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.SchedulerSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.TrainerSpec;

class RungsTest {

    private static StudySpec spec(String algorithm, SchedulerSpec scheduler, int maxEpochs) {
        return new StudySpec("s", new ObjectiveSpec("loss", "minimize"), Map.of("x", ParameterSpec.floatRange(0, 1, false)),
                new AlgorithmSpec(algorithm, Map.of()), new BudgetSpec(10, 2, maxEpochs), new TrainerSpec("synthetic", Map.of()),
                1L, scheduler);
    }

    @Test
    void ashaRungsBelowTheMaximum() {
        assertThat(Rungs.of(spec("tpe", new SchedulerSpec("asha", 1, null, 3, null, null), 9))).containsExactly(1, 3);
    }

    @Test
    void hyperbandRungsOfAllBrackets() {
        // R = 81, η = 3: brackets start at 1, 3, 9, 27 and 81 epochs; rungs below 81.
        assertThat(Rungs.of(spec("random", new SchedulerSpec("hyperband", 1, null, 3, null, null), 81))).containsExactly(1, 3, 9, 27);
    }

    @Test
    void bohbImpliesHyperbandAndMedianOrNoSchedulerHasNoRungs() {
        assertThat(Rungs.of(spec("bohb", null, 9))).isNotEmpty();
        assertThat(Rungs.of(spec("tpe", new SchedulerSpec("median", null, null, null, 2, 3), 9))).isEqualTo(List.of());
        assertThat(Rungs.of(spec("tpe", null, 9))).isEmpty();
    }
}

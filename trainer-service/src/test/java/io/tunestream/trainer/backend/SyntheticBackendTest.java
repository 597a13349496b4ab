package io.tunestream.trainer.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.TrainerSpec;

public class SyntheticBackendTest {

    private final SyntheticBackend backend = new SyntheticBackend();

    public static TrialSuggested trial(Map<String, Object> params, Map<String, Object> settings, long seed, int epochs) {
        return new TrialSuggested(1, "s", "s-t0", 0, params, epochs, "val_loss", new TrainerSpec("synthetic", settings), seed, Instant.now());
    }

    private List<Double> curve(TrialSuggested trial) throws Exception {
        var losses = new ArrayList<Double>();
        try (var session = backend.open(trial)) {
            for (int epoch = 1; epoch <= trial.maxEpochs(); epoch++) {
                losses.add(session.trainEpoch(epoch).orElseThrow().get("val_loss"));
            }
        }
        return losses;
    }

    @Test
    void sameSeedGivesTheSameCurveAndAnotherSeedAnother() throws Exception {
        var settings = Map.<String, Object>of("epochMillis", 0, "noise", 0.05, "targets", Map.of("lr", 0.01));
        var a = curve(trial(Map.of("lr", 0.1), settings, 7, 10));
        var b = curve(trial(Map.of("lr", 0.1), settings, 7, 10));
        var c = curve(trial(Map.of("lr", 0.1), settings, 8, 10));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void closerToTheTargetsEndsLowerAndTheCurveFalls() throws Exception {
        var settings = Map.<String, Object>of("epochMillis", 0, "noise", 0.0, "targets", Map.of("lr", 0.01, "act", "relu"));
        var good = curve(trial(Map.of("lr", 0.012, "act", "relu"), settings, 1, 20));
        var bad = curve(trial(Map.of("lr", 0.5, "act", "tanh"), settings, 1, 20));
        assertThat(good.get(19)).isLessThan(bad.get(19));
        assertThat(good.get(19)).isLessThan(good.get(0));
        for (int i = 1; i < good.size(); i++) {
            assertThat(good.get(i)).as("epoch %d", i + 1).isLessThan(good.get(i - 1));
        }
        // ln(0.5/0.01) + 1 (wrong activation) above the base floor, approached by the last epoch.
        assertThat(bad.get(19)).isCloseTo(SyntheticBackend.BASE_FLOOR + Math.log(50) + 1, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void trainingLossIsBelowValidationLossSoTheGapShows() throws Exception {
        var trial = trial(Map.of("lr", 0.1), Map.of("epochMillis", 0, "noise", 0.0, "targets", Map.of("lr", 0.01)), 3, 5);
        try (var session = backend.open(trial)) {
            var metrics = session.trainEpoch(5).orElseThrow();
            assertThat(metrics).containsKeys("val_loss", "val_accuracy", "train_loss", "train_accuracy");
            assertThat(metrics.get("train_loss")).isLessThan(metrics.get("val_loss"));
        }
    }

    @Test
    void failureProbabilityOneFailsTheFirstEpochWithAReason() throws Exception {
        var trial = trial(Map.of("lr", 0.1), Map.of("epochMillis", 0, "failureProbability", 1.0), 3, 5);
        try (var session = backend.open(trial)) {
            assertThatThrownBy(() -> session.trainEpoch(1)).isInstanceOf(TrialFailedException.class)
                    .hasMessageContaining("synthetic failure injected at epoch 1");
        }
    }

    @Test
    void invalidSettingsFailTheTrialWithTheRule() {
        var trial = trial(Map.of("lr", 0.1), Map.of("epochMillis", -5), 3, 5);
        assertThatThrownBy(() -> backend.open(trial)).isInstanceOf(TrialFailedException.class)
                .hasMessageContaining("trainer.settings.epochMillis must be between 0 and 3600000, but was -5");
    }
}

package io.tunestream.trainer.backend.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tunestream.contracts.events.FinalizeJob;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.BuiltinSettings;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.trainer.runner.StopRegistry;
import io.tunestream.trainer.runner.TrialOutcome;
import io.tunestream.trainer.runner.TrialRunner;
import io.tunestream.training.model.Hyperparameters;

/** The builtin backend through the trainer's runner: what a trial of a study reports. */
class BuiltinBackendTest {

    @TempDir
    Path models;

    private final List<TrialReported> reports = new CopyOnWriteArrayList<>();

    private TrialRunner runner() {
        return new TrialRunner(Map.of("builtin", new BuiltinBackend(OptionalInt.empty(), models)), reports::add, new StopRegistry(), "w-1");
    }

    static TrialSuggested trial(Map<String, Object> params, Map<String, Object> settings, int epochs) {
        return new TrialSuggested(1, "s", "s-t0", 0, params, epochs, "val_accuracy", new TrainerSpec("builtin", settings), 11L, Instant.now());
    }

    private static List<String> kinds(List<TrialReported> reports) {
        return reports.stream().map(r -> r.kind() + "@" + r.epoch()).toList();
    }

    @Test
    void aTrialOnDigitsReportsEveryEpochWithTrainAndValidationMetrics() {
        var trial = trial(Map.of("learning_rate", 0.05, "hidden_layers", 2, "units_per_layer", 32, "batch_size", 32), Map.of("dataset", "digits"), 4);
        assertThat(runner().run(trial, 1)).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(kinds(reports)).containsExactly("STARTED@0", "EPOCH@1", "EPOCH@2", "EPOCH@3", "EPOCH@4", "COMPLETED@4");
        var last = reports.get(4).metrics();
        assertThat(last).containsKeys("train_loss", "train_accuracy", "val_loss", "val_accuracy", "accuracy_gap", "epoch_seconds", "learning_rate");
        assertThat(last.get("val_accuracy")).isGreaterThan(0.9);
    }

    @Test
    void theEpochsHyperparameterEndsTheTrialBeforeTheBudget() {
        var trial = trial(Map.of("epochs", 2, "units_per_layer", 16), Map.of(), 5);
        assertThat(runner().run(trial, 1)).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(kinds(reports)).containsExactly("STARTED@0", "EPOCH@1", "EPOCH@2", "COMPLETED@2");
    }

    @Test
    void unknownOrOutOfRangeHyperparametersFailTheTrialNamingEachRule() {
        var trial = trial(Map.of("learning_rate", -1.0, "dropuot", 0.2, "activation", "swish", "hidden_layers", 2.5), Map.of(), 3);
        assertThat(runner().run(trial, 1)).isEqualTo(TrialOutcome.FAILED);
        var failure = reports.get(reports.size() - 1);
        assertThat(failure.kind()).isEqualTo(ReportKind.FAILED);
        assertThat(failure.message()).startsWith("invalid hyperparameters for the builtin backend: ")
                .contains("unknown hyperparameter dropuot (the builtin backend takes: ")
                .contains("activation must be one of relu, tanh, sigmoid, gelu, leaky_relu, but was \"swish\"")
                .contains("hidden_layers must be an integer, but was 2.5")
                .contains("learning_rate must be in [0, 10], but was -1.0");
        var tooLong = trial(Map.of("epochs", 9), Map.of(), 3);
        reports.clear();
        assertThat(runner().run(tooLong, 1)).isEqualTo(TrialOutcome.FAILED);
        assertThat(reports.get(reports.size() - 1).message()).contains("epochs must be <= the trial's epoch budget (budget.maxEpochs = 3), but was 9");
    }

    @Test
    void aMissingDatasetFileFailsTheTrialNamingTheFile() {
        var trial = trial(Map.of(), Map.of("dataset", Map.of("csv", "/nonexistent/data.csv", "label", "y")), 2);
        assertThat(runner().run(trial, 1)).isEqualTo(TrialOutcome.FAILED);
        assertThat(reports.get(reports.size() - 1).message()).isEqualTo("cannot load the dataset: dataset file /nonexistent/data.csv does not exist or is not a file");
    }

    @Test
    void theFinalEvaluationReportsTestMetricsAndSavesTheRetrainedModel() throws Exception {
        var job = new TrialSuggested(1, "s", TrialSuggested.finalTrialId("s"), 7, Map.of("learning_rate", 0.05, "units_per_layer", 32), 4,
                "val_accuracy", new TrainerSpec("builtin", Map.of("dataset", "digits")), 11L, Instant.now(), new FinalizeJob(3, "s-t3", true, null));
        assertThat(runner().run(job, 1)).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(kinds(reports)).containsExactly("STARTED@0", "COMPLETED@4");
        var done = reports.get(1);
        assertThat(done.metrics().get("test_accuracy")).isGreaterThan(0.9);
        assertThat(done.metrics()).containsKeys("test_loss", "test_rows", "train_rows", "epochs");
        // 20% of each digit class, rounded per class: about 20% of 1797 rows.
        assertThat(done.metrics().get("test_rows")).isCloseTo(0.2 * 1797, org.assertj.core.data.Offset.offset(5.0));
        assertThat(done.metrics().get("train_rows") + done.metrics().get("test_rows")).isEqualTo(1797.0);
        Path saved = models.resolve("s").toAbsolutePath();
        assertThat(done.artifactPath()).contains(saved.toString());
        assertThat(Files.exists(saved.resolve("mlp-0000.params"))).isTrue();
        assertThat(Files.readString(saved.resolve("model.json"))).contains("\"trainedOn\": \"train+validation\"").contains("\"standardization\"");
    }

    @Test
    void theSyntheticAndCommandBackendsCannotRunAFinalEvaluation() {
        var job = new TrialSuggested(1, "s", TrialSuggested.finalTrialId("s"), 7, Map.of(), 4, "val_loss",
                new TrainerSpec("synthetic", Map.of()), 11L, Instant.now(), new FinalizeJob(3, "s-t3", false, null));
        var runner = new TrialRunner(Map.of("synthetic", new io.tunestream.trainer.backend.SyntheticBackend()), reports::add, new StopRegistry(), "w");
        assertThat(runner.run(job, 1)).isEqualTo(TrialOutcome.FAILED);
        assertThat(reports.get(reports.size() - 1).message()).isEqualTo("backend synthetic has no held-out test set, so it cannot run a final evaluation");
    }

    @Test
    void theSpecRulesAndTheTrainersRulesNameTheSameHyperparameters() {
        assertThat(BuiltinSettings.HYPERPARAMETERS.keySet()).containsExactlyInAnyOrderElementsOf(Hyperparameters.NAMES);
    }

    /** Fashion-MNIST from Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist), by path as a user would give it. */
    @Test
    void idxFilesByPathTrainFashionMnist() {
        Path dir = Path.of("/usr/share/datasets/fashion-mnist");
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        Assumptions.assumeTrue(Files.exists(images) && Files.exists(labels),
                "skipped: Fashion-MNIST is not installed at " + dir + " (apt-get install dataset-fashion-mnist)");
        var settings = Map.<String, Object>of("dataset", Map.of("idx", Map.of("images", images.toString(), "labels", labels.toString())), "maxSamples", 3000);
        var trial = trial(Map.of("learning_rate", 0.05, "hidden_layers", 1, "units_per_layer", 64), settings, 3);
        assertThat(runner().run(trial, 1)).isEqualTo(TrialOutcome.COMPLETED);
        var last = reports.get(reports.size() - 2).metrics();
        // Ten clothing classes: chance is 0.1; a small MLP on 1800 training images is far above it.
        assertThat(last.get("val_accuracy")).isGreaterThan(0.6);
    }
}

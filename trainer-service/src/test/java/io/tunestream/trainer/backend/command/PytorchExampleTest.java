package io.tunestream.trainer.backend.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.trainer.runner.StopRegistry;
import io.tunestream.trainer.runner.TrialOutcome;
import io.tunestream.trainer.runner.TrialRunner;

/**
 * {@code examples/pytorch-mlp/train.py} through the command backend, with Debian's python3-torch
 * ({@code .ci/run} installs it; on a machine without it the test is skipped and says so).
 */
class PytorchExampleTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("..", "examples", "pytorch-mlp", "train.py").toAbsolutePath().normalize();

    private static boolean torchAvailable() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        var probe = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
        return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    @Test
    void theExampleTrainsThroughTheCommandBackend() throws Exception {
        assumeTrue(torchAvailable(), "skipped: /usr/bin/python3 cannot import torch (install Debian's python3-torch; .ci/run does)");
        assertThat(SCRIPT).exists();
        var program = new ProgramSpec("pytorch-mlp", List.of(PYTHON.toString(), SCRIPT.toString(), "--lr={learning_rate}",
                "--momentum={momentum}", "--hidden-layers={hidden_layers}", "--activation={activation}"),
                SCRIPT.getParent(), Map.of(), Duration.ofMinutes(5));
        var backend = new CommandBackend(Map.of("pytorch-mlp", program), GpuPool.none(), Duration.ofSeconds(5));
        var reports = new CopyOnWriteArrayList<TrialReported>();
        var runner = new TrialRunner(Map.of(CommandBackend.NAME, backend), reports::add, new StopRegistry(), "w");
        var trial = new TrialSuggested(1, "s", "s-t0", 0,
                Map.of("learning_rate", 0.05, "momentum", 0.9, "hidden_layers", 2, "activation", "relu"), 4, "val_accuracy",
                new TrainerSpec(CommandBackend.NAME, Map.of("program", "pytorch-mlp")), 3, Instant.now());

        assertThat(runner.run(trial, 1)).isEqualTo(TrialOutcome.COMPLETED);

        var epochs = reports.stream().filter(r -> r.kind() == ReportKind.EPOCH).toList();
        assertThat(epochs).hasSize(4);
        assertThat(epochs).allSatisfy(r -> assertThat(r.metrics()).containsKeys("train_loss", "train_accuracy", "val_loss", "val_accuracy"));
        // Four classes: chance is 0.25; a trained MLP does far better, and its loss falls.
        assertThat(epochs.get(3).metrics().get("val_accuracy")).isGreaterThan(0.45);
        assertThat(epochs.get(3).metrics().get("train_loss")).isLessThan(epochs.get(0).metrics().get("train_loss") + 1e-9);
    }
}

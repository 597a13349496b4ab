package io.tunestream.trainer.backend.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.trainer.runner.StopRegistry;
import io.tunestream.trainer.runner.TrialOutcome;
import io.tunestream.trainer.runner.TrialRunner;

/** A trainer's slots train their trials at the same time, each on its own thread, in one JVM. */
class ConcurrentTrialsTest {

    @TempDir
    Path models;

    @Test
    void slotsTrainSideBySide() throws Exception {
        List<TrialReported> reports = new CopyOnWriteArrayList<>();
        var runner = new TrialRunner(Map.of("builtin", new BuiltinBackend(OptionalInt.empty(), models)), reports::add, new StopRegistry(), "w");
        var pool = Executors.newFixedThreadPool(3);
        try {
            var outcomes = new java.util.ArrayList<Future<TrialOutcome>>();
            for (int i = 0; i < 6; i++) {
                var params = Map.<String, Object>of("learning_rate", 0.05, "hidden_layers", 1 + i % 3, "units_per_layer", 16 + 8 * i,
                        "dropout", 0.1 * (i % 3), "activation", i % 2 == 0 ? "relu" : "tanh", "batch_size", 16 + 10 * i);
                var trial = new TrialSuggested(1, "s", "s-t" + i, i, params, 3, "val_accuracy", new TrainerSpec("builtin", Map.of()), i, Instant.now());
                outcomes.add(pool.submit(() -> runner.run(trial, 1)));
            }
            for (var outcome : outcomes) {
                outcome.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reports).filteredOn(r -> r.kind() == ReportKind.FAILED).extracting(TrialReported::message).isEmpty();
        assertThat(reports).filteredOn(r -> r.kind() == ReportKind.COMPLETED).hasSize(6);
    }
}

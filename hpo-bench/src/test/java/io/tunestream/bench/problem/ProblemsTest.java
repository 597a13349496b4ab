package io.tunestream.bench.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data-backed problems; skipped when the shared benchmark data is not next to the repository. */
class ProblemsTest {

    private static final Path DATA = Path.of(System.getProperty("tunestream.bench.data", "../../shared/data"));

    @Test
    void analyticProblemsNeedNoData() {
        try (Problems problems = Problems.load("branin, levy6,branin", Path.of("/nonexistent"))) {
            assertThat(problems.list()).extracting(Problem::name).containsExactly("branin", "levy6");
        }
    }

    @Test
    void unknownNamesAreRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> Problems.load("branin,sphere", Path.of("/nonexistent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`sphere`").hasMessageContaining("hartmann6");
    }

    @Test
    void nasBench201HasTheBestMeanOfTheReadme() {
        assumeThat(Files.exists(DATA.resolve(NasBench201.FILE))).as("benchmark data at " + DATA).isTrue();
        NasBench201 nas = NasBench201.load(DATA);
        assertThat(-nas.optimalLoss().getAsDouble()).isBetween(91.606, 91.608);
        Map<String, Object> cell = new LinkedHashMap<>();
        String[] ops = {"nor_conv_3x3", "nor_conv_3x3", "avg_pool_3x3", "skip_connect", "nor_conv_3x3", "skip_connect"};
        for (int i = 0; i < ops.length; i++) {
            cell.put("Op" + i, ops[i]);
        }
        // The second row of the table: (90.712 + 90.716 + 90.880) / 3.
        assertThat(nas.accuracy(cell)).isBetween(90.769, 90.770);
    }

    @Test
    void lcbenchGivesPlausibleAccuraciesForEveryDevelopmentTask() {
        assumeThat(Files.exists(DATA.resolve(LcBenchSurrogate.DIRECTORY).resolve("model.onnx")))
                .as("benchmark data at " + DATA).isTrue();
        try (Problems problems = Problems.load("lcbench", DATA)) {
            assertThat(problems.list()).hasSize(6).allMatch(p -> p.group().equals("lcbench"));
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("batch_size", 64L);
            params.put("learning_rate", 0.01);
            params.put("momentum", 0.9);
            params.put("weight_decay", 0.001);
            params.put("num_layers", 3L);
            params.put("max_units", 256L);
            params.put("max_dropout", 0.1);
            for (Problem p : problems.list()) {
                double accuracy = -p.loss(params);
                assertThat(accuracy).as(p.name()).isBetween(1.0, 100.5);
                assertThat(p.loss(params)).as("deterministic").isEqualTo(-accuracy);
            }
        }
    }
}

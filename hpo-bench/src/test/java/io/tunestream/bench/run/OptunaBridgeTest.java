package io.tunestream.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunestream.bench.problem.LcBenchTask;
import io.tunestream.optimizer.space.CategoricalDistribution;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java half of the line protocol; the Python half is exercised by running the benchmark. */
class OptunaBridgeTest {

    @Test
    void encodesEveryKindOfParameter() {
        SearchSpace s = LcBenchTask.SPACE;
        assertThat(OptunaBridge.encode("batch_size", s.get("batch_size"))).isEqualTo("batch_size;int;16;512;1");
        assertThat(OptunaBridge.encode("momentum", s.get("momentum"))).isEqualTo("momentum;float;0.1;0.99;0");
        assertThat(OptunaBridge.encode("op", CategoricalDistribution.of("none", "skip_connect")))
                .isEqualTo("op;cat;none,skip_connect");
    }

    @Test
    void rejectsWhatThePythonSideCannotRepresent() {
        assertThatThrownBy(() -> OptunaBridge.encode("x", FloatDistribution.stepped(0, 1, 0.1)))
                .hasMessageContaining("must not be stepped");
        assertThatThrownBy(() -> OptunaBridge.encode("c", CategoricalDistribution.of(1, 2)))
                .hasMessageContaining("must be strings");
    }

    @Test
    void decodesAnAskLineIntoTheSpacesTypes() {
        SearchSpace s = SearchSpace.builder()
                .add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
                .add("layers", io.tunestream.optimizer.space.IntDistribution.uniform(1, 5))
                .add("op", CategoricalDistribution.of("none", "skip_connect"))
                .build();

        Map<String, Object> params = OptunaBridge.decode(s, "ASK\t7\t0.0031\t3\tskip_connect".split("\t"));

        assertThat(params).containsEntry("lr", 0.0031).containsEntry("layers", 3L).containsEntry("op", "skip_connect");
        assertThatThrownBy(() -> OptunaBridge.decode(s, "ASK\t7\t0.5\t3\tnone".split("\t")))
                .hasMessageContaining("outside");
    }
}

package io.tunestream.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunestream.bench.problem.Problem;
import io.tunestream.bench.run.StudyResult;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RegretAnalysisTest {

    private static Problem problem(String name, String group, OptionalDouble optimum) {
        SearchSpace space = SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1)).build();
        return new Problem() {
            public String name() {
                return name;
            }

            public String group() {
                return group;
            }

            public SearchSpace space() {
                return space;
            }

            public double loss(Map<String, Object> params) {
                return 0;
            }

            public OptionalDouble optimalLoss() {
                return optimum;
            }
        };
    }

    private static StudyResult study(String problem, String method, long seed, double... losses) {
        return new StudyResult(problem, method, seed, losses, 0, 0);
    }

    @Test
    void regretIsTheIncumbentMinusTheKnownOptimum() {
        Problem p = problem("f", "f", OptionalDouble.of(1.0));
        RegretAnalysis a = RegretAnalysis.of(List.of(p), List.of("m"), List.of(
                study("f", "m", 0, 5, 3, 4), study("f", "m", 1, 2, 9, 9), study("f", "m", 2, 7, 7, 1.5)));

        assertThat(a.at("f", "m", 1).orElseThrow().median()).isEqualTo(4); // regrets 4, 1, 6
        assertThat(a.at("f", "m", 3).orElseThrow().median()).isEqualTo(1); // regrets 2, 1, 0.5
        assertThat(a.at("f", "m", 4)).isEmpty();
        assertThat(a.trials("f", "m")).isEqualTo(3);
    }

    @Test
    void withoutAnOptimumRegretIsMeasuredFromTheBestOfAnyMethodAndAveragedOverTheGroup() {
        Problem t1 = problem("t1", "g", OptionalDouble.empty());
        Problem t2 = problem("t2", "g", OptionalDouble.empty());
        RegretAnalysis a = RegretAnalysis.of(List.of(t1, t2), List.of("a", "b"), List.of(
                study("t1", "a", 0, -90, -95),
                study("t1", "b", 0, -92, -93),
                study("t2", "a", 0, -80, -80),
                study("t2", "b", 0, -85, -85),
                study("t2", "ignored", 0, -99, -99),
                study("t1", "a", 1, -91, -91))); // seed 1 lacks t2: it does not count

        assertThat(a.referenceLoss("t1")).isEqualTo(-95);
        assertThat(a.referenceLoss("t2")).isEqualTo(-85);
        Summary s = a.at("g", "a", 2).orElseThrow();
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.median()).isCloseTo((0 + 5) / 2.0, within(1e-12));
        assertThat(a.at("g", "b", 2).orElseThrow().median()).isCloseTo((2 + 0) / 2.0, within(1e-12));
    }
}

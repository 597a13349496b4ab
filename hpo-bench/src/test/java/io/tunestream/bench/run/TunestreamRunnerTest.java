package io.tunestream.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunestream.bench.problem.AnalyticProblem;
import io.tunestream.optimizer.sampler.RandomSampler;
import io.tunestream.optimizer.sampler.Sampler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TunestreamRunnerTest {

    @Test
    void aBatchSeesTheEarlierSuggestionsOfItsRoundAsPending() {
        List<int[]> seen = new ArrayList<>();
        Sampler recording = (space, history, context) -> {
            seen.add(new int[] {history.completed().size(), history.pending().size()});
            return RandomSampler.create().sample(space, history, context);
        };

        StudyResult r = TunestreamRunner.run(AnalyticProblem.branin(), "rec/b4", recording, 3, 10, 4);

        assertThat(r.trials()).isEqualTo(10);
        assertThat(seen).extracting(a -> a[0] + "/" + a[1]).containsExactly(
                "0/0", "0/1", "0/2", "0/3", "4/0", "4/1", "4/2", "4/3", "8/0", "8/1");
    }

    @Test
    void theSameSeedGivesTheSameStudyAndTheIncumbentNeverRises() {
        StudyResult a = TunestreamRunner.run(AnalyticProblem.hartmann6(), "r", RandomSampler.create(), 5, 30, 1);
        StudyResult b = TunestreamRunner.run(AnalyticProblem.hartmann6(), "r", RandomSampler.create(), 5, 30, 1);

        assertThat(a.losses()).containsExactly(b.losses());
        double[] incumbent = a.incumbent();
        for (int i = 1; i < incumbent.length; i++) {
            assertThat(incumbent[i]).isLessThanOrEqualTo(incumbent[i - 1]);
        }
    }
}

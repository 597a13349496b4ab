package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A 2-D quadratic bowl, {@code (x - 1)² + (y + 2)²} on {@code [-5, 5]²}, to compare samplers on. */
final class Quadratic {

    static final SearchSpace SPACE = SearchSpace.builder()
            .add("x", FloatDistribution.uniform(-5, 5))
            .add("y", FloatDistribution.uniform(-5, 5))
            .build();

    private Quadratic() {
    }

    static double loss(Map<String, Object> params) {
        double x = (Double) params.get("x");
        double y = (Double) params.get("y");
        return (x - 1) * (x - 1) + (y + 2) * (y + 2);
    }

    /** Trials 0 .. count-1 drawn by the random sampler and completed with their loss. */
    static List<TrialRecord> randomTrials(int count, long seed) {
        List<TrialRecord> trials = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            Map<String, Object> params = RandomSampler.create().sample(SPACE, StudyHistory.empty(),
                    SuggestionContext.of(seed, n)).orElseThrow();
            trials.add(TrialRecord.completed(n, params, loss(params), 1));
        }
        return trials;
    }

    /**
     * The mean loss of the {@code next} trials that {@code sampler} suggests, one at a time, each
     * completed before the next is asked for, after {@code startup} random trials.
     */
    static double meanLossOfNext(Sampler sampler, int startup, int next, long seed) {
        List<TrialRecord> trials = randomTrials(startup, seed);
        double sum = 0;
        for (long n = startup; n < startup + next; n++) {
            Map<String, Object> params = sampler.sample(SPACE, StudyHistory.of(trials), SuggestionContext.of(seed, n))
                    .orElseThrow();
            double loss = loss(params);
            trials.add(TrialRecord.completed(n, params, loss, 1));
            sum += loss;
        }
        return sum / next;
    }
}

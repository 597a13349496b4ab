package io.tunestream.optimizer.sampler;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A batch of parallel suggestions on {@link Quadratic}, as a suggester with several free slots asks for them. */
final class ParallelBatch {

    private ParallelBatch() {
    }

    /**
     * After {@code startup} random trials, asks for {@code size} trials in a row, each added as running
     * before the next is asked for; {@code showPending=false} hides the running ones from the sampler.
     *
     * @return the smallest distance between two suggestions of the batch
     */
    static double minDistance(Sampler sampler, int startup, int size, long seed, boolean showPending) {
        List<TrialRecord> trials = Quadratic.randomTrials(startup, seed);
        List<TrialRecord> finished = List.copyOf(trials);
        List<double[]> points = new ArrayList<>();
        for (long n = startup; n < startup + size; n++) {
            Map<String, Object> params = sampler.sample(Quadratic.SPACE, StudyHistory.of(showPending ? trials : finished),
                    SuggestionContext.of(seed, n)).orElseThrow();
            trials.add(TrialRecord.running(n, params));
            points.add(new double[] {(Double) params.get("x"), (Double) params.get("y")});
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                min = Math.min(min, Math.hypot(points.get(i)[0] - points.get(j)[0], points.get(i)[1] - points.get(j)[1]));
            }
        }
        return min;
    }
}

package io.tunestream.trainer.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.InvalidStudySpecException;
import io.tunestream.contracts.spec.SyntheticSettings;

/**
 * A learning curve without training: the validation loss decays exponentially from
 * {@link #INITIAL_LOSS} towards a floor that grows with the parameters' distance to the targets of
 * {@link SyntheticSettings}, plus seeded noise. The optimum is known, the cost per epoch is set by
 * {@code epochMillis}, and the same trial seed gives the same curve: what load, fault and end-to-end
 * tests need.
 *
 * <p>Distance per parameter: |ln(v / t)| for positive numbers (learning rates, batch sizes live on a
 * log scale), |v − t| for other numbers, 0 or 1 for strings and booleans.
 */
public final class SyntheticBackend implements TrainingBackend {

    static final double INITIAL_LOSS = 2.5;
    static final double BASE_FLOOR = 0.05;

    @Override
    public String name() {
        return SyntheticSettings.BACKEND;
    }

    @Override
    public TrainingSession open(TrialSuggested trial) throws TrialFailedException {
        SyntheticSettings settings;
        try {
            settings = SyntheticSettings.of(trial.trainer().settings());
        } catch (InvalidStudySpecException e) {
            throw new TrialFailedException("invalid synthetic settings: " + e.getMessage(), e);
        }
        double floor = BASE_FLOOR + distance(trial.params(), settings.targets());
        // Speed of convergence: a trial reaches ~95% of its improvement by its last epoch.
        double rate = 3.0 / trial.maxEpochs();
        return new Session(settings, floor, rate, new SplittableRandom(trial.seed()));
    }

    static double distance(Map<String, Object> params, Map<String, Object> targets) {
        double sum = 0;
        for (var target : targets.entrySet()) {
            Object value = params.get(target.getKey());
            sum += distance(value, target.getValue());
        }
        return sum;
    }

    private static double distance(Object value, Object target) {
        if (value instanceof Number v && target instanceof Number t) {
            double a = v.doubleValue();
            double b = t.doubleValue();
            if (a > 0 && b > 0) {
                return Math.abs(Math.log(a / b));
            }
            return Math.abs(a - b);
        }
        return String.valueOf(value).equals(String.valueOf(target)) ? 0 : 1;
    }

    private static final class Session implements TrainingSession {
        private final SyntheticSettings settings;
        private final double floor;
        private final double rate;
        private final SplittableRandom random;

        Session(SyntheticSettings settings, double floor, double rate, SplittableRandom random) {
            this.settings = settings;
            this.floor = floor;
            this.rate = rate;
            this.random = random;
        }

        @Override
        public Optional<Map<String, Double>> trainEpoch(int epoch) throws TrialFailedException, InterruptedException {
            if (settings.epochMillis() > 0) {
                Thread.sleep(settings.epochMillis());
            }
            // Draw in a fixed order so that the curve depends only on the seed and the epoch.
            double failureDraw = random.nextDouble();
            double noise = settings.noise() * random.nextGaussian();
            double trainNoise = settings.noise() * random.nextGaussian();
            if (failureDraw < settings.failureProbability()) {
                throw new TrialFailedException("synthetic failure injected at epoch " + epoch
                        + " (failureProbability=" + settings.failureProbability() + ")");
            }
            double progress = Math.exp(-rate * epoch);
            double valLoss = Math.max(0, floor + (INITIAL_LOSS - floor) * progress + noise);
            // Training loss falls further than validation loss: the gap is the overfitting a user sees.
            double trainLoss = Math.max(0, 0.8 * floor + (INITIAL_LOSS - 0.8 * floor) * progress + trainNoise);
            var metrics = new LinkedHashMap<String, Double>();
            metrics.put("val_loss", valLoss);
            metrics.put("val_accuracy", Math.exp(-valLoss));
            metrics.put("train_loss", trainLoss);
            metrics.put("train_accuracy", Math.exp(-trainLoss));
            return Optional.of(metrics);
        }
    }
}

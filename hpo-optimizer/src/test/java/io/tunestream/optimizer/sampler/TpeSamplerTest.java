package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.space.CategoricalDistribution;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TpeSamplerTest extends SamplerContractTest {

    private static final TpeSettings NO_LIAR = new TpeSettings(0.1, 24, 1.0, true, false);

    @Override
    protected Sampler sampler() {
        return TpeSampler.create();
    }

    @Test
    void findsLowerLossesThanRandomOnAQuadratic() {
        double random = 0;
        double tpe = 0;
        double univariate = 0;
        for (long seed = 1; seed <= 3; seed++) {
            random += Quadratic.meanLossOfNext(RandomSampler.create(), 30, 20, seed);
            tpe += Quadratic.meanLossOfNext(TpeSampler.create(), 30, 20, seed);
            univariate += Quadratic.meanLossOfNext(TpeSampler.create(new TpeSettings(0.1, 24, 1.0, false, true)), 30, 20, seed);
        }

        // Seeded: random averages about 23.7 over these draws, TPE about 2.4.
        assertThat(tpe).isLessThan(0.3 * random);
        assertThat(univariate).isLessThan(0.3 * random);
    }

    @Test
    void theConstantLiarSpreadsParallelSuggestions() {
        double liar = ParallelBatch.minDistance(TpeSampler.create(), 8, 4, SEED, true);
        double noLiar = ParallelBatch.minDistance(TpeSampler.create(NO_LIAR), 8, 4, SEED, true);

        assertThat(liar).isGreaterThan(1.0);
        assertThat(noLiar).isLessThan(liar / 2);
    }

    @Test
    void theConstantLiarSteersAwayFromPendingTrialsAndWithoutItPendingTrialsChangeNothing() {
        List<TrialRecord> trials = Quadratic.randomTrials(30, SEED);
        TrialRecord best = StudyHistory.of(trials).best().orElseThrow();
        StudyHistory finished = StudyHistory.of(trials);
        for (long n = 30; n < 34; n++) {
            trials.add(TrialRecord.running(n, best.params()));
        }
        StudyHistory withPending = StudyHistory.of(trials);

        double liar = 0;
        double noLiar = 0;
        for (long n = 40; n < 60; n++) {
            liar += distance(TpeSampler.create().sample(Quadratic.SPACE, withPending, SuggestionContext.of(SEED, n)).orElseThrow(), best.params());
            Map<String, Object> ignoring = TpeSampler.create(NO_LIAR).sample(Quadratic.SPACE, withPending, SuggestionContext.of(SEED, n)).orElseThrow();
            noLiar += distance(ignoring, best.params());
            assertThat(ignoring).isEqualTo(TpeSampler.create(NO_LIAR).sample(Quadratic.SPACE, finished, SuggestionContext.of(SEED, n)).orElseThrow());
        }

        assertThat(liar).isGreaterThan(2 * noLiar);
    }

    @Test
    void theCategoricalKernelFindsTheGoodChoice() {
        SearchSpace space = SearchSpace.builder()
                .add("optimizer", CategoricalDistribution.of("adam", "sgd", "rmsprop", "lion"))
                .add("dropout", FloatDistribution.uniform(0, 1))
                .build();
        List<TrialRecord> trials = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(5);
        for (long n = 0; n < 40; n++) {
            Map<String, Object> params = space.fromUnit(new double[] {rng.nextDouble(), rng.nextDouble()});
            double loss = ("sgd".equals(params.get("optimizer")) ? 0 : 1) + 0.1 * (Double) params.get("dropout");
            trials.add(TrialRecord.completed(n, params, loss, 1));
        }
        StudyHistory history = StudyHistory.of(trials);

        int sgd = 0;
        for (long n = 40; n < 80; n++) {
            sgd += "sgd".equals(TpeSampler.create().sample(space, history, SuggestionContext.of(SEED, n)).orElseThrow()
                    .get("optimizer")) ? 1 : 0;
        }

        // Random would pick sgd 10 times in 40.
        assertThat(sgd).isGreaterThanOrEqualTo(30);
    }

    @Test
    void stoppedTrialsRankAfterCompletedOnes() {
        // A stopped trial with a tiny loss must not pull TPE towards it: its loss is from a smaller budget.
        SearchSpace space = SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1)).build();
        List<TrialRecord> trials = new ArrayList<>();
        for (long n = 0; n < 20; n++) {
            double x = (n + 0.5) / 20;
            trials.add(x < 0.5
                    ? TrialRecord.stopped(n, Map.of("x", x), -100.0, 1)
                    : TrialRecord.completed(n, Map.of("x", x), x, 10));
        }
        StudyHistory history = StudyHistory.of(trials);

        for (long n = 20; n < 40; n++) {
            double x = (Double) TpeSampler.create().sample(space, history, SuggestionContext.of(SEED, n)).orElseThrow().get("x");

            assertThat(x).as("trial %d", n).isGreaterThan(0.3);
        }
    }

    @Test
    void gammaPicksTheGoodTrialsUpToTwentyFive() {
        TpeSettings defaults = TpeSettings.defaults();
        assertThat(defaults.goodTrials(0)).isZero();
        assertThat(defaults.goodTrials(1)).isEqualTo(1);
        assertThat(defaults.goodTrials(10)).isEqualTo(1);
        assertThat(defaults.goodTrials(11)).isEqualTo(2);
        assertThat(defaults.goodTrials(100)).isEqualTo(10);
        assertThat(defaults.goodTrials(1_000)).isEqualTo(25);
        assertThat(new TpeSettings(0.5, 24, 1.0, true, true).goodTrials(10)).isEqualTo(5);
        assertThat(new TpeSettings(1.0, 24, 1.0, true, true).goodTrials(10)).isEqualTo(10);
    }

    @Test
    void theNewestTwentyFiveTrialsWeighOneAndOlderOnesRampDown() {
        assertThat(TpeSampler.weights(0)).isEmpty();
        assertThat(TpeSampler.weights(25)).containsOnly(1.0);
        double[] weights = TpeSampler.weights(30);
        // numpy.linspace(1/30, 1, 5), then 25 ones (Optuna's default_weights).
        assertThat(weights[0]).isCloseTo(1.0 / 30, within(1e-12));
        assertThat(weights[2]).isCloseTo((1.0 / 30 + 1) / 2, within(1e-12));
        assertThat(weights[4]).isCloseTo(1.0, within(1e-12));
        for (int i = 5; i < 30; i++) {
            assertThat(weights[i]).isEqualTo(1.0);
        }
        assertThat(TpeSampler.weights(26)[0]).isCloseTo(1.0 / 26, within(1e-12));
    }

    @Test
    void theParzenEstimatorIsADensityOnTheUnitInterval() {
        // Truncated kernels renormalised to [0, 1]: the mixture integrates to 1, bandwidths clipped or not.
        for (boolean multivariate : new boolean[] {true, false}) {
            List<double[]> points = List.of(new double[] {0.02}, new double[] {0.5}, new double[] {0.51}, new double[] {0.97});
            ParzenEstimator estimator = new ParzenEstimator(new int[] {0}, points, new double[] {1, 0.5, 1, 1}, 1.0, multivariate);
            int steps = 20_000;
            double integral = 0;
            for (int i = 0; i < steps; i++) {
                integral += Math.exp(estimator.logDensity(new double[] {(i + 0.5) / steps})) / steps;
            }

            assertThat(integral).as("multivariate=%s", multivariate).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void theRankingScoreMatchesOptuna31() {
        // Golden values from Optuna 3.1.0: _ParzenEstimator(consider_prior, prior_weight 1, magic clip,
        // no endpoints, default_weights) on FloatDistribution(0, 1), log_pdf at the points below.
        double[] obs = {0.1, 0.15, 0.7, 0.72, 0.9, 0.33, 0.5, 0.05, 0.61, 0.8, 0.2, 0.44};
        double[] at = {0.0, 0.12, 0.3, 0.5, 0.77, 0.99};
        double[] univariate = {-2.04296421, -1.62860879, -1.88402215, -1.74320858, -1.70362662, -2.29342296};
        double[] multivariate = {-1.79365309, -1.51553087, -1.6690835, -1.67073841, -1.60193265, -2.16546103};
        List<double[]> points = new java.util.ArrayList<>();
        for (double o : obs) {
            points.add(new double[] {o});
        }
        double[] weights = new double[obs.length];
        java.util.Arrays.fill(weights, 1.0);
        ParzenEstimator uv = new ParzenEstimator(new int[] {0}, points, weights, 1.0, false);
        ParzenEstimator mv = new ParzenEstimator(new int[] {0}, points, weights, 1.0, true);
        for (int i = 0; i < at.length; i++) {
            assertThat(uv.logScore(new double[] {at[i]})).isCloseTo(univariate[i], within(1e-6));
            assertThat(mv.logScore(new double[] {at[i]})).isCloseTo(multivariate[i], within(1e-6));
        }
    }

    @Test
    void theCategoricalKernelIsADistributionOverTheChoices() {
        List<double[]> points = List.of(new double[] {0.125}, new double[] {0.125}, new double[] {0.625});
        ParzenEstimator estimator = new ParzenEstimator(new int[] {4}, points, new double[] {1, 1, 1}, 1.0, true);

        double total = 0;
        double[] p = new double[4];
        for (int c = 0; c < 4; c++) {
            p[c] = Math.exp(estimator.logDensity(new double[] {(c + 0.5) / 4}));
            total += p[c];
        }

        assertThat(total).isCloseTo(1.0, within(1e-12));
        assertThat(p[0]).isGreaterThan(p[2]).isGreaterThan(p[1]);
        assertThat(p[1]).isCloseTo(p[3], within(1e-12)).isGreaterThan(0);
    }

    @Test
    void invalidSettingsAreRejectedNamingTheSettingAndTheRule() {
        assertThatThrownBy(() -> new TpeSettings(0, 24, 1.0, true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`gamma` must be in (0, 1], but was 0");
        assertThatThrownBy(() -> new TpeSettings(1.5, 24, 1.0, true, true))
                .hasMessage("`gamma` must be in (0, 1], but was 1.5");
        assertThatThrownBy(() -> new TpeSettings(Double.NaN, 24, 1.0, true, true))
                .hasMessage("`gamma` must be in (0, 1], but was NaN");
        assertThatThrownBy(() -> new TpeSettings(0.1, 0, 1.0, true, true))
                .hasMessage("`nEiCandidates` must be between 1 and 10000, but was 0");
        assertThatThrownBy(() -> new TpeSettings(0.1, 24, 0, true, true))
                .hasMessage("`priorWeight` must be > 0 and finite, but was 0");
        assertThatThrownBy(() -> new TpeSettings(0.1, 24, Double.POSITIVE_INFINITY, true, true))
                .hasMessage("`priorWeight` must be > 0 and finite, but was Infinity");
        assertThatThrownBy(() -> TpeSampler.create(null)).hasMessage("`settings` must not be null");
    }

    @Test
    void theDefaultsAreOptunas() {
        assertThat(TpeSettings.defaults()).isEqualTo(new TpeSettings(0.1, 24, 1.0, true, true));
        assertThat(TpeSampler.create().settings()).isEqualTo(TpeSettings.defaults());
    }

    private static double distance(Map<String, Object> a, Map<String, Object> b) {
        return Math.hypot((Double) a.get("x") - (Double) b.get("x"), (Double) a.get("y") - (Double) b.get("y"));
    }
}

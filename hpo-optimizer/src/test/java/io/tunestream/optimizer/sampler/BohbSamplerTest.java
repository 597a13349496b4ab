package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunestream.optimizer.history.BudgetObservation;
import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BohbSamplerTest extends SamplerContractTest {

    private static final TpeSettings NO_LIAR = new TpeSettings(0.15, 64, 1.0, true, false);

    @Override
    protected Sampler sampler() {
        return BohbSampler.create();
    }

    /**
     * The quadratic bowl seen through a learning curve: after {@code b} epochs the loss is the final one
     * plus {@code 10/b} and noise of up to {@code ±2/b}. Rankings at small budgets are informative but noisy.
     */
    private static double lossAt(Map<String, Object> params, int epochs, SplittableRandom noise) {
        return Quadratic.loss(params) + 10.0 / epochs + (noise.nextDouble() * 4 - 2) / epochs;
    }

    /**
     * Thirty random trials early in a Hyperband bracket, none at the full budget: all observed after 1
     * epoch, the best three promoted, observed after 3 and still running (too few for a model at 3
     * epochs), the others stopped at 1 epoch.
     */
    private static StudyHistory lowBudgetHistory(long seed) {
        SplittableRandom noise = new SplittableRandom(seed);
        List<Map<String, Object>> params = new ArrayList<>();
        List<Double> atOne = new ArrayList<>();
        for (long n = 0; n < 30; n++) {
            Map<String, Object> p = RandomSampler.create().sample(Quadratic.SPACE, StudyHistory.empty(), SuggestionContext.of(seed, n)).orElseThrow();
            params.add(p);
            atOne.add(lossAt(p, 1, noise));
        }
        List<Double> sorted = atOne.stream().sorted().toList();
        double promotedBelow = sorted.get(3);
        List<TrialRecord> trials = new ArrayList<>();
        List<BudgetObservation> observations = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            observations.add(BudgetObservation.of(n, 1, atOne.get(n)));
            if (atOne.get(n) < promotedBelow) {
                observations.add(BudgetObservation.of(n, 3, lossAt(params.get(n), 3, noise)));
                trials.add(TrialRecord.running(n, params.get(n)));
            } else {
                trials.add(TrialRecord.stopped(n, params.get(n), atOne.get(n), 1));
            }
        }
        return StudyHistory.of(trials, observations);
    }

    private static double meanFinalLoss(Sampler sampler, StudyHistory history, long seed, int from, int count) {
        double sum = 0;
        for (long n = from; n < from + count; n++) {
            sum += Quadratic.loss(sampler.sample(Quadratic.SPACE, history, SuggestionContext.of(seed, n)).orElseThrow());
        }
        return sum / count;
    }

    @Test
    void lowBudgetObservationsAloneMakeItsSuggestionsBetterThanRandom() {
        double random = 0;
        double bohb = 0;
        for (long seed = 1; seed <= 3; seed++) {
            StudyHistory history = lowBudgetHistory(seed);
            assertThat(BohbSampler.create().modelBudget(Quadratic.SPACE, history)).hasValue(1);
            random += meanFinalLoss(RandomSampler.create(), history, seed, 30, 40);
            bohb += meanFinalLoss(BohbSampler.create(), history, seed, 30, 40);
        }

        // Seeded: the final loss of random's suggestions averages about 23.2, BOHB's about 8.0 (a third of them random).
        assertThat(bohb).isLessThan(0.5 * random);
    }

    @Test
    void fitsTheLargestBudgetThatHasMinPointsObservations() {
        List<TrialRecord> trials = new ArrayList<>();
        List<BudgetObservation> observations = new ArrayList<>();
        for (long n = 0; n < 10; n++) {
            Map<String, Object> p = pointIn(n);
            observations.add(BudgetObservation.of(n, 1, n));
            if (n < 4) {
                observations.add(BudgetObservation.of(n, 3, n));
            }
            // Trials 0..2 completed at 9 epochs: their own loss is the observation at 9.
            trials.add(n < 3 ? TrialRecord.completed(n, p, n, 9) : TrialRecord.running(n, p));
        }
        StudyHistory history = StudyHistory.of(trials, observations);

        assertThat(BohbSampler.create().modelBudget(Quadratic.SPACE, history)).as("default N_min = 2 + 2").hasValue(3);
        assertThat(withMinPoints(3).modelBudget(Quadratic.SPACE, history)).hasValue(9);
        assertThat(withMinPoints(5).modelBudget(Quadratic.SPACE, history)).hasValue(1);
        assertThat(withMinPoints(11).modelBudget(Quadratic.SPACE, history)).isEmpty();
        // A failed trial's observations do not count.
        trials.set(3, TrialRecord.failed(3, pointIn(3)));
        assertThat(BohbSampler.create().modelBudget(Quadratic.SPACE, StudyHistory.of(trials, observations))).hasValue(1);
    }

    @Test
    void withTooFewObservationsAtEveryBudgetEverySuggestionIsRandom() {
        List<TrialRecord> trials = new ArrayList<>();
        List<BudgetObservation> observations = new ArrayList<>();
        for (long n = 0; n < 6; n++) {
            trials.add(TrialRecord.stopped(n, pointIn(n), n, 1 + (int) (n % 3)));
            observations.add(BudgetObservation.of(n, 5 + (int) (n % 2), n));
        }
        StudyHistory history = StudyHistory.of(trials, observations);
        assertThat(BohbSampler.create().modelBudget(Quadratic.SPACE, history)).isEmpty();

        for (long n = 6; n < 40; n++) {
            SuggestionContext context = SuggestionContext.of(SEED, n);
            assertThat(BohbSampler.create().sample(Quadratic.SPACE, history, context))
                    .isEqualTo(RandomSampler.create().sample(Quadratic.SPACE, history, context));
        }
    }

    @Test
    void theRandomFractionOfSuggestionsIsRespected() {
        StudyHistory history = lowBudgetHistory(SEED);
        int trials = 1_500;
        assertThat(randomSuggestions(BohbSampler.create(), history, trials)).isBetween(450, 550);
        BohbSampler quarter = BohbSampler.create(new BohbSettings(0.25, OptionalInt.empty(), BohbSettings.defaultTpe()));
        assertThat(randomSuggestions(quarter, history, trials)).isBetween(330, 420);
        BohbSampler never = BohbSampler.create(new BohbSettings(0, OptionalInt.empty(), BohbSettings.defaultTpe()));
        assertThat(randomSuggestions(never, history, 200)).isZero();
        BohbSampler always = BohbSampler.create(new BohbSettings(1, OptionalInt.empty(), BohbSettings.defaultTpe()));
        assertThat(randomSuggestions(always, history, 200)).isEqualTo(200);
    }

    @Test
    void theCoinDependsOnTheTrialAloneSoAReplayTakesTheSameBranch() {
        BohbSampler sampler = BohbSampler.create();
        for (long n = 0; n < 100; n++) {
            assertThat(sampler.randomDraw(SuggestionContext.of(SEED, n))).isEqualTo(sampler.randomDraw(SuggestionContext.of(SEED, n)));
        }
    }

    @Test
    void theConstantLiarSteersAwayFromPendingTrials() {
        StudyHistory base = lowBudgetHistory(SEED);
        Map<String, Object> best = Map.of("x", 1.0, "y", -2.0);
        List<TrialRecord> trials = new ArrayList<>(base.trials());
        for (long n = 30; n < 36; n++) {
            trials.add(TrialRecord.running(n, best));
        }
        StudyHistory withPending = StudyHistory.of(trials, base.observations());
        BohbSampler liar = BohbSampler.create(new BohbSettings(0, OptionalInt.empty(), BohbSettings.defaultTpe()));
        BohbSampler noLiar = BohbSampler.create(new BohbSettings(0, OptionalInt.empty(), NO_LIAR));

        double withLiar = 0;
        double without = 0;
        for (long n = 40; n < 80; n++) {
            withLiar += distance(liar.sample(Quadratic.SPACE, withPending, SuggestionContext.of(SEED, n)).orElseThrow(), best);
            Map<String, Object> ignoring = noLiar.sample(Quadratic.SPACE, withPending, SuggestionContext.of(SEED, n)).orElseThrow();
            without += distance(ignoring, best);
            assertThat(ignoring).isEqualTo(noLiar.sample(Quadratic.SPACE, base, SuggestionContext.of(SEED, n)).orElseThrow());
        }

        assertThat(withLiar).isGreaterThan(1.5 * without);
    }

    @Test
    void rejectsInvalidSettingsWithNamedMessages() {
        assertThatThrownBy(() -> new BohbSettings(2, OptionalInt.empty(), BohbSettings.defaultTpe()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`randomFraction` must be in [0, 1], but was 2");
        assertThatThrownBy(() -> new BohbSettings(Double.NaN, OptionalInt.empty(), BohbSettings.defaultTpe()))
                .hasMessage("`randomFraction` must be in [0, 1], but was NaN");
        assertThatThrownBy(() -> new BohbSettings(0.5, OptionalInt.of(0), BohbSettings.defaultTpe()))
                .hasMessage("`minPoints` must be >= 1, but was 0");
        assertThatThrownBy(() -> new BohbSettings(0.5, OptionalInt.empty(), null)).hasMessage("`tpe` must not be null");
        assertThatThrownBy(() -> BohbSampler.create(null)).hasMessage("`settings` must not be null");
        assertThat(BohbSettings.defaults().minPointsFor(7)).isEqualTo(9);
        assertThat(BohbSettings.defaults().tpe().gamma()).isEqualTo(0.15);
    }

    private static BohbSampler withMinPoints(int minPoints) {
        return BohbSampler.create(new BohbSettings(1.0 / 3, OptionalInt.of(minPoints), BohbSettings.defaultTpe()));
    }

    private static int randomSuggestions(BohbSampler sampler, StudyHistory history, int trials) {
        int random = 0;
        for (long n = 100; n < 100 + trials; n++) {
            SuggestionContext context = SuggestionContext.of(SEED, n);
            if (sampler.sample(Quadratic.SPACE, history, context).equals(RandomSampler.create().sample(Quadratic.SPACE, history, context))) {
                random++;
            }
        }
        return random;
    }

    private static Map<String, Object> pointIn(long n) {
        return RandomSampler.create().sample(Quadratic.SPACE, StudyHistory.empty(), SuggestionContext.of(7, n)).orElseThrow();
    }

    private static double distance(Map<String, Object> a, Map<String, Object> b) {
        double dx = (Double) a.get("x") - ((Number) b.get("x")).doubleValue();
        double dy = (Double) a.get("y") - ((Number) b.get("y")).doubleValue();
        return Math.sqrt(dx * dx + dy * dy);
    }
}

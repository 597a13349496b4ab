package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.space.CategoricalDistribution;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.IntDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks every sampler must pass. A subclass supplies the sampler, configured so that the
 * {@link #MIXED} space holds at least 200 suggestions.
 */
abstract class SamplerContractTest {

    /** One parameter of every kind. */
    protected static final SearchSpace MIXED = SearchSpace.builder()
            .add("dropout", FloatDistribution.uniform(0.0, 0.5))
            .add("lr", FloatDistribution.logUniform(1e-5, 1e-1))
            .add("momentum", FloatDistribution.stepped(0.5, 0.99, 0.01))
            .add("layers", IntDistribution.uniform(1, 8))
            .add("units", IntDistribution.logUniform(16, 1024))
            .add("batch", IntDistribution.stepped(16, 256, 16))
            .add("optimizer", CategoricalDistribution.of("adam", "sgd", "rmsprop"))
            .build();

    protected static final long SEED = 20_240_611L;

    protected abstract Sampler sampler();

    @Test
    void staysInsideAMixedSpaceFor200Trials() {
        for (long n = 0; n < 200; n++) {
            Map<String, Object> params = suggest(StudyHistory.empty(), n);

            assertThat(MIXED.contains(params)).as("trial %d: %s", n, params).isTrue();
            assertThat(params.keySet()).as("trial %d", n).containsExactlyElementsOf(MIXED.names());
        }
    }

    @Test
    void theSameSeedAndTrialNumberGiveTheSameSuggestion() {
        StudyHistory history = completedHistory(10);
        for (long n = 10; n < 60; n++) {
            Optional<Map<String, Object>> first = sampler().sample(MIXED, history, SuggestionContext.of(SEED, n));
            Optional<Map<String, Object>> again = sampler().sample(MIXED, history, SuggestionContext.of(SEED, n));

            assertThat(again).as("trial %d", n).isEqualTo(first);
        }
    }

    @Test
    void differentTrialNumbersDoNotAllGiveTheSameSuggestion() {
        Set<Map<String, Object>> suggestions = new HashSet<>();
        for (long n = 0; n < 20; n++) {
            suggestions.add(suggest(StudyHistory.empty(), n));
        }

        assertThat(suggestions).hasSizeGreaterThan(1);
    }

    @Test
    void worksWithAnEmptyHistory() {
        Optional<Map<String, Object>> suggestion =
                sampler().sample(MIXED, StudyHistory.empty(), SuggestionContext.of(SEED, 0));

        assertThat(suggestion).hasValueSatisfying(params -> assertThat(MIXED.contains(params)).isTrue());
    }

    @Test
    void staysInsideTheSpaceWithCompletedAndPendingTrials() {
        List<TrialRecord> trials = new ArrayList<>(completedHistory(30).trials());
        for (long n = 30; n < 35; n++) {
            trials.add(TrialRecord.running(n, pointAt(n)));
        }
        StudyHistory history = StudyHistory.of(trials);

        for (long n = 35; n < 85; n++) {
            assertThat(MIXED.contains(suggest(history, n))).as("trial %d", n).isTrue();
        }
    }

    @Test
    void doesNotMutateTheHistory() {
        List<TrialRecord> trials = new ArrayList<>(completedHistory(8).trials());
        trials.add(TrialRecord.stopped(8, pointAt(8), 2.0, 1));
        trials.add(TrialRecord.failed(9, pointAt(9)));
        trials.add(TrialRecord.running(10, pointAt(10)));
        StudyHistory history = StudyHistory.of(trials);
        List<TrialRecord> before = List.copyOf(history.trials());

        for (long n = 11; n < 31; n++) {
            suggest(history, n);
        }

        assertThat(history.trials()).containsExactlyElementsOf(before);
        assertThat(history).isEqualTo(StudyHistory.of(trials));
        assertThat(history.best()).isEqualTo(StudyHistory.of(trials).best());
    }

    @Test
    void ignoresFailedTrials() {
        // The same completed trials, with and without failed ones around them: the failed trials carry no
        // information, so the next suggestions must not change. Trial numbers 10 and up are the same in both.
        StudyHistory completed = completedHistory(5);
        List<TrialRecord> withFailures = new ArrayList<>(completed.trials());
        for (long n = 5; n < 10; n++) {
            withFailures.add(TrialRecord.failed(n, pointAt(n)));
        }
        StudyHistory withFailed = StudyHistory.of(withFailures);

        for (long n = 10; n < 30; n++) {
            Map<String, Object> expected = suggest(completed, n);

            assertThat(suggest(withFailed, n)).as("trial %d", n).isEqualTo(expected);
        }
        // Failures alone are no history at all.
        StudyHistory onlyFailures = StudyHistory.of(withFailures.subList(5, 10));
        for (long n = 10; n < 30; n++) {
            assertThat(suggest(onlyFailures, n)).as("trial %d", n).isEqualTo(suggest(StudyHistory.empty(), n));
        }
    }

    @Test
    void staysInsideSingleParameterSpacesOfEveryKindWithAHistory() {
        List<SearchSpace> spaces = List.of(
                single(FloatDistribution.uniform(-2.0, 3.0)),
                single(FloatDistribution.logUniform(1e-6, 1.0)),
                single(FloatDistribution.stepped(0.0, 1.0, 0.25)),
                single(IntDistribution.uniform(-3, 3)),
                single(IntDistribution.logUniform(1, 1000)),
                single(IntDistribution.stepped(0, 100, 10)),
                single(IntDistribution.uniform(7, 7)),
                single(CategoricalDistribution.of("a", "b", "c")),
                single(CategoricalDistribution.of(true)));
        for (SearchSpace space : spaces) {
            List<TrialRecord> trials = new ArrayList<>();
            SplittableRandom rng = new SplittableRandom(7);
            for (long n = 0; n < 14; n++) {
                double u = rng.nextDouble();
                Map<String, Object> params = space.fromUnit(new double[] {u});
                trials.add(n < 12 ? TrialRecord.completed(n, params, (u - 0.3) * (u - 0.3), 5) : TrialRecord.running(n, params));
            }
            StudyHistory history = StudyHistory.of(trials);
            for (long n = 14; n < 24; n++) {
                Optional<Map<String, Object>> suggestion = sampler().sample(space, history, SuggestionContext.of(SEED, n));
                // A finite sampler (grid) may have run out of a tiny space; whatever is suggested must fit.
                suggestion.ifPresent(params -> assertThat(space.contains(params)).as("%s: %s", space, params).isTrue());
            }
        }
    }

    @Test
    void handlesDuplicateConfigurationsAndPendingDuplicates() {
        // Three configurations, each completed eight times with different losses and running once more:
        // a model must not break on repeated points (singular kernel matrices, zero bandwidths).
        List<TrialRecord> trials = new ArrayList<>();
        for (long n = 0; n < 24; n++) {
            trials.add(TrialRecord.completed(n, pointAt(n % 3), 1.0 + (n % 3) + 0.01 * n, 10));
        }
        for (long n = 24; n < 27; n++) {
            trials.add(TrialRecord.running(n, pointAt(n % 3)));
        }
        StudyHistory history = StudyHistory.of(trials);

        for (long n = 27; n < 47; n++) {
            Map<String, Object> params = suggest(history, n);

            assertThat(MIXED.contains(params)).as("trial %d", n).isTrue();
            assertThat(suggest(history, n)).as("trial %d again", n).isEqualTo(params);
        }
    }

    @Test
    void handlesInfiniteLossesAndStoppedTrials() {
        // Diverged trials arrive as +Infinity (Direction.toLoss maps NaN there); stopped trials have the loss
        // of a smaller budget. Neither may leak NaN into a model or push a suggestion out of the space.
        List<TrialRecord> trials = new ArrayList<>(completedHistory(12).trials());
        for (long n = 12; n < 16; n++) {
            trials.add(TrialRecord.completed(n, pointAt(n), Double.POSITIVE_INFINITY, 10));
        }
        for (long n = 16; n < 22; n++) {
            trials.add(TrialRecord.stopped(n, pointAt(n), 0.01 * n, (int) (n % 3) + 1));
        }
        StudyHistory history = StudyHistory.of(trials);

        for (long n = 22; n < 42; n++) {
            assertThat(MIXED.contains(suggest(history, n))).as("trial %d", n).isTrue();
        }
        StudyHistory allInfinite = StudyHistory.of(List.of(
                TrialRecord.completed(0, pointAt(0), Double.POSITIVE_INFINITY, 1),
                TrialRecord.completed(1, pointAt(1), Double.POSITIVE_INFINITY, 1)));
        assertThat(MIXED.contains(suggest(allInfinite, 2))).isTrue();
    }

    private static SearchSpace single(io.tunestream.optimizer.space.Distribution distribution) {
        return SearchSpace.builder().add("p", distribution).build();
    }

    /** Asks the sampler for trial {@code n}, which the contract space must still have. */
    protected Map<String, Object> suggest(StudyHistory history, long n) {
        Optional<Map<String, Object>> suggestion = sampler().sample(MIXED, history, SuggestionContext.of(SEED, n));
        assertThat(suggestion).as("suggestion for trial %d", n).isPresent();
        return suggestion.get();
    }

    /** A fixed configuration for trial {@code n}, independent of the sampler under test. */
    protected static Map<String, Object> pointAt(long n) {
        SplittableRandom rng = new SplittableRandom(1_000 + n);
        double[] u = new double[MIXED.dimensions()];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextDouble();
        }
        return MIXED.fromUnit(u);
    }

    /** Trials 0 .. count-1, completed, with a loss that depends on their configuration. */
    protected static StudyHistory completedHistory(int count) {
        List<TrialRecord> trials = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            Map<String, Object> params = pointAt(n);
            double loss = Math.abs(Math.log10((Double) params.get("lr")) + 3) + (Double) params.get("dropout");
            trials.add(TrialRecord.completed(n, params, loss, 10));
        }
        return StudyHistory.of(trials);
    }
}

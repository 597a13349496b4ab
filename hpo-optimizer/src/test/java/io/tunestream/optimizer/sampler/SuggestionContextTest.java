package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SuggestionContextTest {

    @Test
    void theSameSeedAndTrialNumberGiveTheSameSequenceOnEveryCall() {
        SuggestionContext context = SuggestionContext.of(42, 7);

        assertThat(firstLongs(context.rng())).containsExactly(firstLongs(context.rng()));
        assertThat(firstLongs(new SuggestionContext(42, 7).rng())).containsExactly(firstLongs(context.rng()));
    }

    @Test
    void aTrialsGeneratorDoesNotDependOnOtherTrialsBeingAskedForFirst() {
        long[] fresh = firstLongs(SuggestionContext.of(42, 5).rng());
        for (long n = 0; n < 5; n++) {
            SuggestionContext.of(42, n).rng().nextLong();
        }

        assertThat(firstLongs(SuggestionContext.of(42, 5).rng())).containsExactly(fresh);
    }

    @Test
    void trialsOfNearbySeedsGetDistinctGenerators() {
        // Studies are often seeded 0, 1, 2, ...; no trial of one may replay a trial of another.
        Set<Long> firstOutputs = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            for (long n = 0; n < 200; n++) {
                firstOutputs.add(SuggestionContext.of(seed, n).rng().nextLong());
            }
        }

        assertThat(firstOutputs).hasSize(2_000);
    }

    @Test
    void rejectsANegativeTrialNumber() {
        assertThatThrownBy(() -> SuggestionContext.of(42, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`trialNumber` must be >= 0, but was -1");
    }

    private static long[] firstLongs(SplittableRandom rng) {
        long[] values = new long[5];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextLong();
        }
        return values;
    }
}

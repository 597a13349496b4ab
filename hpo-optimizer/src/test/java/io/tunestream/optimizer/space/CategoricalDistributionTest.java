package io.tunestream.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CategoricalDistributionTest {

    private final CategoricalDistribution optimizers = CategoricalDistribution.of("adam", "sgd", "rmsprop", "adamw");

    @Test
    void choiceIMapsToTheCentreOfItsCell() {
        assertThat(optimizers.toUnit("adam")).isEqualTo(0.125);
        assertThat(optimizers.toUnit("sgd")).isEqualTo(0.375);
        assertThat(optimizers.toUnit("adamw")).isEqualTo(0.875);
    }

    @Test
    void fromUnitPicksTheCellAndClamps() {
        assertThat(optimizers.fromUnit(0.0)).isEqualTo("adam");
        assertThat(optimizers.fromUnit(0.2499)).isEqualTo("adam");
        assertThat(optimizers.fromUnit(0.25)).isEqualTo("sgd");
        assertThat(optimizers.fromUnit(1.0)).isEqualTo("adamw");
        assertThat(optimizers.fromUnit(-1.0)).isEqualTo("adam");
        assertThat(optimizers.fromUnit(2.0)).isEqualTo("adamw");
    }

    @Test
    void everyChoiceOfEverySupportedTypeSurvivesARoundTrip() {
        CategoricalDistribution mixed = CategoricalDistribution.of("relu", true, 3, 0.5, 7L, new BigDecimal("1.25"));

        for (Object choice : mixed.choices()) {
            assertThat(mixed.fromUnit(mixed.toUnit(choice))).isSameAs(choice);
        }
    }

    @Test
    void numbersMatchByValueWhateverTheirBoxedType() {
        CategoricalDistribution d = CategoricalDistribution.of(3, "x", 0.5);

        assertThat(d.contains(3L)).isTrue();
        assertThat(d.contains(3.0)).isTrue();
        assertThat(d.contains((short) 3)).isTrue();
        assertThat(d.contains(new BigDecimal("3.00"))).isTrue();
        assertThat(d.contains(0.5f)).isTrue();
        assertThat(d.toUnit(3L)).isEqualTo(d.toUnit(3));
        // The declared object comes back, not the one that was looked up.
        assertThat(d.fromUnit(d.toUnit(3L))).isInstanceOf(Integer.class);
    }

    @Test
    void containsComparesEverythingElseWithEquals() {
        CategoricalDistribution d = CategoricalDistribution.of(3, "x", true);

        assertThat(d.contains("x")).isTrue();
        assertThat(d.contains(Boolean.TRUE)).isTrue();
        assertThat(d.contains(4)).isFalse();
        assertThat(d.contains(3.1)).isFalse();
        assertThat(d.contains("3")).isFalse();
        assertThat(d.contains("X")).isFalse();
        assertThat(d.contains(false)).isFalse();
        assertThat(d.contains(1)).isFalse();
        assertThat(d.contains(null)).isFalse();
    }

    @Test
    void toUnitRejectsUnknownChoicesNamingTheArgument() {
        assertThatThrownBy(() -> optimizers.toUnit("lion"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`value` must be one of the choices [adam, sgd, rmsprop, adamw], but was lion");
    }

    @Test
    void rejectsAnEmptyList() {
        assertThatThrownBy(CategoricalDistribution::of)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`choices` must not be empty, but was []");
    }

    @Test
    void rejectsDuplicatesIncludingNumericallyEqualNumbers() {
        assertThatThrownBy(() -> CategoricalDistribution.of("a", "b", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`choices` must not contain duplicates, but choices[0]=a and choices[2]=a are equal");
        assertThatThrownBy(() -> CategoricalDistribution.of(3, 3L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`choices` must not contain duplicates, but choices[0]=3 and choices[1]=3 are equal");
    }

    @Test
    void rejectsNullsUnsupportedTypesAndNonFiniteNumbersNamingTheIndex() {
        assertThatThrownBy(() -> CategoricalDistribution.of("a", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`choices[1]` must be a String, Boolean or finite Number, but was null");
        assertThatThrownBy(() -> CategoricalDistribution.of(1.0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`choices[1]` must be a String, Boolean or finite Number, but was NaN (Double)");
        assertThatThrownBy(() -> CategoricalDistribution.of("a", List.of("b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("`choices[1]` must be a String, Boolean or finite Number, but was List");
        // Mutable numbers could change after validation.
        assertThatThrownBy(() -> CategoricalDistribution.of(new AtomicInteger(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("`choices[0]` must be a String, Boolean or finite Number");
    }

    @Test
    void keepsAnUnmodifiableCopyOfTheChoices() {
        List<Object> source = new ArrayList<>(List.of("a", "b"));
        CategoricalDistribution d = new CategoricalDistribution(source);
        source.add("c");

        assertThat(d.choices()).containsExactly("a", "b");
        assertThatThrownBy(() -> d.choices().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void gridIsEveryChoiceWhateverTheGridPoints() {
        assertThat(optimizers.gridValues(2)).containsExactly("adam", "sgd", "rmsprop", "adamw");
        assertThat(optimizers.gridSize(2)).isEqualTo(4);
    }
}

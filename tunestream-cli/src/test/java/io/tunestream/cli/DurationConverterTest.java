package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @Test
    void readsHumanAndIsoDurations() {
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("2m30s")).isEqualTo(Duration.ofSeconds(150));
        assertThat(DurationConverter.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(DurationConverter.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationConverter.parse(" pt1m ")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refusesGarbageAndNonPositiveDurations() {
        assertThatThrownBy(() -> DurationConverter.parse("soon")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> DurationConverter.parse("10 minutes")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> DurationConverter.parse("-5s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> DurationConverter.parse("0s")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> DurationConverter.parse("PT-1S")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void formatsShortly() {
        assertThat(DurationConverter.format(Duration.ofMillis(2500))).isEqualTo("2.5s");
        assertThat(DurationConverter.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(DurationConverter.format(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(DurationConverter.format(Duration.ofSeconds(95))).isEqualTo("1m35s");
        assertThat(DurationConverter.format(Duration.ofMinutes(135))).isEqualTo("2h15m");
    }
}

package io.tunestream.cli.bench;

import java.time.Instant;

/** Wall-clock microseconds: every process of a local benchmark shares this clock. */
final class Micros {

    private Micros() {
    }

    static long now() {
        return of(Instant.now());
    }

    static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}

package io.tunestream.trainer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.RetryOf;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.trainer.backend.SyntheticBackend;
import io.tunestream.trainer.backend.SyntheticBackendTest;
import io.tunestream.trainer.runner.StopRegistry;
import io.tunestream.trainer.runner.TrialOutcome;
import io.tunestream.trainer.runner.TrialRunner;

/**
 * Which deliveries of a work item run, and as which attempt: a first copy allows maxAttempts deliveries
 * numbered from 1; a copy published again continues the numbers after its {@code afterAttempt} and allows
 * its {@code attemptsLeft}; a delivery beyond the allowance is refused without running or reporting.
 */
class TrialWorkHandlerTest {

    private final List<TrialReported> reports = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TrialWorkHandler handler = new TrialWorkHandler(
            new TrialRunner(Map.of("synthetic", new SyntheticBackend()), reports::add, new StopRegistry(), "worker-1"),
            null, 3, "worker-1", meters);

    private static TrialSuggested trial() {
        return SyntheticBackendTest.trial(Map.of("lr", 0.1), Map.of("epochMillis", 0), 1, 2);
    }

    private List<Integer> startedAttempts() {
        return reports.stream().filter(r -> r.kind() == ReportKind.STARTED).map(TrialReported::attempt).toList();
    }

    @Test
    void aFirstCopyRunsItsDeliveriesUpToMaxAttemptsAsAttemptsAndRefusesTheNext() {
        String item = Json.write(trial());
        assertThat(handler.handle("s", item, 1)).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(handler.handle("s", item, 3)).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(handler.handle("s", item, 4)).isEqualTo(TrialOutcome.REFUSED);
        assertThat(startedAttempts()).containsExactly(1, 3);
        assertThat(meters.counter("hpo.workqueue.redeliveries").count()).isEqualTo(2.0);
    }

    @Test
    void aCopyContinuesTheAttemptNumbersAndRunsOnlyTheAttemptsLeft() {
        String copy = Json.write(trial().retried(new RetryOf(3, 1), Instant.now()));
        assertThat(handler.handle("s", copy, 1)).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(handler.handle("s", copy, 2)).isEqualTo(TrialOutcome.REFUSED);
        assertThat(startedAttempts()).containsExactly(4);
        assertThat(reports).allSatisfy(report -> assertThat(report.attempt()).isEqualTo(4));
    }
}

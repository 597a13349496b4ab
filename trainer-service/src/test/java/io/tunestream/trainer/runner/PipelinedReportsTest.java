package io.tunestream.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.trainer.backend.SyntheticBackend;
import io.tunestream.trainer.backend.SyntheticBackendTest;

/**
 * EPOCH reports sent without waiting (epochReportsInFlight > 0): never more unacknowledged than the
 * window, every one acknowledged before the final report, and a failed one fails the attempt.
 */
class PipelinedReportsTest {

    /** Acknowledges asynchronous sends a millisecond later, like a broker; optionally fails epoch {@code failEpoch}. */
    private static final class DelayedAckSink implements ReportSink {
        final List<TrialReported> sent = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> acks = new CopyOnWriteArrayList<>();
        final List<Integer> unackedAtFinal = new CopyOnWriteArrayList<>();
        final int failEpoch;
        volatile int maxUnacked;

        DelayedAckSink(int failEpoch) {
            this.failEpoch = failEpoch;
        }

        int unacked() {
            return (int) acks.stream().filter(f -> !f.isDone()).count();
        }

        @Override
        public void publish(TrialReported report) {
            if (report.kind() != ReportKind.STARTED) {
                unackedAtFinal.add(unacked());
            }
            sent.add(report);
        }

        @Override
        public CompletionStage<Void> publishAsync(TrialReported report) {
            sent.add(report);
            var ack = new CompletableFuture<Void>();
            acks.add(ack);
            maxUnacked = Math.max(maxUnacked, unacked());
            var later = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);
            if (report.epoch() == failEpoch) {
                later.execute(() -> ack.completeExceptionally(new IllegalStateException("broker unreachable")));
            } else {
                later.execute(() -> ack.complete(null));
            }
            return ack;
        }
    }

    private static TrialRunner runner(ReportSink sink, int window) {
        return new TrialRunner(Map.of("synthetic", new SyntheticBackend()), sink, new StopRegistry(), "w", window);
    }

    @Test
    void epochReportsAreSentInOrderWithAtMostTheWindowUnacknowledged() {
        var sink = new DelayedAckSink(-1);
        var trial = SyntheticBackendTest.trial(Map.of("lr", 0.1), Map.of("epochMillis", 0), 1, 10);
        assertThat(runner(sink, 3).run(trial, 1)).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(sink.sent.stream().map(r -> r.kind() + "@" + r.epoch()).toList()).containsExactly(
                "STARTED@0", "EPOCH@1", "EPOCH@2", "EPOCH@3", "EPOCH@4", "EPOCH@5", "EPOCH@6", "EPOCH@7", "EPOCH@8",
                "EPOCH@9", "EPOCH@10", "COMPLETED@10");
        assertThat(sink.maxUnacked).isBetween(1, 3);
        assertThat(sink.unackedAtFinal).containsExactly(0);
    }

    @Test
    void aFailedEpochReportFailsTheAttemptInsteadOfCompletingIt() {
        var sink = new DelayedAckSink(2);
        var trial = SyntheticBackendTest.trial(Map.of("lr", 0.1), Map.of("epochMillis", 0), 1, 6);
        assertThat(runner(sink, 2).run(trial, 1)).isEqualTo(TrialOutcome.FAILED);
        var last = sink.sent.get(sink.sent.size() - 1);
        assertThat(last.kind()).isEqualTo(ReportKind.FAILED);
        assertThat(last.message()).isEqualTo("an epoch report could not be published: broker unreachable");
        assertThat(sink.unackedAtFinal).containsExactly(0);
    }

    @Test
    void withoutAWindowEveryEpochReportIsAwaited() {
        var sink = new DelayedAckSink(-1);
        var trial = SyntheticBackendTest.trial(Map.of("lr", 0.1), Map.of("epochMillis", 0), 1, 4);
        assertThat(runner(sink, 0).run(trial, 1)).isEqualTo(TrialOutcome.COMPLETED);
        assertThat(sink.acks).isEmpty();
        assertThat(sink.sent).hasSize(6);
    }

    @Test
    void aNegativeWindowIsRejectedNamingTheArgument() {
        assertThatThrownBy(() -> runner(new DelayedAckSink(-1), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`epochReportsInFlight` must be >= 0, but was -1");
    }
}

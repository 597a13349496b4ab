package io.tunestream.trainer.runner;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;

import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.trainer.backend.TrainingBackend;
import io.tunestream.trainer.backend.TrainingSession;
import io.tunestream.trainer.backend.TrialFailedException;

/**
 * Runs one attempt of a trial: STARTED, one EPOCH report per epoch, then exactly one of COMPLETED,
 * STOPPED (a STOP decision arrived; checked before every epoch, so a trial ends within one epoch of
 * it) or FAILED (with the backend's reason). A thread interrupt means the slot is shutting down: the
 * attempt is abandoned without a final report so that the work queue hands the trial to another
 * trainer.
 *
 * <p>EPOCH reports are pipelined: up to {@code epochReportsInFlight} of them may await the broker's
 * acknowledgement while the next epochs train (0 waits for each one, as a GPU would idle meanwhile).
 * Every final report waits for all of them first, so a trial's work item is only acknowledged once its
 * whole curve is durable. Measured in docs/benchmarks/system.md: waiting for each ack (acks=all) bounded
 * a slot to a few hundred zero-time epochs per second.
 */
public final class TrialRunner {

    private final Map<String, TrainingBackend> backends;
    private final ReportSink reports;
    private final StopSignals stops;
    private final String workerId;
    private final int epochReportsInFlight;

    public TrialRunner(Map<String, TrainingBackend> backends, ReportSink reports, StopSignals stops, String workerId) {
        this(backends, reports, stops, workerId, 0);
    }

    /** @param epochReportsInFlight EPOCH reports that may await their acknowledgement at once; 0 waits for each */
    public TrialRunner(Map<String, TrainingBackend> backends, ReportSink reports, StopSignals stops, String workerId,
                       int epochReportsInFlight) {
        if (epochReportsInFlight < 0) {
            throw new IllegalArgumentException("`epochReportsInFlight` must be >= 0, but was " + epochReportsInFlight);
        }
        this.backends = Map.copyOf(backends);
        this.reports = reports;
        this.stops = stops;
        this.workerId = workerId;
        this.epochReportsInFlight = epochReportsInFlight;
    }

    public TrialOutcome run(TrialSuggested trial, int attempt) {
        var backend = backends.get(trial.trainer().backend());
        if (backend == null) {
            return finish(trial, attempt, ReportKind.FAILED, 0, Map.of(),
                    "trainer.backend " + trial.trainer().backend() + " is not available on this trainer (available: "
                            + String.join(", ", backends.keySet().stream().sorted().toList()) + ")");
        }
        Optional<String> stopped = stops.stopReason(trial.studyId(), trial.trialId());
        if (stopped.isPresent()) {
            return finish(trial, attempt, ReportKind.STOPPED, 0, Map.of(), stopped.get());
        }
        reports.publish(TrialReported.of(trial, attempt, ReportKind.STARTED, 0, Map.of(), workerId, null));
        if (trial.isFinalize()) {
            return runFinal(backend, trial, attempt);
        }
        Map<String, Double> last = Map.of();
        int epoch = 0;
        var pending = new ArrayDeque<CompletableFuture<Void>>();
        try (TrainingSession session = backend.open(trial)) {
            while (epoch < trial.maxEpochs()) {
                stopped = stops.stopReason(trial.studyId(), trial.trialId());
                if (stopped.isPresent()) {
                    awaitAll(pending);
                    return finish(trial, attempt, ReportKind.STOPPED, epoch, last, stopped.get());
                }
                if (Thread.currentThread().isInterrupted()) {
                    return TrialOutcome.ABANDONED;
                }
                var metrics = session.trainEpoch(epoch + 1);
                if (metrics.isEmpty()) {
                    break;
                }
                last = metrics.get();
                epoch++;
                var report = TrialReported.of(trial, attempt, ReportKind.EPOCH, epoch, last, workerId, null);
                if (epochReportsInFlight == 0) {
                    reports.publish(report);
                } else {
                    while (pending.size() >= epochReportsInFlight) {
                        pending.removeFirst().join();
                    }
                    pending.addLast(reports.publishAsync(report).toCompletableFuture());
                }
            }
            awaitAll(pending);
            if (epoch == 0) {
                return finish(trial, attempt, ReportKind.FAILED, 0, last, "the training ended without reporting any epoch");
            }
            return finish(trial, attempt, ReportKind.COMPLETED, epoch, last, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrialOutcome.ABANDONED;
        } catch (TrialFailedException e) {
            awaitQuietly(pending);
            return finish(trial, attempt, ReportKind.FAILED, epoch, last, e.getMessage());
        } catch (java.util.concurrent.CompletionException e) {
            awaitQuietly(pending);
            var cause = e.getCause() == null ? e : e.getCause();
            return finish(trial, attempt, ReportKind.FAILED, epoch, last, "an epoch report could not be published: " + cause.getMessage());
        } catch (RuntimeException e) {
            awaitQuietly(pending);
            return finish(trial, attempt, ReportKind.FAILED, epoch, last,
                    "backend " + backend.name() + " crashed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * A study's final evaluation: one COMPLETED report with the test metrics (and the saved model's
     * path), or FAILED with the reason. Its epochs are not reported one by one: they are not part of
     * the search, and no scheduler judges them.
     */
    private TrialOutcome runFinal(TrainingBackend backend, TrialSuggested job, int attempt) {
        try {
            var outcome = backend.evaluateFinal(job);
            reports.publish(TrialReported.withArtifact(job, attempt, ReportKind.COMPLETED, outcome.epochs(), outcome.metrics(), workerId,
                    "configuration of " + job.finalizeOf().map(f -> f.trialId()).orElse("?") + " evaluated on the test set", outcome.artifact().orElse(null)));
            return TrialOutcome.COMPLETED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrialOutcome.ABANDONED;
        } catch (TrialFailedException e) {
            return finish(job, attempt, ReportKind.FAILED, 0, Map.of(), e.getMessage());
        } catch (RuntimeException e) {
            return finish(job, attempt, ReportKind.FAILED, 0, Map.of(),
                    "backend " + backend.name() + " crashed in the final evaluation: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Waits until every pipelined EPOCH report is durable; a failed one fails the attempt. */
    private static void awaitAll(ArrayDeque<CompletableFuture<Void>> pending) {
        while (!pending.isEmpty()) {
            pending.removeFirst().join();
        }
    }

    /** Before a FAILED report: the earlier reports are settled either way (durable or failed). */
    private static void awaitQuietly(ArrayDeque<CompletableFuture<Void>> pending) {
        while (!pending.isEmpty()) {
            try {
                pending.removeFirst().join();
            } catch (RuntimeException ignored) {
                // the attempt fails anyway; its FAILED report says why
            }
        }
    }

    private TrialOutcome finish(TrialSuggested trial, int attempt, ReportKind kind, int epoch, Map<String, Double> metrics, String message) {
        reports.publish(TrialReported.of(trial, attempt, kind, epoch, metrics, workerId, message));
        return TrialOutcome.of(kind);
    }
}

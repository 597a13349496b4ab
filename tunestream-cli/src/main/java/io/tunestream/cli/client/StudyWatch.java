package io.tunestream.cli.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Polls the suggester and results-service until a study has <em>settled</em>: the suggester calls it
 * final (COMPLETED or STOPPED) and results-service has every suggested trial in a final state. A poll
 * that fails (a service briefly unreachable) is retried; failures for longer than
 * {@code unreachableLimit} in a row end the watch with the last {@link ServiceUnavailableException}.
 */
public final class StudyWatch {

    /** What both services said at one poll. */
    public record Snapshot(StudyStatus study, Optional<ResultsSummary> results, Duration elapsed) {

        public Snapshot {
            Objects.requireNonNull(study, "study");
            Objects.requireNonNull(results, "results");
        }

        public boolean settled() {
            return study.isFinal() && results.isPresent() && results.get().allTrialsFinal()
                    && results.get().trials().total() >= study.trialsSuggested();
        }
    }

    /** How a watch ended. */
    public enum Outcome { SETTLED, TIMED_OUT }

    /** The outcome and the last snapshot (empty only if not a single poll succeeded). */
    public record Result(Outcome outcome, Optional<Snapshot> last) {
    }

    private final SuggesterClient suggester;
    private final ResultsClient results;
    private final Duration interval;
    private final Duration unreachableLimit;

    public StudyWatch(SuggesterClient suggester, ResultsClient results, Duration interval, Duration unreachableLimit) {
        this.suggester = Objects.requireNonNull(suggester, "suggester");
        this.results = Objects.requireNonNull(results, "results");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.unreachableLimit = Objects.requireNonNull(unreachableLimit, "unreachableLimit");
    }

    /** One poll of both services. */
    public Snapshot poll(String studyId, Duration elapsed) {
        var study = suggester.study(studyId)
                .orElseThrow(() -> new ServiceUnavailableException("suggester-service does not know study " + studyId));
        return new Snapshot(study, results.summary(studyId), elapsed);
    }

    /**
     * Polls every {@code interval} until the study settles or {@code timeout} has passed.
     *
     * @param onPoll      receives every successful snapshot (the settled one too)
     * @param healthCheck runs before every poll and may throw (e.g. a service process died)
     */
    public Result await(String studyId, Duration timeout, Consumer<Snapshot> onPoll, Runnable healthCheck) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Optional<Snapshot> last = Optional.empty();
        long failingSince = -1;
        while (true) {
            healthCheck.run();
            long now = System.nanoTime();
            try {
                var snapshot = poll(studyId, Duration.ofNanos(now - start));
                failingSince = -1;
                last = Optional.of(snapshot);
                onPoll.accept(snapshot);
                if (snapshot.settled()) {
                    return new Result(Outcome.SETTLED, last);
                }
            } catch (ServiceUnavailableException e) {
                if (failingSince < 0) {
                    failingSince = now;
                } else if (now - failingSince > unreachableLimit.toNanos()) {
                    throw e;
                }
            }
            if (System.nanoTime() + interval.toNanos() > deadline) {
                return new Result(Outcome.TIMED_OUT, last);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceUnavailableException("interrupted while watching study " + studyId, e);
            }
        }
    }
}

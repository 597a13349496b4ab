package io.tunestream.cli.client;

import static io.tunestream.cli.client.ClientsTest.studyView;
import static io.tunestream.cli.client.ClientsTest.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tunestream.cli.client.StubService.Answer;

class StudyWatchTest {

    private StubService suggester;
    private StubService results;

    @BeforeEach
    void start() throws IOException {
        suggester = new StubService();
        results = new StubService();
    }

    @AfterEach
    void stop() {
        suggester.close();
        results.close();
    }

    private StudyWatch watch(Duration unreachableLimit) {
        return new StudyWatch(new SuggesterClient(suggester.url()), new ResultsClient(results.url()), Duration.ofMillis(20), unreachableLimit);
    }

    @Test
    void settlesOnlyWhenTheSuggesterIsFinalAndResultsHasEveryTrialFinal() {
        suggester.answer("GET /api/studies/demo-1",
                new Answer(200, studyView("RUNNING", 4, 2, 2)),
                new Answer(200, studyView("COMPLETED", 4, 0, 4)));
        // results-service lags: first it has not seen the study, then one trial is still running
        results.answer("GET /api/studies/demo-1",
                new Answer(404, "{}"),
                new Answer(200, summary(0, 1, 3, "0.5")),
                new Answer(200, summary(0, 0, 4, "0.25")));
        var seen = new ArrayList<StudyWatch.Snapshot>();

        var result = watch(Duration.ofSeconds(5)).await("demo-1", Duration.ofSeconds(10), seen::add, () -> { });

        assertThat(result.outcome()).isEqualTo(StudyWatch.Outcome.SETTLED);
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).results()).isEmpty();
        assertThat(seen.get(1).study().state()).isEqualTo("COMPLETED");
        assertThat(seen.get(1).settled()).isFalse();
        assertThat(seen.get(2).settled()).isTrue();
        assertThat(result.last().orElseThrow().results().orElseThrow().bestValue()).isEqualTo(0.25);
    }

    @Test
    void doesNotSettleWhileResultsHasSeenFewerTrialsThanSuggested() {
        var study = new StudyStatus("demo-1", "COMPLETED", null, 5, 0, 5);
        var partial = new ResultsSummary("demo-1", "demo", "COMPLETED", "val_loss", "minimize",
                new TrialCounts(0, 0, 4, 0, 0, 4), 0.1, "demo-1-t1", 40, 5);
        assertThat(new StudyWatch.Snapshot(study, Optional.of(partial), Duration.ZERO).settled()).isFalse();
    }

    @Test
    void timesOutWithTheLastSnapshot() {
        suggester.answer("GET /api/studies/demo-1", new Answer(200, studyView("RUNNING", 4, 4, 0)));
        results.answer("GET /api/studies/demo-1", new Answer(200, summary(0, 4, 0, "null")));

        var result = watch(Duration.ofSeconds(5)).await("demo-1", Duration.ofMillis(300), snapshot -> { }, () -> { });

        assertThat(result.outcome()).isEqualTo(StudyWatch.Outcome.TIMED_OUT);
        assertThat(result.last().orElseThrow().study().state()).isEqualTo("RUNNING");
        assertThat(result.last().orElseThrow().results().orElseThrow().bestValue()).isNull();
    }

    @Test
    void toleratesBriefOutagesButGivesUpOnLongOnes() {
        suggester.answer("GET /api/studies/demo-1",
                new Answer(503, "starting"),
                new Answer(200, studyView("COMPLETED", 1, 0, 1)));
        results.answer("GET /api/studies/demo-1", new Answer(200, summary(0, 0, 1, "0.3")));
        assertThat(watch(Duration.ofSeconds(5)).await("demo-1", Duration.ofSeconds(10), s -> { }, () -> { }).outcome())
                .isEqualTo(StudyWatch.Outcome.SETTLED);

        suggester.answer("GET /api/studies/demo-1", new Answer(503, "down"));
        assertThatThrownBy(() -> watch(Duration.ofMillis(200)).await("demo-1", Duration.ofSeconds(10), s -> { }, () -> { }))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    void runsTheHealthCheckBeforeEveryPoll() {
        suggester.answer("GET /api/studies/demo-1", new Answer(200, studyView("RUNNING", 4, 4, 0)));
        var checks = new AtomicInteger();
        assertThatThrownBy(() -> watch(Duration.ofSeconds(5)).await("demo-1", Duration.ofSeconds(10), s -> { }, () -> {
            if (checks.incrementAndGet() == 3) {
                throw new IllegalStateException("trainer-0 exited unexpectedly");
            }
        })).hasMessage("trainer-0 exited unexpectedly");
        assertThat(checks).hasValue(3);
    }
}

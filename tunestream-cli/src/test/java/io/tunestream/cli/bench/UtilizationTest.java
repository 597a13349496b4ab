package io.tunestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.ReportKind;

class UtilizationTest {

    private static TopicProbe.Timeline trial(long started, long ended, ReportKind kind, long... epochEnds) {
        var timeline = new TopicProbe.Timeline("s");
        timeline.startedAt = started;
        timeline.endedAt = ended;
        timeline.finalKind = kind;
        timeline.finalEpoch = epochEnds.length;
        for (long end : epochEnds) {
            timeline.epochEnds.add(end);
        }
        return timeline;
    }

    @Test
    void countsTrainingAndHoldingInsideTheWindowFromFirstToLastStart() {
        // One slot, epochs of 100 µs ("ms" scaled down): trial a trains 0-200, trial b starts at 250 (the window's end).
        var a = trial(0, 210, ReportKind.COMPLETED, 100, 200);
        var b = trial(250, 360, ReportKind.COMPLETED, 350);
        var utilization = Utilization.of(Map.of("a", a, "b", b), Map.of(), 1, 0);
        // epochMillis 0: training is empty; holding a: 0-210 of the 250 µs window.
        assertThat(utilization.training()).isEqualTo(0.0);
        assertThat(utilization.holding()).isCloseTo(210.0 / 250, within(1e-9));
        assertThat(utilization.windowSeconds()).isCloseTo(250e-6, within(1e-12));
    }

    @Test
    void epochsAreTrainingForTheirDurationBeforeTheirReport() {
        // Two slots, 1 ms epochs; the window is 0..2000 µs (the second trial starts at 2000).
        var a = trial(0, 3000, ReportKind.COMPLETED, 1000, 2000, 3000);
        var b = trial(2000, 3000, ReportKind.COMPLETED, 3000);
        var utilization = Utilization.of(Map.of("a", a, "b", b), Map.of(), 2, 1);
        // In the window, a trained 0-2000 and b nothing: 2000 / (2 × 2000).
        assertThat(utilization.training()).isCloseTo(0.5, within(1e-9));
        // Over the whole run (0-3000): a 3000 + b 1000 of 6000.
        assertThat(utilization.trainingWholeRun()).isCloseTo(4000.0 / 6000, within(1e-9));
        assertThat(utilization.epochs()).isEqualTo(4);
    }

    @Test
    void countsTheEpochsATrialRanAfterItsStop() {
        var a = trial(0, 400, ReportKind.STOPPED, 100, 200, 300);
        var b = trial(100, 500, ReportKind.COMPLETED, 500);
        var stop = new TopicProbe.StopArrival("s", "a", 1, 120, 150);
        var utilization = Utilization.of(Map.of("a", a, "b", b), Map.of("a", stop), 1, 0);
        assertThat(utilization.stopped()).isEqualTo(1);
        assertThat(utilization.epochsAfterStop()).isEqualTo(2.0);
    }

    @Test
    void percentilesUseTheNearestRank() {
        var values = new java.util.ArrayList<Double>();
        for (int i = 1; i <= 100; i++) {
            values.add((double) i);
        }
        var p = Percentiles.of(values);
        assertThat(p.p50()).isEqualTo(50.0);
        assertThat(p.p99()).isEqualTo(99.0);
        assertThat(p.max()).isEqualTo(100.0);
        assertThat(Percentiles.of(List.of()).count()).isZero();
    }
}

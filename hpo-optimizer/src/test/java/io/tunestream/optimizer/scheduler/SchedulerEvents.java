package io.tunestream.optimizer.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Recorded event sequences for schedulers, and their replay. */
final class SchedulerEvents {

    private SchedulerEvents() {
    }

    /** One event of a study, as results-service feeds it to a scheduler. */
    record Event(long trialNumber, int epoch, double loss, boolean ended) {

        static Event report(long trialNumber, int epoch, double loss) {
            return new Event(trialNumber, epoch, loss, false);
        }

        static Event end(long trialNumber) {
            return new Event(trialNumber, 0, Double.NaN, true);
        }
    }

    /**
     * A seeded sequence: {@code trials} trials with noisy, crossing learning curves, epochs 1..maxEpochs,
     * interleaved at random (at most {@code parallel} trials running at once), with a few duplicated
     * reports, a few NaN losses and a few trials that fail early.
     */
    static List<Event> generate(long seed, int trials, int maxEpochs, int parallel) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        List<long[]> running = new ArrayList<>(); // {trial, next epoch, last epoch}
        List<double[]> shapes = new ArrayList<>();
        long next = 0;
        while (next < trials || !running.isEmpty()) {
            while (running.size() < parallel && next < trials) {
                int last = rng.nextInt(10) == 0 ? 1 + rng.nextInt(maxEpochs) : maxEpochs;
                running.add(new long[] {next, 1, last});
                shapes.add(new double[] {0.1 + 0.8 * rng.nextDouble(), 0.5 + 2 * rng.nextDouble()});
                next++;
            }
            int pick = rng.nextInt(running.size());
            long[] trial = running.get(pick);
            double[] shape = shapes.get(pick);
            int epoch = (int) trial[1];
            double loss = rng.nextInt(50) == 0
                    ? Double.NaN
                    : shape[0] + 1.0 / Math.pow(epoch, shape[1]) + 0.05 * rng.nextGaussian();
            events.add(Event.report(trial[0], epoch, loss));
            if (rng.nextInt(15) == 0) {
                events.add(Event.report(trial[0], epoch, loss));
            }
            trial[1]++;
            if (trial[1] > trial[2]) {
                events.add(Event.end(trial[0]));
                running.remove(pick);
                shapes.remove(pick);
            }
        }
        return events;
    }

    /** Feeds the events to the scheduler in order; every decision it returned, in order. */
    static List<TrialDecision> replay(TrialScheduler scheduler, List<Event> events) {
        List<TrialDecision> decisions = new ArrayList<>();
        for (Event event : events) {
            decisions.addAll(event.ended()
                    ? scheduler.onTrialEnded(event.trialNumber())
                    : scheduler.onReport(event.trialNumber(), event.epoch(), event.loss()));
        }
        return decisions;
    }
}

package io.tunestream.optimizer.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Workers training synthetic trials in virtual time, obeying a scheduler: what results-service and the
 * trainers do, without Kafka or clocks. Every trial is run to {@code maxEpochs} unless a decision ends
 * it; a STOP about another trial reaches its worker at that trial's next epoch boundary.
 *
 * <p>Learning curves share one shape, {@code loss_t(e) = f_t + 2/sqrt(e)}, so a trial's rank is the same
 * at every epoch and the best trial is the one with the smallest {@code f_t}; epoch durations differ by
 * trial, so reports interleave.
 */
final class VirtualCluster {

    /** What a run cost and what it kept. */
    record Outcome(long epochsUsed, Set<Long> reachedMaxEpochs, long bestTrial,
                   List<SchedulerEvents.Event> events, List<TrialDecision> decisions) {
    }

    private VirtualCluster() {
    }

    static Outcome run(TrialScheduler scheduler, int trials, int maxEpochs, int workers, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] floor = new double[trials];
        double[] duration = new double[trials];
        long best = 0;
        for (int t = 0; t < trials; t++) {
            floor[t] = 0.1 + 0.9 * rng.nextDouble();
            duration[t] = 1.0 + rng.nextDouble();
            if (floor[t] < floor[(int) best]) {
                best = t;
            }
        }
        List<SchedulerEvents.Event> events = new ArrayList<>();
        List<TrialDecision> decisions = new ArrayList<>();
        Set<Long> stopOrders = new HashSet<>();
        Set<Long> reachedMax = new HashSet<>();
        // {time at which the running epoch ends, worker, trial, epoch}
        PriorityQueue<double[]> running = new PriorityQueue<>(
                Comparator.<double[]>comparingDouble(s -> s[0]).thenComparingDouble(s -> s[1]));
        long next = 0;
        for (int w = 0; w < workers && next < trials; w++, next++) {
            running.add(new double[] {duration[(int) next], w, next, 1});
        }
        long epochsUsed = 0;
        while (!running.isEmpty()) {
            double[] slot = running.poll();
            long trial = (long) slot[2];
            int epoch = (int) slot[3];
            epochsUsed++;
            double loss = floor[(int) trial] + 2.0 / Math.sqrt(epoch);
            events.add(SchedulerEvents.Event.report(trial, epoch, loss));
            List<TrialDecision> answer = scheduler.onReport(trial, epoch, loss);
            decisions.addAll(answer);
            boolean ends = epoch >= maxEpochs || stopOrders.contains(trial);
            for (TrialDecision decision : answer) {
                if (decision.endsTrial()) {
                    if (decision.trialNumber() == trial) {
                        ends = true;
                    } else {
                        stopOrders.add(decision.trialNumber());
                    }
                }
            }
            if (epoch >= maxEpochs) {
                reachedMax.add(trial);
            }
            if (!ends) {
                running.add(new double[] {slot[0] + duration[(int) trial], slot[1], trial, epoch + 1});
                continue;
            }
            events.add(SchedulerEvents.Event.end(trial));
            List<TrialDecision> unblocked = scheduler.onTrialEnded(trial);
            decisions.addAll(unblocked);
            unblocked.stream().filter(TrialDecision::endsTrial).forEach(d -> stopOrders.add(d.trialNumber()));
            if (next < trials) {
                running.add(new double[] {slot[0] + duration[(int) next], slot[1], next, 1});
                next++;
            }
        }
        return new Outcome(epochsUsed, reachedMax, best, events, decisions);
    }
}

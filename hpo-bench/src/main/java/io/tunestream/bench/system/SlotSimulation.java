package io.tunestream.bench.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import io.tunestream.optimizer.scheduler.Asha;
import io.tunestream.optimizer.scheduler.Hyperband;
import io.tunestream.optimizer.scheduler.SchedulerAction;
import io.tunestream.optimizer.scheduler.TrialDecision;
import io.tunestream.optimizer.scheduler.TrialScheduler;

/**
 * Worker slots in virtual time: how much of their time goes to training.
 *
 * <p><b>Asynchronous</b> ({@link #asynchronous}): Tunestream's loop. A free slot takes the next trial
 * after {@code dispatchSeconds} (the suggestion's trip through the loop, measured by
 * {@code ./tunestream bench utilization}); a trial reports after every epoch and the scheduler answers
 * at once; a STOP reaches the trainer {@code stopSeconds} later and, because the trainer looks for it
 * before each epoch, ends the trial at the first epoch boundary after its arrival (one more epoch when
 * the STOP is slower than zero). No slot ever waits for another trial.
 *
 * <p><b>Synchronous Hyperband</b> ({@link #synchronousHyperband}): Li et al. 2018 as written, brackets
 * s = s_max..0 one after the other, each bracket's successive halving rung by rung with a barrier: the
 * survivors of rung i start rung i+1 only when every trial of rung i has finished. A bracket's n_s are
 * scaled by {@code ceil(slots / n_{s_max})} so that its first rung fills every slot (what a user would
 * do on a large cluster). Slots idle at each barrier and whenever a rung holds fewer trials than slots.
 *
 * <p>Both count slot-seconds training over slots × time in a window that ends when the last trial
 * starts (afterwards idle slots are the end of the budget, the same window as the broker-backed
 * benchmark), and over the whole run; and the regret of the best trial that reached R: its loss at R
 * minus {@link SyntheticCurves#optimum}.
 */
final class SlotSimulation {

    /** One simulated run. */
    record Result(String method, int slots, int trials, double makespanSeconds, double trainingFraction,
                  double trainingFractionWholeRun, long epochs, double regret) {
        Map<String, Object> toMap() {
            var map = new LinkedHashMap<String, Object>();
            map.put("method", method);
            map.put("slots", slots);
            map.put("trials", trials);
            map.put("makespanSeconds", round(makespanSeconds));
            map.put("trainingFraction", round(trainingFraction));
            map.put("idleFraction", round(1 - trainingFraction));
            map.put("trainingFractionWholeRun", round(trainingFractionWholeRun));
            map.put("epochs", epochs);
            map.put("regret", round(regret));
            return map;
        }
    }

    private SlotSimulation() {
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private record Event(double time, long order, long trial) {
    }

    /**
     * @param scheduler       asha or hyperband (stop-based, as results-service runs them)
     * @param dispatchSeconds a free slot's wait for its next trial
     * @param stopSeconds     a STOP's trip from the epoch report to the trainer
     */
    static Result asynchronous(String name, int slots, int trials, int maxEpochs, int eta, double epochSeconds,
                               double dispatchSeconds, double stopSeconds, long seed) {
        TrialScheduler scheduler = name.equals("asha") ? Asha.of(1, maxEpochs, eta) : Hyperband.of(1, maxEpochs, eta);
        var queue = new PriorityQueue<Event>((a, b) -> a.time != b.time ? Double.compare(a.time, b.time) : Long.compare(a.order, b.order));
        var curves = new java.util.HashMap<Long, double[]>();
        var epochsRun = new java.util.HashMap<Long, Integer>();
        /** Trial → the epoch after which it ends (a STOP's arrival rounds up to the next epoch boundary). */
        var endAfter = new java.util.HashMap<Long, Integer>();
        long order = 0;
        long next = 0;
        long epochs = 0;
        double trainingSeconds = 0;
        double makespan = 0;
        double best = Double.POSITIVE_INFINITY;
        double lastStart = 0;
        var epochEnds = new ArrayList<Double>();
        for (int s = 0; s < slots && next < trials; s++) {
            long trial = next++;
            curves.put(trial, SyntheticCurves.curve(trial, seed, maxEpochs, 0.01));
            queue.add(new Event(dispatchSeconds + epochSeconds, order++, trial));
        }
        while (!queue.isEmpty()) {
            var event = queue.poll();
            long trial = event.trial();
            int epoch = epochsRun.merge(trial, 1, Integer::sum);
            epochs++;
            trainingSeconds += epochSeconds;
            epochEnds.add(event.time());
            makespan = Math.max(makespan, event.time());
            double loss = curves.get(trial)[epoch - 1];
            boolean ends = epoch >= maxEpochs || endAfter.getOrDefault(trial, Integer.MAX_VALUE) <= epoch;
            if (!ends) {
                for (TrialDecision decision : scheduler.onReport(trial, epoch, loss)) {
                    if (decision.trialNumber() == trial && decision.action() == SchedulerAction.STOP) {
                        // The trainer starts the next epoch at once; the STOP is seen before the one after,
                        // or before this next one when it is instant.
                        int extra = stopSeconds <= 0 ? 0 : 1 + (int) Math.floor(stopSeconds / epochSeconds);
                        endAfter.put(trial, epoch + extra);
                        ends = extra == 0;
                    } else if (decision.trialNumber() == trial && decision.action() == SchedulerAction.COMPLETE) {
                        ends = true;
                    }
                }
            }
            if (!ends && endAfter.getOrDefault(trial, Integer.MAX_VALUE) <= epoch) {
                ends = true;
            }
            if (epoch >= maxEpochs) {
                best = Math.min(best, loss);
            }
            if (ends) {
                scheduler.onTrialEnded(trial);
                curves.remove(trial);
                if (next < trials) {
                    long started = next++;
                    lastStart = event.time() + dispatchSeconds;
                    curves.put(started, SyntheticCurves.curve(started, seed, maxEpochs, 0.01));
                    queue.add(new Event(event.time() + dispatchSeconds + epochSeconds, order++, started));
                }
            } else {
                queue.add(new Event(event.time() + epochSeconds, order++, trial));
            }
        }
        double inWindow = 0;
        for (double end : epochEnds) {
            inWindow += Math.max(0, Math.min(end, lastStart) - (end - epochSeconds));
        }
        return new Result(name + (dispatchSeconds > 0 || stopSeconds > 0 ? " (measured overheads)" : " (no overheads)"),
                slots, trials, makespan, inWindow / (slots * lastStart), trainingSeconds / (slots * makespan), epochs,
                best - SyntheticCurves.optimum(maxEpochs));
    }

    /** Synchronous Hyperband until {@code trials} trials have been started (the last bracket may be cut short). */
    static Result synchronousHyperband(int slots, int trials, int maxEpochs, int eta, double epochSeconds, long seed) {
        var plan = Hyperband.of(1, maxEpochs, eta).brackets();
        int largest = plan.get(0).rungs().get(0).trials();
        int scale = Math.max(1, (int) Math.ceil((double) slots / largest));
        double time = 0;
        double trainingSeconds = 0;
        long epochs = 0;
        long next = 0;
        double best = Double.POSITIVE_INFINITY;
        double lastStart = 0;
        double trainingBeforeLastStart = 0;
        while (next < trials) {
            for (var bracket : plan) {
                if (next >= trials) {
                    break;
                }
                int n = (int) Math.min(bracket.rungs().get(0).trials() * (long) scale, trials - next);
                lastStart = time;
                trainingBeforeLastStart = trainingSeconds;
                var members = new ArrayList<Long>();
                for (int i = 0; i < n; i++) {
                    members.add(next++);
                }
                var curves = new java.util.HashMap<Long, double[]>();
                members.forEach(t -> curves.put(t, SyntheticCurves.curve(t, seed, maxEpochs, 0.01)));
                int done = 0;
                for (int i = 0; i < bracket.rungs().size() && !members.isEmpty(); i++) {
                    int rungEpochs = bracket.rungs().get(i).epochs();
                    int segment = rungEpochs - done;
                    // List scheduling of equal segments: ceil(m / slots) waves, then the barrier.
                    int waves = (members.size() + slots - 1) / slots;
                    time += waves * segment * epochSeconds;
                    trainingSeconds += members.size() * segment * epochSeconds;
                    epochs += (long) members.size() * segment;
                    done = rungEpochs;
                    int at = rungEpochs;
                    members.sort((a, b) -> Double.compare(curves.get(a)[at - 1], curves.get(b)[at - 1]));
                    if (rungEpochs >= maxEpochs) {
                        for (long t : members) {
                            best = Math.min(best, curves.get(t)[maxEpochs - 1]);
                        }
                        break;
                    }
                    int keep = members.size() / eta;
                    members = new ArrayList<>(members.subList(0, keep));
                }
            }
        }
        // The window ends when the last bracket starts: everything before it is whole brackets with their barriers.
        double window = lastStart > 0 ? trainingBeforeLastStart / (slots * lastStart) : trainingSeconds / (slots * time);
        return new Result("hyperband (synchronous, Li et al.)", slots, trials, time, window, trainingSeconds / (slots * time), epochs,
                best - SyntheticCurves.optimum(maxEpochs));
    }

    /**
     * Synchronous Hyperband with the brackets of each Hyperband iteration run side by side on one pool of
     * slots (the usual way to fill a cluster, e.g. BOHB's parallel scheme): rungs keep their barrier
     * within a bracket, and a slot left idle by one bracket's barrier takes a segment of another bracket.
     * The next iteration starts when every bracket of the current one has finished.
     */
    static Result synchronousHyperbandParallelBrackets(int slots, int trials, int maxEpochs, int eta, double epochSeconds, long seed) {
        var plan = Hyperband.of(1, maxEpochs, eta).brackets();
        int cycle = plan.stream().mapToInt(b -> b.rungs().get(0).trials()).sum();
        int scale = Math.max(1, (int) Math.ceil((double) slots / cycle));
        double time = 0;
        double trainingSeconds = 0;
        double lastStart = 0;
        double trainingBeforeLastStart = 0;
        long epochs = 0;
        long next = 0;
        double best = Double.POSITIVE_INFINITY;
        while (next < trials) {
            lastStart = time;
            trainingBeforeLastStart = trainingSeconds;
            // One iteration: every bracket's rung 0 is ready at once; segments are (bracket, trial, epochs).
            var brackets = new ArrayList<BracketState>();
            for (var bracket : plan) {
                int n = (int) Math.min(bracket.rungs().get(0).trials() * (long) scale, trials - next);
                if (n <= 0) {
                    break;
                }
                var state = new BracketState(bracket.rungs().stream().map(r -> r.epochs()).toList());
                for (int i = 0; i < n; i++) {
                    long t = next++;
                    state.members.add(t);
                    state.curves.put(t, SyntheticCurves.curve(t, seed, maxEpochs, 0.01));
                }
                brackets.add(state);
            }
            var free = new PriorityQueue<Double>();
            for (int i = 0; i < slots; i++) {
                free.add(time);
            }
            // Event order: release rungs as their last segment finishes; a simple list scheduler over ready segments.
            var ready = new java.util.ArrayDeque<double[]>(); // {bracketIndex, readyAt}
            for (int b = 0; b < brackets.size(); b++) {
                brackets.get(b).release(ready, b, time);
            }
            double end = time;
            while (!ready.isEmpty()) {
                // Take the segment that can start first.
                double[] best0 = null;
                double startAt = Double.POSITIVE_INFINITY;
                double slotFree = free.peek();
                for (double[] seg : ready) {
                    double at = Math.max(slotFree, seg[1]);
                    if (at < startAt) {
                        startAt = at;
                        best0 = seg;
                    }
                }
                ready.remove(best0);
                free.poll();
                var state = brackets.get((int) best0[0]);
                double segmentSeconds = state.segment() * epochSeconds;
                double finish = startAt + segmentSeconds;
                free.add(finish);
                trainingSeconds += segmentSeconds;
                epochs += state.segment();
                end = Math.max(end, finish);
                if (state.segmentDone(finish)) {
                    best = Math.min(best, state.promote(eta, maxEpochs));
                    state.release(ready, (int) best0[0], state.rungEnd);
                }
            }
            time = end;
        }
        double window = lastStart > 0 ? trainingBeforeLastStart / (slots * lastStart) : trainingSeconds / (slots * time);
        return new Result("hyperband (synchronous, brackets in parallel)", slots, trials, time, window, trainingSeconds / (slots * time),
                epochs, best - SyntheticCurves.optimum(maxEpochs));
    }

    /** One bracket of {@link #synchronousHyperbandParallelBrackets}: its current rung's members and progress. */
    private static final class BracketState {
        final List<Integer> rungEpochs;
        final java.util.Map<Long, double[]> curves = new java.util.HashMap<>();
        List<Long> members = new ArrayList<>();
        int rung;
        int done;
        int pending;
        double rungEnd;

        BracketState(List<Integer> rungEpochs) {
            this.rungEpochs = rungEpochs;
        }

        int segment() {
            return rungEpochs.get(rung) - done;
        }

        /** Makes the current rung's segments ready at {@code at}; nothing when the bracket is finished. */
        void release(java.util.ArrayDeque<double[]> ready, int index, double at) {
            if (rung >= rungEpochs.size() || members.isEmpty()) {
                return;
            }
            pending = members.size();
            rungEnd = at;
            for (int i = 0; i < members.size(); i++) {
                ready.add(new double[] {index, at});
            }
        }

        /** One segment of the rung finished; true when it was the last (the barrier opens). */
        boolean segmentDone(double at) {
            rungEnd = Math.max(rungEnd, at);
            return --pending == 0;
        }

        /** Keeps the best 1/η for the next rung; returns the best loss at R when this was the last rung. */
        double promote(int eta, int maxEpochs) {
            int at = rungEpochs.get(rung);
            members.sort((a, b) -> Double.compare(curves.get(a)[at - 1], curves.get(b)[at - 1]));
            double bestAtR = Double.POSITIVE_INFINITY;
            if (at >= maxEpochs) {
                for (long t : members) {
                    bestAtR = Math.min(bestAtR, curves.get(t)[maxEpochs - 1]);
                }
                members = List.of();
            } else {
                members = new ArrayList<>(members.subList(0, members.size() / eta));
            }
            done = at;
            rung++;
            return bestAtR;
        }
    }

    static List<Result> compare(int slots, int trials, int maxEpochs, int eta, double epochSeconds,
                                double dispatchSeconds, double stopSeconds, long seed) {
        var results = new ArrayList<Result>();
        for (String name : List.of("asha", "hyperband")) {
            results.add(asynchronous(name, slots, trials, maxEpochs, eta, epochSeconds, 0, 0, seed));
            results.add(asynchronous(name, slots, trials, maxEpochs, eta, epochSeconds, dispatchSeconds, stopSeconds, seed));
        }
        results.add(synchronousHyperband(slots, trials, maxEpochs, eta, epochSeconds, seed));
        results.add(synchronousHyperbandParallelBrackets(slots, trials, maxEpochs, eta, epochSeconds, seed));
        return results;
    }
}

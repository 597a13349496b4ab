package io.tunestream.cli.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slot-time accounting of one study from its trials' timelines. The window is the time during which
 * the study still had trials to hand out: from the first trial's start to the last trial's start (after
 * that, idle slots are the end of the budget, not a cost of the system). In it, a slot is
 * <em>training</em> during an epoch ({@code [report − epochMillis, report]}), <em>holding</em> a trial
 * from its STARTED report to its final report, and otherwise waiting for a trial.
 */
record Utilization(int slots, double windowSeconds, double training, double holding, double trainingWholeRun,
                   int trials, int stopped, int epochs, double epochsAfterStop) {

    static Utilization of(Map<String, TopicProbe.Timeline> byTrial, Map<String, TopicProbe.StopArrival> stopsByTrial,
                          int slots, long epochMillis) {
        Collection<TopicProbe.Timeline> trials = byTrial.values();
        long first = Long.MAX_VALUE;
        long lastStart = Long.MIN_VALUE;
        long lastEnd = Long.MIN_VALUE;
        for (var t : trials) {
            if (t.startedAt < 0) {
                continue;
            }
            first = Math.min(first, t.startedAt);
            lastStart = Math.max(lastStart, t.startedAt);
            lastEnd = Math.max(lastEnd, t.endedAt);
        }
        long epochMicros = epochMillis * 1000;
        double training = 0;
        double trainingAll = 0;
        double holding = 0;
        int epochs = 0;
        int stopped = 0;
        long afterStop = 0;
        for (var entry : byTrial.entrySet()) {
            var t = entry.getValue();
            if (t.startedAt < 0) {
                continue;
            }
            long end = t.endedAt < 0 ? lastEnd : t.endedAt;
            holding += overlap(t.startedAt, end, first, lastStart);
            synchronized (t) {
                for (long epochEnd : t.epochEnds) {
                    training += overlap(epochEnd - epochMicros, epochEnd, first, lastStart);
                    trainingAll += overlap(epochEnd - epochMicros, epochEnd, first, lastEnd);
                    epochs++;
                }
            }
            var stop = stopsByTrial.get(entry.getKey());
            if (stop != null && t.finalKind != null) {
                stopped++;
                afterStop += Math.max(0, t.finalEpoch - stop.epoch());
            }
        }
        double window = Math.max(1, lastStart - first);
        double whole = Math.max(1, lastEnd - first);
        return new Utilization(slots, window / 1e6, training / (slots * window), holding / (slots * window),
                trainingAll / (slots * whole), trials.size(), stopped, epochs, stopped == 0 ? 0 : (double) afterStop / stopped);
    }

    private static double overlap(long from, long to, long windowFrom, long windowTo) {
        return Math.max(0, Math.min(to, windowTo) - Math.max(from, windowFrom));
    }

    Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("slots", slots);
        map.put("windowSeconds", Percentiles.round(windowSeconds));
        map.put("trainingFraction", Percentiles.round(training));
        map.put("holdingFraction", Percentiles.round(holding));
        map.put("trainingFractionWholeRun", Percentiles.round(trainingWholeRun));
        map.put("trials", trials);
        map.put("stoppedTrials", stopped);
        map.put("epochs", epochs);
        map.put("epochsRunAfterStop", Percentiles.round(epochsAfterStop));
        return map;
    }
}

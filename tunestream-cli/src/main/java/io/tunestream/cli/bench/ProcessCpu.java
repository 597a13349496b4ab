package io.tunestream.cli.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tunestream.cli.local.ManagedProcess;

/** CPU time used so far by each process of a local cluster, as the operating system counts it (user + system). */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Process name → CPU milliseconds; trainers are kept apart ({@code trainer-0}, ...). */
    static Map<String, Long> sample(List<ManagedProcess> processes) {
        var cpu = new LinkedHashMap<String, Long>();
        for (var process : processes) {
            if (!process.isAlive()) {
                continue;
            }
            ProcessHandle.of(process.pid())
                    .flatMap(handle -> handle.info().totalCpuDuration())
                    .map(Duration::toMillis)
                    .ifPresent(millis -> cpu.put(process.name(), millis));
        }
        return cpu;
    }

    /** CPU milliseconds used between two samples, per process, with the trainers also summed as "trainers". */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        var used = new LinkedHashMap<String, Long>();
        long trainers = 0;
        for (var entry : after.entrySet()) {
            long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            used.put(entry.getKey(), delta);
            if (entry.getKey().startsWith(io.tunestream.cli.local.LocalCluster.TRAINER_PREFIX)) {
                trainers += delta;
            }
        }
        used.put("trainers", trainers);
        return used;
    }
}

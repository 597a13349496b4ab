package io.tunestream.trainer.backend.command;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The GPUs of this trainer, one per running trial: a trial leases a device for its program's
 * {@code CUDA_VISIBLE_DEVICES} and returns it when it ends. With as many devices as slots a lease
 * never waits; with none configured, programs see whatever the node gives them.
 */
public final class GpuPool {

    private final Deque<String> free = new ArrayDeque<>();
    private final int size;

    public GpuPool(List<String> devices) {
        free.addAll(devices);
        size = devices.size();
    }

    public static GpuPool none() {
        return new GpuPool(List.of());
    }

    /** A device for one trial, or empty when no devices are configured. */
    public synchronized Optional<String> lease() throws InterruptedException {
        if (size == 0) {
            return Optional.empty();
        }
        while (free.isEmpty()) {
            wait();
        }
        return Optional.of(free.pollFirst());
    }

    public synchronized void release(String device) {
        free.addLast(device);
        notifyAll();
    }
}

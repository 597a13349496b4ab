package io.tunestream.trainer.workqueue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.jboss.logging.Logger;

import io.tunestream.contracts.Topics;

/**
 * This trainer's slots on the share group. {@link #start()} sets the group's configuration (earliest
 * start so that trials queued before the first trainer joined are not skipped, the lock duration,
 * RENEW allowed, the delivery limit) and starts one thread per slot; {@link #close()} releases
 * running trials at once so that another trainer takes them (graceful shutdown).
 */
public final class WorkQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkQueue.class);

    private final WorkQueueSettings settings;
    private final WorkItemHandler handler;
    private final String workerId;
    private final List<WorkQueueSlot> slots = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();

    public WorkQueue(WorkQueueSettings settings, WorkItemHandler handler, String workerId) {
        this.settings = settings;
        this.handler = handler;
        this.workerId = workerId;
    }

    public synchronized void start() {
        configureGroup();
        for (int i = 0; i < settings.slots(); i++) {
            var slot = new WorkQueueSlot(settings, handler, workerId + "-slot" + i, busy);
            var thread = new Thread(slot, "work-queue-slot-" + i);
            slots.add(slot);
            threads.add(thread);
            thread.start();
        }
        LOG.infof("trainer %s consumes %s with %d slot(s) in share group %s", workerId, Topics.TRIAL_SUGGESTED,
                settings.slots(), settings.groupId());
    }

    /** Slots running a trial now (the utilisation gauge). */
    public int busySlots() {
        return busy.get();
    }

    public int slotCount() {
        return settings.slots();
    }

    /**
     * The group settings every trainer of the group agrees on; setting them again is harmless, so each
     * trainer sets them at start and the first one creates the group's configuration.
     */
    void configureGroup() {
        Map<String, Object> adminConfig = new HashMap<>(settings.kafka());
        adminConfig.putIfAbsent("client.id", workerId + "-admin");
        try (var admin = Admin.create(adminConfig)) {
            var group = new ConfigResource(ConfigResource.Type.GROUP, settings.groupId());
            var ops = List.of(
                    set("share.auto.offset.reset", "earliest"),
                    set("share.record.lock.duration.ms", String.valueOf(settings.lockDuration().toMillis())),
                    set("share.renew.acknowledge.enable", "true"),
                    // One delivery more than maxAttempts: the extra one is where we report the trial
                    // FAILED; without it the broker would archive the record silently.
                    set("share.delivery.count.limit", String.valueOf(Math.max(2, settings.maxAttempts() + 1))));
            admin.incrementalAlterConfigs(Map.of(group, ops)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring share group " + settings.groupId(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure share group " + settings.groupId() + ": " + e.getMessage(), e);
        }
    }

    private static AlterConfigOp set(String key, String value) {
        return new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
    }

    @Override
    public synchronized void close() {
        slots.forEach(WorkQueueSlot::shutdown);
        for (var thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        slots.clear();
        threads.clear();
    }
}

package io.tunestream.trainer.workqueue;

import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.tunestream.contracts.Topics;
import io.tunestream.trainer.runner.TrialOutcome;

/**
 * One training slot: a {@link KafkaShareConsumer} of its own (the client is single-threaded) that
 * takes one trial at a time and acknowledges it explicitly.
 *
 * <ul>
 *   <li>The trial runs on a separate thread; the slot thread owns the consumer.</li>
 *   <li>While the trial runs longer than {@code renewAfter}, the slot renews the acquisition lock
 *       (RENEW, KIP-1222). The client hands a renewed record back through {@code poll()}; the slot
 *       polls until it has it again, and acknowledges that copy next.</li>
 *   <li>When the trial ends with a final report the slot ACCEPTs the record. When the slot shuts down
 *       mid-trial it RELEASEs it, so that another trainer runs the trial again at once instead of
 *       waiting for the lock to expire.</li>
 *   <li>If the process dies, nothing is acknowledged: the lock expires and the record is delivered
 *       again with a higher delivery count, which the trial reports as its attempt number.</li>
 * </ul>
 */
final class WorkQueueSlot implements Runnable {

    private static final Logger LOG = Logger.getLogger(WorkQueueSlot.class);

    private final WorkQueueSettings settings;
    private final WorkItemHandler handler;
    private final String slotId;
    private final AtomicInteger busy;
    private final ExecutorService trialThread;
    private volatile boolean running = true;

    WorkQueueSlot(WorkQueueSettings settings, WorkItemHandler handler, String slotId, AtomicInteger busy) {
        this.settings = settings;
        this.handler = handler;
        this.slotId = slotId;
        this.busy = busy;
        this.trialThread = Executors.newSingleThreadExecutor(r -> new Thread(r, slotId + "-trial"));
    }

    @Override
    public void run() {
        var config = new HashMap<>(settings.kafka());
        config.put("group.id", settings.groupId());
        config.put("client.id", slotId);
        config.put("share.acknowledgement.mode", "explicit");
        // One record per poll, strictly: a slot must not hold trials it is not running.
        config.put("max.poll.records", 1);
        config.put("share.acquire.mode", "record_limit");
        try (var shareConsumer = new KafkaShareConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            shareConsumer.setAcknowledgementCommitCallback(this::onCommitted);
            shareConsumer.subscribe(java.util.List.of(Topics.TRIAL_SUGGESTED));
            while (running) {
                var records = shareConsumer.poll(settings.pollTimeout());
                for (var record : records) {
                    process(shareConsumer, record);
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "slot %s stopped: %s", slotId, e.getMessage());
        } finally {
            trialThread.shutdownNow();
        }
    }

    private void process(KafkaShareConsumer<String, String> shareConsumer, ConsumerRecord<String, String> record) {
        int delivery = record.deliveryCount().map(Short::intValue).orElse(1);
        busy.incrementAndGet();
        try {
            Future<TrialOutcome> trial = trialThread.submit(() -> handler.handle(record.key(), record.value(), delivery));
            var held = record;
            while (true) {
                try {
                    var outcome = trial.get(settings.renewAfter().toMillis(), TimeUnit.MILLISECONDS);
                    acknowledge(shareConsumer, held, switch (outcome) {
                        case ABANDONED -> AcknowledgeType.RELEASE;
                        case REFUSED -> AcknowledgeType.REJECT;
                        default -> AcknowledgeType.ACCEPT;
                    });
                    return;
                } catch (TimeoutException stillRunning) {
                    if (!running) {
                        trial.cancel(true);
                        awaitQuietly(trial);
                        acknowledge(shareConsumer, held, AcknowledgeType.RELEASE);
                        return;
                    }
                    held = renew(shareConsumer, held);
                } catch (ExecutionException e) {
                    // The handler reports failures itself; reaching here is a bug: let another trainer retry.
                    LOG.errorf(e.getCause(), "slot %s: trial handler crashed on %s", slotId, record.key());
                    acknowledge(shareConsumer, held, AcknowledgeType.RELEASE);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    trial.cancel(true);
                    return;
                }
            }
        } finally {
            busy.decrementAndGet();
        }
    }

    /** Extends the lock and waits for the client to hand the renewed record back. */
    private ConsumerRecord<String, String> renew(KafkaShareConsumer<String, String> shareConsumer, ConsumerRecord<String, String> held) {
        shareConsumer.acknowledge(held, AcknowledgeType.RENEW);
        long deadline = System.nanoTime() + settings.renewAfter().toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : shareConsumer.poll(Duration.ofMillis(100))) {
                if (record.partition() == held.partition() && record.offset() == held.offset() && record.topic().equals(held.topic())) {
                    return record;
                }
                // record_limit should make this impossible; never keep a trial we will not run.
                shareConsumer.acknowledge(record, AcknowledgeType.RELEASE);
            }
        }
        throw new IllegalStateException("slot " + slotId + ": the renewed record " + held.topic() + "-" + held.partition()
                + "@" + held.offset() + " did not come back within " + settings.renewAfter());
    }

    /**
     * Records the acknowledgement; the next {@code poll()} (or {@code close()}) carries it to the
     * broker. Not {@code commitSync()}: with kafka-clients 4.3.1 a commitSync right after a renewed
     * record was handed back fails with NOT_LEADER_OR_FOLLOWER and the trial would run again, while
     * the acknowledgement piggybacked on the share fetch is applied. Failures still surface in
     * {@link #onCommitted}.
     */
    private void acknowledge(KafkaShareConsumer<String, String> shareConsumer, ConsumerRecord<String, String> record, AcknowledgeType type) {
        shareConsumer.acknowledge(record, type);
    }

    private void onCommitted(java.util.Map<org.apache.kafka.common.TopicIdPartition, java.util.Set<Long>> offsets, Exception error) {
        if (error != null) {
            LOG.warnf("slot %s: acknowledgement of %s failed: %s", slotId, offsets, error.getMessage());
        }
    }

    private static void awaitQuietly(Future<?> trial) {
        try {
            trial.get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // cancelled or finished: either way the slot releases the record
        }
    }

    /** Stops taking trials; a running trial is abandoned and released within one poll timeout. */
    void shutdown() {
        running = false;
    }
}

package io.tunestream.results.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.tunestream.contracts.Channels;
import io.tunestream.contracts.Json;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.kafka.support.KafkaClientSettings;
import io.tunestream.results.aggregation.ResultsLedger;
import io.tunestream.results.config.ResultsConfig;
import io.tunestream.results.metrics.ResultsMetrics;

/**
 * The work-queue audit: no trial may wait forever for a report that no trainer will send, and no trial
 * loses its retries to lock renewals. Every interval it reads how far the trainers' share group has
 * finished with each partition of {@code hpo.trial.suggested} ({@link #finishedBelow}) and the trainers'
 * {@code max-attempts} ({@link #maxAttempts}), and asks the ledger what the unfinished trials whose work
 * item is finished call for ({@link ResultsLedger#auditWorkQueue}): RETRY decisions, which the suggester
 * answers by publishing the item again, and FAILED reports on {@code hpo.trial.reported}, which the
 * ledger then applies like a trainer's and turns into the trial's FAILED decision.
 *
 * <p>Why it is needed: a trainer refuses a delivery beyond the item's allowance and rejects the item,
 * and the broker archives an item whose lock expires at the group's delivery limit; with Kafka 4.3 a
 * lock renewal can count as a delivery, so a long trial whose trainer died after renewing reaches both after
 * a single real attempt. Only results-service knows which attempts really ran (the ones that reported).
 */
@ApplicationScoped
public class WorkQueueAuditor {

    private static final Logger LOG = Logger.getLogger(WorkQueueAuditor.class);
    private static final String DELIVERY_LIMIT = "share.delivery.count.limit";

    private final ResultsLedger ledger;
    private final ReplayCoordinator replay;
    private final ResultsMetrics metrics;
    private final MutinyEmitter<String> reports;
    private final DecisionPublisher decisions;
    private final ResultsConfig.WorkQueueAudit config;
    private final Map<String, Object> kafkaConfig;
    private final String auditorId;
    private ScheduledExecutorService timer;
    private Admin admin;

    @Inject
    public WorkQueueAuditor(ResultsLedger ledger, ReplayCoordinator replay, ResultsMetrics metrics,
                            @Channel(Channels.TRIAL_REPORTED_OUT) MutinyEmitter<String> reports, DecisionPublisher decisions,
                            ResultsConfig config,
                            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.ledger = ledger;
        this.replay = replay;
        this.metrics = metrics;
        this.reports = reports;
        this.decisions = decisions;
        this.config = config.workQueueAudit();
        this.kafkaConfig = kafkaConfig;
        this.auditorId = "results-service/work-queue-audit";
    }

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "work-queue-audit");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(100, config.interval().toMillis());
        timer.scheduleWithFixedDelay(this::auditSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (this) {
            if (admin != null) {
                admin.close(java.time.Duration.ofSeconds(5));
                admin = null;
            }
        }
    }

    private void auditSafely() {
        try {
            audit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException | java.util.concurrent.TimeoutException e) {
            // The broker may be restarting; the next round tries again.
            LOG.debugf("work-queue audit skipped: %s", e.getMessage());
        }
    }

    /** One round; public for tests that drive it without waiting for the timer. */
    public synchronized void audit() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        if (!replay.isReady()) {
            return;
        }
        Map<Integer, Long> finishedBelow = finishedBelow();
        if (finishedBelow.isEmpty()) {
            return;
        }
        var found = ledger.auditWorkQueue(finishedBelow, maxAttempts(), auditorId);
        if (!found.retries().isEmpty()) {
            found.retries().forEach(retry -> LOG.warnf("trial %s of study %s: %s", retry.trialId(), retry.studyId(), retry.reason()));
            decisions.publish(found.retries()).await().atMost(java.time.Duration.ofSeconds(60));
        }
        for (TrialReported report : found.failedReports()) {
            LOG.warnf("trial %s of study %s (attempt %d): %s; reporting it FAILED", report.trialId(), report.studyId(), report.attempt(),
                    report.message());
            reports.sendMessageAndAwait(KafkaRecord.of(report.studyId(), Json.write(report)));
            metrics.givenUpByWorkQueue();
        }
    }

    /**
     * The trainers' {@code max-attempts}: they set the share group's delivery limit one above it, so that
     * they see the delivery after the last allowed one (and refuse it).
     */
    private int maxAttempts() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        var group = new ConfigResource(ConfigResource.Type.GROUP, config.groupId());
        var entry = admin().describeConfigs(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).get(DELIVERY_LIMIT);
        if (entry == null || entry.value() == null) {
            throw new IllegalStateException("share group " + config.groupId() + " has no " + DELIVERY_LIMIT);
        }
        return Math.max(1, Integer.parseInt(entry.value()) - 1);
    }

    /**
     * By partition of the work queue's topic, the offset below which the trainers' share group has
     * finished with every record; empty before any trainer joined. That is the share-partition start
     * offset, or the whole partition when its lag is 0: Kafka 4.3 persists the start offset lazily (it
     * stayed at 0 after both records of a partition were acknowledged, in {@code WorkQueueAuditKafkaTest}),
     * while the lag (KIP-1226: the high watermark less the start offset less the records delivered to the
     * end) is exact, and 0 means no record is queued or held by a trainer.
     */
    private Map<Integer, Long> finishedBelow() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<TopicPartition, SharePartitionOffsetInfo> offsets;
        try {
            offsets = admin().listShareGroupOffsets(Map.of(config.groupId(), new ListShareGroupOffsetsSpec()))
                    .partitionsToOffsetInfo(config.groupId()).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
        var byPartition = new HashMap<Integer, Long>();
        offsets.forEach((partition, info) -> {
            // A partition the group has no state for yet comes back without an offset (null, or -1).
            if (info != null && Topics.TRIAL_SUGGESTED.equals(partition.topic()) && info.startOffset() >= 0) {
                boolean drained = info.lag().map(lag -> lag == 0).orElse(false);
                byPartition.put(partition.partition(), drained ? Long.MAX_VALUE : info.startOffset());
            }
        });
        LOG.debugf("work-queue audit: share group %s on %s: %s; finished below %s", config.groupId(), Topics.TRIAL_SUGGESTED,
                offsets, byPartition);
        return byPartition;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            var settings = new HashMap<>(KafkaClientSettings.connection(kafkaConfig));
            settings.put("client.id", "results-work-queue-audit");
            admin = Admin.create(settings);
        }
        return admin;
    }
}

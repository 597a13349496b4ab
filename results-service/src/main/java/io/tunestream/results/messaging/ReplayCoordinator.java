package io.tunestream.results.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.results.aggregation.ResultsLedger;
import io.tunestream.results.config.ResultsConfig;

/**
 * Rebuilding the state at start-up. Before any event is processed ({@link #ready()}), it reads the
 * decisions already on {@code hpo.trial.decided} into the ledger (so that the replay does not publish
 * them again) and measures the backlog of the three event topics; it retries until the broker
 * answers. Once the channels have processed that backlog ({@link #processed}), the ledger leaves its
 * replay mode and the STOPs it held back are returned for publishing.
 */
@ApplicationScoped
public class ReplayCoordinator {

    static final List<String> EVENT_TOPICS = List.of(Topics.STUDY_CHANGED, Topics.TRIAL_SUGGESTED, Topics.TRIAL_REPORTED);
    private static final Logger LOG = Logger.getLogger(ReplayCoordinator.class);

    private final ResultsLedger ledger;
    private final ResultsConfig.Replay config;
    private final Map<String, Object> kafkaConfig;
    private final DecisionLogReader reader;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile ReplayProgress progress = new ReplayProgress(Map.of());
    private volatile long decisionsRead;
    private volatile boolean stopping;
    private Thread worker;

    @Inject
    public ReplayCoordinator(ResultsLedger ledger, ResultsConfig config,
                             @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.ledger = ledger;
        this.config = config.replay();
        this.kafkaConfig = kafkaConfig;
        this.reader = new DecisionLogReader(kafkaConfig, Topics.TRIAL_DECIDED);
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Kafka connection: %s", io.tunestream.kafka.support.KafkaClientSettings.describe(kafkaConfig));
        ledger.beginReplay();
        worker = new Thread(this::prepareUntilDone, "results-replay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** Completes once the published decisions and the backlog are known; event processing waits for it. */
    public CompletionStage<Void> ready() {
        return ready.copy(); // a copy: a cancelled waiter must not cancel the others
    }

    public boolean isReady() {
        return ready.isDone();
    }

    /**
     * Notes that a channel processed (or dead-lettered) a record; returns the decisions held back
     * during the replay when this record completes the backlog, else nothing.
     */
    public List<TrialDecided> processed(String topic, int partition, long offset) {
        if (progress.record(topic, partition, offset)) {
            return endReplay();
        }
        return List.of();
    }

    public long decisionsRead() {
        return decisionsRead;
    }

    public boolean backlogProcessed() {
        return isReady() && !ledger.isReplaying();
    }

    public int partitionsBehind() {
        return progress.partitionsBehind();
    }

    private List<TrialDecided> endReplay() {
        List<TrialDecided> held = ledger.endReplay();
        LOG.infof("replayed the backlog of %s; %d STOP decision(s) were held back for the end of the replay", EVENT_TOPICS, held.size());
        return held;
    }

    private void prepareUntilDone() {
        while (!stopping) {
            try {
                if (config.readPublishedDecisions()) {
                    decisionsRead = reader.readAll(ledger::recordPublished, config.timeout());
                    LOG.infof("read %d published decision(s) from %s", decisionsRead, Topics.TRIAL_DECIDED);
                } else {
                    LOG.warn("reading back published decisions is disabled: a restart may publish decisions again");
                }
                progress = ReplayProgress.measure(kafkaConfig, EVENT_TOPICS, config.timeout());
                LOG.infof("replaying %d non-empty partition(s) of %s", progress.partitions(), EVENT_TOPICS);
                if (progress.isCaughtUp()) {
                    endReplay(); // no backlog, so no event processed yet and nothing held back
                }
                ready.complete(null);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.warnf("cannot read the topics yet (%s); trying again in %s", e.getMessage(), config.retryBackoff());
                try {
                    Thread.sleep(config.retryBackoff().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

package io.tunestream.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every metric a Tunestream service exports, with its type, tags and meaning: the one source the
 * services register their meters from, and the one the tests of the Grafana dashboard, the KEDA
 * query and the README's metric table are checked against.
 *
 * <p>Names are dotted and lowercase (Micrometer); Prometheus shows them with dots turned into
 * underscores, {@code _total} after counters and {@code _seconds_count/_sum/_max/_bucket} after
 * timers. Tags are bounded: an algorithm, an outcome, an action, a topic, a training backend, or the
 * id of an <em>active</em> study (removed when the study ends); never a trial id.
 */
public final class MetricNames {

    /** What a meter is, as Micrometer registers it. */
    public enum Type { COUNTER, GAUGE, TIMER }

    /** One exported metric. */
    public record Metric(String name, Type type, List<String> tags, String service, String description) {

        public Metric {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[a-z]+(\\.[a-z]+)+")) {
                throw new IllegalArgumentException("name must be dotted lowercase words, but was " + name);
            }
            Objects.requireNonNull(type, "type");
            tags = List.copyOf(tags);
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(description, "description");
        }

        /** The Prometheus base name: dots become underscores. */
        public String prometheusBase() {
            return name.replace('.', '_');
        }

        /** Every series name Prometheus shows for this metric. */
        public List<String> prometheusNames() {
            String base = prometheusBase();
            return switch (type) {
                case COUNTER -> List.of(base + "_total");
                case GAUGE -> List.of(base);
                case TIMER -> List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max", base + "_seconds_bucket");
            };
        }
    }

    public static final String SUGGESTER = "suggester-service";
    public static final String TRAINER = "trainer-service";
    public static final String RESULTS = "results-service";
    public static final String ALL_SERVICES = "all";

    public static final String TAG_ALGORITHM = "algorithm";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_ACTION = "action";
    public static final String TAG_TOPIC = "topic";
    public static final String TAG_BACKEND = "backend";
    public static final String TAG_STUDY = "study";

    // suggester-service
    public static final String TRIALS_SUGGESTED = "hpo.trials.suggested";
    public static final String SUGGESTION_DURATION = "hpo.suggestion.duration";

    // trainer-service
    public static final String TRAINER_TRIALS_STARTED = "hpo.trainer.trials.started";
    public static final String TRAINER_TRIALS_FINISHED = "hpo.trainer.trials.finished";
    public static final String TRAINER_EPOCH_DURATION = "hpo.trainer.epoch.duration";
    public static final String TRAINER_SLOTS = "hpo.trainer.slots";
    public static final String TRAINER_SLOTS_BUSY = "hpo.trainer.slots.busy";
    public static final String WORKQUEUE_REDELIVERIES = "hpo.workqueue.redeliveries";

    // results-service
    public static final String TRIALS_QUEUED = "hpo.trials.queued";
    public static final String TRIALS_RUNNING = "hpo.trials.running";
    public static final String TRIALS_STARTED = "hpo.trials.started";
    public static final String TRIALS_FINISHED = "hpo.trials.finished";
    public static final String TRIALS_EPOCHS_SAVED = "hpo.trials.epochs.saved";
    public static final String SCHEDULER_DECISIONS = "hpo.scheduler.decisions";
    public static final String SCHEDULER_DECISIONS_UNPUBLISHED = "hpo.scheduler.decisions.unpublished";
    public static final String DECISION_LATENCY = "hpo.decision.latency";
    public static final String STUDIES_ACTIVE = "hpo.studies.active";
    public static final String STUDY_BEST_OBJECTIVE = "hpo.study.best.objective";
    public static final String STUDY_EPOCHS_USED = "hpo.study.epochs.used";
    public static final String STUDY_EPOCHS_BUDGET = "hpo.study.epochs.budget";
    public static final String STUDY_TRIALS_FINISHED = "hpo.study.trials.finished";
    public static final String STUDY_TRIALS_BUDGET = "hpo.study.trials.budget";
    public static final String WORKQUEUE_GIVEN_UP = "hpo.workqueue.given.up";

    // every service
    public static final String DEAD_LETTERED = "hpo.messaging.dead.lettered";

    /** Trainer outcomes ({@code hpo.trainer.trials.finished}); results outcomes are the first three. */
    public static final List<String> OUTCOMES = List.of("completed", "stopped", "failed", "abandoned");

    public static final List<Metric> ALL = List.of(
            new Metric(TRIALS_SUGGESTED, Type.COUNTER, List.of(TAG_ALGORITHM), SUGGESTER,
                    "Trials published to the work queue, by sampling algorithm."),
            new Metric(SUGGESTION_DURATION, Type.TIMER, List.of(TAG_ALGORITHM), SUGGESTER,
                    "Time the sampler took to suggest one configuration (percentile histogram)."),
            new Metric(TRAINER_TRIALS_STARTED, Type.COUNTER, List.of(), TRAINER,
                    "Trial attempts this trainer started (a redelivered trial counts again)."),
            new Metric(TRAINER_TRIALS_FINISHED, Type.COUNTER, List.of(TAG_OUTCOME), TRAINER,
                    "Trial attempts this trainer ended: completed, stopped, failed, or abandoned (released at shutdown)."),
            new Metric(TRAINER_EPOCH_DURATION, Type.TIMER, List.of(TAG_BACKEND), TRAINER,
                    "Wall time of one training epoch, by backend (percentile histogram)."),
            new Metric(TRAINER_SLOTS, Type.GAUGE, List.of(), TRAINER,
                    "Slots of this trainer (trials it runs at once; one GPU each on GPU nodes)."),
            new Metric(TRAINER_SLOTS_BUSY, Type.GAUGE, List.of(), TRAINER,
                    "Slots running a trial now; busy / slots is the trainer's utilisation."),
            new Metric(WORKQUEUE_REDELIVERIES, Type.COUNTER, List.of(), TRAINER,
                    "Work items delivered again (attempt > 1): a trainer died or released its trial."),
            new Metric(TRIALS_QUEUED, Type.GAUGE, List.of(), RESULTS,
                    "Trials suggested and not started yet, over all studies (half of the autoscaling signal)."),
            new Metric(TRIALS_RUNNING, Type.GAUGE, List.of(), RESULTS,
                    "Trials started and not final yet, over all studies (the other half of the autoscaling signal)."),
            new Metric(TRIALS_STARTED, Type.COUNTER, List.of(), RESULTS,
                    "Trials whose first attempt started (counted live, not during the start-up replay)."),
            new Metric(TRIALS_FINISHED, Type.COUNTER, List.of(TAG_OUTCOME), RESULTS,
                    "Final decisions published, one per trial: completed, stopped (pruned) or failed."),
            new Metric(TRIALS_EPOCHS_SAVED, Type.COUNTER, List.of(), RESULTS,
                    "Epochs not run because a trial of a running study was stopped early (maxEpochs - epochs run)."),
            new Metric(SCHEDULER_DECISIONS, Type.COUNTER, List.of(TAG_ACTION), RESULTS,
                    "Decisions published on hpo.trial.decided, by action (stop, completed, stopped, failed)."),
            new Metric(SCHEDULER_DECISIONS_UNPUBLISHED, Type.COUNTER, List.of(TAG_ACTION), RESULTS,
                    "Decisions that could not be published after the retries (re-derived at the next start)."),
            new Metric(DECISION_LATENCY, Type.TIMER, List.of(TAG_ACTION), RESULTS,
                    "From the occurredAt of the report or study change that caused a decision to the broker's ack of the decision (percentile histogram)."),
            new Metric(STUDIES_ACTIVE, Type.GAUGE, List.of(), RESULTS,
                    "Studies in state RUNNING."),
            new Metric(STUDY_BEST_OBJECTIVE, Type.GAUGE, List.of(TAG_STUDY), RESULTS,
                    "Best objective value of a running study's completed trials; the series is removed when the study ends."),
            new Metric(STUDY_EPOCHS_USED, Type.GAUGE, List.of(TAG_STUDY), RESULTS,
                    "Epochs run by a running study's trials, every attempt included; removed when the study ends."),
            new Metric(STUDY_EPOCHS_BUDGET, Type.GAUGE, List.of(TAG_STUDY), RESULTS,
                    "A running study's epoch budget, maxTrials x maxEpochs; removed when the study ends."),
            new Metric(STUDY_TRIALS_FINISHED, Type.GAUGE, List.of(TAG_STUDY), RESULTS,
                    "Final trials of a running study; removed when the study ends."),
            new Metric(STUDY_TRIALS_BUDGET, Type.GAUGE, List.of(TAG_STUDY), RESULTS,
                    "maxTrials of a running study; removed when the study ends."),
            new Metric(WORKQUEUE_GIVEN_UP, Type.COUNTER, List.of(), RESULTS,
                    "Trials reported FAILED by the work-queue audit: the share group finished their work item without a final report and no attempt was left."),
            new Metric(DEAD_LETTERED, Type.COUNTER, List.of(TAG_TOPIC), ALL_SERVICES,
                    "Records sent to <topic>.dlq, by the topic they were consumed from."));

    private MetricNames() {
    }

    public static Optional<Metric> byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The metric named {@code name}; fails for a name that is not in {@link #ALL}. */
    public static Metric require(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("name must be a Tunestream metric, but was " + name));
    }

    /** Every Prometheus series name the services export (see {@link Metric#prometheusNames()}). */
    public static List<String> prometheusNames() {
        var names = new ArrayList<String>();
        ALL.forEach(m -> names.addAll(m.prometheusNames()));
        return List.copyOf(names);
    }
}

package io.tunestream.contracts;

import java.util.List;

/**
 * Kafka topic names, {@code hpo.<entity>.<past-tense-verb>}. Every event topic is keyed by study id,
 * so the events of one study stay in order on one partition.
 */
public final class Topics {

    /** Study lifecycle: the whole study (spec + state) on every change; compacted by study id. */
    public static final String STUDY_CHANGED = "hpo.study.changed";
    /** The work queue: one record per trial to run, consumed by trainers through a share group. */
    public static final String TRIAL_SUGGESTED = "hpo.trial.suggested";
    /** What trainers saw: started, one record per epoch, completed, stopped, failed. */
    public static final String TRIAL_REPORTED = "hpo.trial.reported";
    /** What results-service decided: STOP orders and final outcomes the suggester learns from. */
    public static final String TRIAL_DECIDED = "hpo.trial.decided";

    public static final List<String> EVENT_TOPICS = List.of(STUDY_CHANGED, TRIAL_SUGGESTED, TRIAL_REPORTED, TRIAL_DECIDED);

    /** Header names on dead-lettered records (SmallRye's names, shared by our own dead-lettering). */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";

    private Topics() {
    }

    /** The dead-letter topic of a consumed topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    public static List<String> deadLetterTopics() {
        return EVENT_TOPICS.stream().map(Topics::deadLetter).toList();
    }
}

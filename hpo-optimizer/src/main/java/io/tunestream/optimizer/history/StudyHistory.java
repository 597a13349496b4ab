package io.tunestream.optimizer.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of a study's trials, ordered by trial number.
 *
 * <p>The order is by number rather than by arrival because services rebuild this snapshot from event
 * streams whose interleaving differs between replays; a sampler that iterates over the history must
 * see the same sequence every time.
 */
public final class StudyHistory {

    private static final StudyHistory EMPTY = new StudyHistory(List.of());

    private final List<TrialRecord> trials;
    private final List<TrialRecord> completed;
    private final List<TrialRecord> pending;

    private StudyHistory(List<TrialRecord> trials) {
        this.trials = trials;
        this.completed = trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETED && t.loss().isPresent())
                .toList();
        this.pending = trials.stream().filter(t -> t.state() == TrialState.RUNNING).toList();
    }

    /**
     * A snapshot of {@code trials}, sorted by trial number.
     *
     * @throws IllegalArgumentException when two trials share a number
     */
    public static StudyHistory of(List<TrialRecord> trials) {
        Objects.requireNonNull(trials, "`trials` must not be null");
        List<TrialRecord> sorted = new ArrayList<>(trials.size());
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord trial = Objects.requireNonNull(trials.get(i), "`trials[" + i + "]` must not be null");
            if (!numbers.add(trial.number())) {
                throw new IllegalArgumentException("`trials` must have distinct numbers, but number "
                        + trial.number() + " appears more than once");
            }
            sorted.add(trial);
        }
        sorted.sort(Comparator.comparingLong(TrialRecord::number));
        return new StudyHistory(List.copyOf(sorted));
    }

    public static StudyHistory empty() {
        return EMPTY;
    }

    /** Every trial, by number. */
    public List<TrialRecord> trials() {
        return trials;
    }

    /** Trials that completed with a loss, by number. */
    public List<TrialRecord> completed() {
        return completed;
    }

    /** Trials still running, by number: suggestions in flight that samplers should not repeat. */
    public List<TrialRecord> pending() {
        return pending;
    }

    /**
     * The completed trial with the lowest loss; the lowest number wins a tie. Stopped trials do not
     * count: their loss belongs to a smaller budget.
     */
    public Optional<TrialRecord> best() {
        return completed.stream().min(Comparator.comparingDouble((TrialRecord t) -> t.loss().getAsDouble())
                .thenComparingLong(TrialRecord::number));
    }

    public int size() {
        return trials.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StudyHistory that && trials.equals(that.trials);
    }

    @Override
    public int hashCode() {
        return trials.hashCode();
    }

    @Override
    public String toString() {
        return "StudyHistory[size=" + trials.size() + ", completed=" + completed.size() + ", pending="
                + pending.size() + "]";
    }
}

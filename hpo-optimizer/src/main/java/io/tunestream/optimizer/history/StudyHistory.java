package io.tunestream.optimizer.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of a study's trials, ordered by trial number, and of the losses they had at
 * intermediate budgets ({@link BudgetObservation}s, ordered by budget then trial number; empty unless
 * the snapshot was built with {@link #of(List, List)}).
 *
 * <p>The order is by number rather than by arrival because services rebuild this snapshot from event
 * streams whose interleaving differs between replays; a sampler that iterates over the history must
 * see the same sequence every time.
 */
public final class StudyHistory {

    private static final StudyHistory EMPTY = new StudyHistory(List.of(), List.of());

    private final List<TrialRecord> trials;
    private final List<BudgetObservation> observations;
    private final List<TrialRecord> completed;
    private final List<TrialRecord> pending;

    private StudyHistory(List<TrialRecord> trials, List<BudgetObservation> observations) {
        this.trials = trials;
        this.observations = observations;
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
        return new StudyHistory(List.copyOf(sorted), List.of());
    }

    /**
     * A snapshot of {@code trials} with their losses at intermediate budgets; observations are sorted
     * by budget, then trial number.
     *
     * @throws IllegalArgumentException when two trials share a number, an observation names a trial
     *                                  that is not in {@code trials}, or a trial has two observations at
     *                                  the same budget
     */
    public static StudyHistory of(List<TrialRecord> trials, List<BudgetObservation> observations) {
        Objects.requireNonNull(observations, "`observations` must not be null");
        StudyHistory history = of(trials);
        Set<Long> numbers = new HashSet<>();
        history.trials.forEach(t -> numbers.add(t.number()));
        Set<List<Long>> seen = new HashSet<>();
        List<BudgetObservation> sorted = new ArrayList<>(observations.size());
        for (int i = 0; i < observations.size(); i++) {
            BudgetObservation observation = Objects.requireNonNull(observations.get(i), "`observations[" + i + "]` must not be null");
            if (!numbers.contains(observation.trialNumber())) {
                throw new IllegalArgumentException("`observations` must refer to trials of the history, but trial "
                        + observation.trialNumber() + " is not one");
            }
            if (!seen.add(List.of(observation.trialNumber(), (long) observation.epochs()))) {
                throw new IllegalArgumentException("`observations` must hold one loss per trial and budget, but trial "
                        + observation.trialNumber() + " has more than one at " + observation.epochs() + " epochs");
            }
            sorted.add(observation);
        }
        sorted.sort(Comparator.comparingInt(BudgetObservation::epochs).thenComparingLong(BudgetObservation::trialNumber));
        return new StudyHistory(history.trials, List.copyOf(sorted));
    }

    public static StudyHistory empty() {
        return EMPTY;
    }

    /** Every trial, by number. */
    public List<TrialRecord> trials() {
        return trials;
    }

    /** Losses at intermediate budgets, by budget then trial number; empty when none were recorded. */
    public List<BudgetObservation> observations() {
        return observations;
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
        return other instanceof StudyHistory that && trials.equals(that.trials) && observations.equals(that.observations);
    }

    @Override
    public int hashCode() {
        return 31 * trials.hashCode() + observations.hashCode();
    }

    @Override
    public String toString() {
        return "StudyHistory[size=" + trials.size() + ", completed=" + completed.size() + ", pending="
                + pending.size() + ", observations=" + observations.size() + "]";
    }
}

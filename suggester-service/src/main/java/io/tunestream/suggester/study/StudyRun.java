package io.tunestream.suggester.study;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

import io.tunestream.contracts.SchemaVersion;
import io.tunestream.contracts.events.StudyChanged;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.FinalizeJob;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.RetryOf;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.FinalizeSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.history.BudgetObservation;
import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.history.TrialState;
import io.tunestream.optimizer.objective.Direction;
import io.tunestream.optimizer.sampler.Sampler;
import io.tunestream.optimizer.sampler.SuggestionContext;
import io.tunestream.optimizer.space.SearchSpace;

/**
 * One study as the suggester runs it. Not thread-safe: {@link StudyRegistry} serialises access.
 *
 * <p>Every method returns what must be published ({@link Effects}); nothing here talks to Kafka.
 * Trials are numbered 0, 1, 2, ... and trial n's configuration depends only on (seed, n, history),
 * so a replay reproduces the suggestions.
 */
public final class StudyRun {

    private final String studyId;
    private final StudySpec spec;
    private final SearchSpace space;
    private final Sampler sampler;
    private final Direction direction;
    private final Map<Long, TrialRecord> trials = new LinkedHashMap<>();
    /** Running trials told to STOP: their slot is free at once, their final outcome is still to come. */
    private final java.util.Set<Long> stopping = new java.util.HashSet<>();
    /** The furthest epoch known per trial (PROMOTED rungs of running trials, final epochs of the others). */
    private final Map<Long, Integer> epochsUsed = new java.util.HashMap<>();
    /** Trial number -> the attempt after which its work item was last published again (RETRY). */
    private final Map<Long, Integer> retriedAfter = new java.util.HashMap<>();
    /** Trial number → (epoch → loss): every PROMOTED rung and final epoch with a value, for budget-aware samplers (BOHB). */
    private final Map<Long, Map<Integer, Double>> observed = new java.util.HashMap<>();
    private StudyState state = StudyState.RUNNING;
    private String reason;
    private boolean exhausted;
    /** The study's end (test evaluation of its best trial), when its backend has one. */
    private final Optional<FinalizeSpec> finalizePlan;
    private boolean finalizeSuggested;
    /** The final evaluation's outcome once its decision arrived ("done", or why it failed or was skipped). */
    private Optional<String> finalizeOutcome = Optional.empty();

    StudyRun(String studyId, StudySpec spec) {
        this(studyId, spec, (s, sampler) -> sampler);
    }

    /** @param decorate wraps the spec's sampler, e.g. to time it; the core never depends on metrics */
    StudyRun(String studyId, StudySpec spec, BiFunction<StudySpec, Sampler, Sampler> decorate) {
        this.studyId = studyId;
        this.spec = spec;
        this.space = SamplerFactory.searchSpace(spec);
        this.sampler = decorate.apply(spec, SamplerFactory.sampler(spec));
        this.direction = spec.objective().maximize() ? Direction.MAXIMIZE : Direction.MINIMIZE;
        this.finalizePlan = spec.finalizePlan();
    }

    /** What a change of this study requires to be published, in order. */
    public record Effects(List<StudyChanged> studyChanges, List<TrialSuggested> suggestions) {
        static Effects none() {
            return new Effects(List.of(), List.of());
        }

        public boolean isEmpty() {
            return studyChanges.isEmpty() && suggestions.isEmpty();
        }
    }

    /** The study announcement and the first {@code maxParallel} trials. */
    Effects start() {
        var created = snapshot();
        var suggestions = new ArrayList<>(topUp());
        finalizeIfDue().ifPresent(suggestions::add);
        var changes = new ArrayList<StudyChanged>();
        changes.add(created);
        completeIfDone().ifPresent(changes::add);
        return new Effects(changes, suggestions);
    }

    /**
     * Learns a final outcome and tops up. Decisions for unknown trials, repeated decisions and STOP
     * orders change nothing (at-least-once delivery).
     */
    /** Whether this study ever suggested trial {@code number}. */
    /**
     * Why this run cannot apply {@code decision}: it names a trial number the run never suggested, or a
     * final evaluation it never asked for (that job has no trial number of its own among the trials).
     */
    Optional<String> whyUnknown(TrialDecided decision) {
        if (TrialSuggested.isFinalTrialId(studyId, decision.trialId())) {
            return finalizeSuggested ? Optional.empty()
                    : Optional.of("study " + studyId + " never asked for a final evaluation (" + decision.trialId() + ")");
        }
        return trials.containsKey(decision.trialNumber()) ? Optional.empty()
                : Optional.of("study " + studyId + " never suggested trial number " + decision.trialNumber()
                        + " (" + decision.trialId() + ")");
    }

    Effects onDecision(TrialDecided decision) {
        if (TrialSuggested.isFinalTrialId(studyId, decision.trialId())) {
            return onFinalDecision(decision);
        }
        var trial = trials.get(decision.trialNumber());
        if (trial == null || trial.state() != TrialState.RUNNING) {
            return Effects.none();
        }
        switch (decision.action()) {
            case RETRY -> {
                return retry(trial, decision);
            }
            case PROMOTED -> {
                epochsUsed.merge(trial.number(), decision.epoch(), Math::max);
                observe(decision);
                return Effects.none();
            }
            case STOP -> {
                // The trainer ends the trial within an epoch; its slot is free for the next one now.
                if (!stopping.add(trial.number())) {
                    return Effects.none();
                }
                epochsUsed.merge(trial.number(), decision.epoch(), Math::max);
                observe(decision);
            }
            default -> {
                stopping.remove(trial.number());
                epochsUsed.merge(trial.number(), decision.epoch(), Math::max);
                observe(decision);
                trials.put(trial.number(), finished(trial, decision));
            }
        }
        var suggestions = new ArrayList<TrialSuggested>(state == StudyState.RUNNING ? topUp() : List.of());
        finalizeIfDue().ifPresent(suggestions::add);
        var changes = new ArrayList<StudyChanged>();
        completeIfDone().ifPresent(changes::add);
        return new Effects(changes, suggestions);
    }

    /**
     * The outcome of the study's final evaluation: the study completes. A repeated decision, or one
     * for a final evaluation this run never asked for, changes nothing.
     */
    private Effects onFinalDecision(TrialDecided decision) {
        if (!finalizeSuggested || finalizeOutcome.isPresent() || !decision.action().isFinal()) {
            return Effects.none();
        }
        finalizeOutcome = Optional.of(switch (decision.action()) {
            case COMPLETED -> "best trial evaluated on the test set";
            case FAILED -> "final evaluation failed" + (decision.reason() == null ? "" : ": " + decision.reason());
            default -> "final evaluation stopped" + (decision.reason() == null ? "" : ": " + decision.reason());
        });
        return new Effects(completeIfDone().map(List::of).orElse(List.of()), List.of());
    }

    /**
     * When the search is over (budget spent, nothing running) and the study has a final evaluation:
     * the one work item that evaluates the best completed trial on the test set, with that trial's
     * configuration, epochs and seed (so that without retraining it reproduces the selected model).
     * Numbered after the last trial and with its own id, so it never collides with a trial.
     */
    private Optional<TrialSuggested> finalizeIfDue() {
        if (finalizePlan.isEmpty() || finalizeSuggested || finalizeOutcome.isPresent() || state != StudyState.RUNNING
                || !searchOver() || running() > 0) {
            return Optional.empty();
        }
        Optional<TrialRecord> best = trials.values().stream()
                .filter(t -> t.state() == TrialState.COMPLETED && t.loss().isPresent() && Double.isFinite(t.loss().getAsDouble()))
                .min(java.util.Comparator.comparingDouble((TrialRecord t) -> t.loss().getAsDouble()).thenComparingLong(TrialRecord::number));
        if (best.isEmpty()) {
            finalizeOutcome = Optional.of("no trial completed with a value, so there is nothing to evaluate on the test set");
            return Optional.empty();
        }
        var trial = best.get();
        var plan = finalizePlan.get();
        finalizeSuggested = true;
        int epochs = Math.max(1, trial.epochs() > 0 ? trial.epochs() : spec.budget().maxEpochs());
        var job = new FinalizeJob(trial.number(), TrialSuggested.trialId(studyId, trial.number()), plan.retrainOrDefault(),
                plan.modelDirectory().orElse(null));
        return Optional.of(new TrialSuggested(SchemaVersion.CURRENT, studyId, TrialSuggested.finalTrialId(studyId), trials.size(),
                trial.params(), epochs, spec.objective().metric(), spec.trainer(), trialSeed(trial.number()), Instant.now(), job));
    }

    /** Whether the search itself is over: no more trials will be suggested. */
    private boolean searchOver() {
        return exhausted || trials.size() >= spec.budget().maxTrials() || epochBudgetSpent();
    }

    /**
     * Rebuilds a run that has not started from what the topics hold (see {@link StudyRecovery}): the
     * trials already suggested, with their configurations as published, then the decisions on them in
     * topic order. Samples and publishes nothing; {@link #resume()} tops up afterwards.
     *
     * @param suggested trial number to configuration, numbers 0..n-1 without gaps
     */
    void restore(StudyState savedState, String savedReason, java.util.SortedMap<Long, Map<String, Object>> suggested,
                 List<TrialDecided> decisions) {
        restore(savedState, savedReason, suggested, decisions, false);
    }

    /** @param finalizeAlreadySuggested whether the study's final evaluation is on the work queue already */
    void restore(StudyState savedState, String savedReason, java.util.SortedMap<Long, Map<String, Object>> suggested,
                 List<TrialDecided> decisions, boolean finalizeAlreadySuggested) {
        if (!trials.isEmpty()) {
            throw new IllegalStateException("study " + studyId + " has started; only a new run can be restored");
        }
        if (!suggested.isEmpty() && suggested.lastKey() != suggested.size() - 1) {
            throw new IllegalArgumentException("`suggested` must hold trials 0.." + (suggested.size() - 1)
                    + " without gaps, but its last trial was " + suggested.lastKey());
        }
        suggested.forEach((number, params) -> trials.put(number, TrialRecord.running(number, params)));
        finalizeSuggested = finalizeAlreadySuggested;
        // While the decisions are re-applied the run is not RUNNING: onDecision then neither tops up
        // nor completes, it only learns the outcomes (and whatever a sampler learns from them).
        state = StudyState.STOPPED;
        decisions.forEach(this::onDecision);
        state = savedState;
        reason = savedReason;
    }

    /** After {@link #restore}: the trials a running study still needs, and its completion if its budget is spent. */
    Effects resume() {
        if (state != StudyState.RUNNING) {
            return Effects.none();
        }
        var suggestions = new ArrayList<>(topUp());
        finalizeIfDue().ifPresent(suggestions::add);
        return new Effects(completeIfDone().map(List::of).orElse(List.of()), suggestions);
    }

    /** A user's stop: no new trials; results-service tells the running ones to stop. */
    Effects stop(String why) {
        if (state.isFinal()) {
            return Effects.none();
        }
        state = StudyState.STOPPED;
        reason = why;
        return new Effects(List.of(snapshot()), List.of());
    }

    private List<TrialSuggested> topUp() {
        var suggestions = new ArrayList<TrialSuggested>();
        while (!exhausted && inFlight() < spec.budget().maxParallel() && trials.size() < spec.budget().maxTrials() && !epochBudgetSpent()) {
            long number = trials.size();
            Optional<Map<String, Object>> params = sampler.sample(space, history(), SuggestionContext.of(seed(), number));
            if (params.isEmpty()) {
                exhausted = true;
                break;
            }
            trials.put(number, TrialRecord.running(number, params.get()));
            suggestions.add(suggestion(number, params.get()));
        }
        return suggestions;
    }

    /** Trial {@code number}'s work item: the same for every copy of it, but for the time and the retry. */
    private TrialSuggested suggestion(long number, Map<String, Object> params) {
        return new TrialSuggested(SchemaVersion.CURRENT, studyId, TrialSuggested.trialId(studyId, number), number,
                params, spec.budget().maxEpochs(), spec.objective().metric(), spec.trainer(), trialSeed(number), Instant.now());
    }

    /**
     * results-service found the trial's work item given up on by the work queue with attempts left: the
     * item is published again, once per decision (a RETRY delivered twice, or one re-read at a restart,
     * publishes nothing more; should the suggester die between the decision and the copy, results-service
     * reports the trial FAILED when no copy comes). The trial keeps its slot meanwhile.
     */
    private Effects retry(TrialRecord trial, TrialDecided decision) {
        Integer done = retriedAfter.get(trial.number());
        if (done != null && done >= decision.attempt()) {
            return Effects.none();
        }
        retriedAfter.put(trial.number(), decision.attempt());
        if (state != StudyState.RUNNING) {
            return Effects.none();
        }
        var copy = suggestion(trial.number(), trial.params()).retried(new RetryOf(decision.attempt(), decision.attemptsLeft()), Instant.now());
        return new Effects(List.of(), List.of(copy));
    }

    private Optional<StudyChanged> completeIfDone() {
        boolean budgetSpent = searchOver();
        boolean finalized = finalizePlan.isEmpty() || finalizeOutcome.isPresent();
        if (state == StudyState.RUNNING && budgetSpent && running() == 0 && finalized) {
            state = StudyState.COMPLETED;
            reason = exhausted ? "search space exhausted after " + trials.size() + " trials"
                    : trials.size() >= spec.budget().maxTrials() ? "maxTrials reached"
                    : "maxEpochsTotal reached (" + epochsUsed() + " epochs)";
            if (finalizeOutcome.isPresent()) {
                reason = reason + "; " + finalizeOutcome.get();
            }
            return Optional.of(snapshot());
        }
        return Optional.empty();
    }

    /**
     * The total epoch budget ({@code budget.maxEpochsTotal}), counted as a trial's furthest known
     * epoch: trials already running when it is reached still finish, so a study may exceed it by at
     * most the epochs of the trials in flight then.
     */
    private boolean epochBudgetSpent() {
        Integer limit = spec.budget().maxEpochsTotal();
        return limit != null && epochsUsed() >= limit;
    }

    public long epochsUsed() {
        return epochsUsed.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Trials not final yet, including those told to stop. */
    private int running() {
        return (int) trials.values().stream().filter(t -> t.state() == TrialState.RUNNING).count();
    }

    /**
     * Records the trial's loss at the decision's epoch when the decision carries a value: PROMOTED (its
     * value at the rung), COMPLETED and STOPPED (at their final epoch), and a STOP that carries one.
     * FAILED teaches nothing; a repeated decision changes nothing.
     */
    private void observe(TrialDecided decision) {
        boolean informative = decision.action() != io.tunestream.contracts.events.DecisionAction.FAILED;
        if (informative && decision.value() != null && decision.epoch() >= 1) {
            observed.computeIfAbsent(decision.trialNumber(), n -> new java.util.HashMap<>())
                    .putIfAbsent(decision.epoch(), direction.toLoss(decision.value()));
        }
    }

    private TrialRecord finished(TrialRecord trial, TrialDecided decision) {
        OptionalDouble loss = decision.value() == null ? OptionalDouble.empty() : OptionalDouble.of(direction.toLoss(decision.value()));
        return switch (decision.action()) {
            case COMPLETED -> TrialRecord.completed(trial.number(), trial.params(), loss.orElse(Double.POSITIVE_INFINITY), decision.epoch());
            case STOPPED -> loss.isPresent()
                    ? TrialRecord.stopped(trial.number(), trial.params(), loss.getAsDouble(), decision.epoch())
                    : TrialRecord.failed(trial.number(), trial.params());
            default -> TrialRecord.failed(trial.number(), trial.params());
        };
    }

    /** The trial's own seed, for its training backend: derived, so a replay trains identically. */
    private long trialSeed(long number) {
        return SuggestionContext.of(seed(), number).rng().nextLong();
    }

    StudyChanged snapshot() {
        return StudyChanged.of(studyId, state, spec, trials.size(), reason);
    }

    /** What the sampler sees: every trial, and the losses they had at each budget. */
    StudyHistory history() {
        var observations = new ArrayList<BudgetObservation>();
        observed.forEach((number, byEpoch) -> byEpoch.forEach((epoch, loss) -> observations.add(BudgetObservation.of(number, epoch, loss))));
        return StudyHistory.of(List.copyOf(trials.values()), observations);
    }

    private long seed() {
        return spec.seed();
    }

    public String studyId() {
        return studyId;
    }

    public StudySpec spec() {
        return spec;
    }

    public StudyState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public int suggested() {
        return trials.size();
    }

    /** Trials holding a slot: running and not told to stop. */
    public int inFlight() {
        return running() - stopping.size();
    }

    /** Whether the study's final evaluation has been put on the work queue. */
    public boolean finalizeSuggested() {
        return finalizeSuggested;
    }

    public int finishedCount() {
        return suggested() - running();
    }
}

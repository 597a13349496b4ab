package io.tunestream.bench.run;

import io.tunestream.optimizer.history.BudgetObservation;
import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import io.tunestream.optimizer.sampler.Sampler;
import io.tunestream.optimizer.sampler.SuggestionContext;
import io.tunestream.optimizer.scheduler.SchedulerAction;
import io.tunestream.optimizer.scheduler.TrialDecision;
import io.tunestream.optimizer.scheduler.TrialScheduler;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Runs one multi-fidelity study in virtual time, the way a cluster of {@code workers} trainers would:
 * each free worker takes the sampler's next suggestion (the trials still training are pending in the
 * history), trains it epoch by epoch (epoch {@code e} takes {@code epochSeconds[e-1]} virtual seconds),
 * and reports each epoch's loss to the scheduler. A STOP or COMPLETE about a trial ends it at that epoch
 * (a STOP about another, still training trial ends that one where it is); a trial that reaches the
 * curve's last epoch completes. The study ends when {@code budget} epochs have been spent, counting every
 * epoch of every trial, stopped or not (the YAHPO accounting: a trial costs the epochs it ran).
 *
 * <p>With {@code observations} on, every rung decision (PROMOTE or STOP at a rung) and every COMPLETE is
 * recorded as a {@link BudgetObservation} in the history the sampler sees, which is what BOHB's sampler
 * needs. Ties in virtual time are broken by the order events were scheduled, so a run is a pure
 * function of its inputs.
 */
public final class VirtualTimeSimulator {

    private VirtualTimeSimulator() {
    }

    /**
     * @param scheduler    the scheduler, or {@code null} to train every trial to the last epoch
     * @param workers      trials trained at once, {@code >= 1}
     * @param budget       epochs the study may spend, {@code >= 1}
     * @throws IllegalStateException when the sampler runs out of suggestions
     */
    public static MultiFidelityResult run(String problem, String method, SearchSpace space, CurveSource curves,
                                          Sampler sampler, TrialScheduler scheduler, boolean observations,
                                          long seed, int workers, int budget) {
        Objects.requireNonNull(space, "`space` must not be null");
        Objects.requireNonNull(curves, "`curves` must not be null");
        Objects.requireNonNull(sampler, "`sampler` must not be null");
        if (workers < 1) {
            throw new IllegalArgumentException("`workers` must be >= 1, but was " + workers);
        }
        if (budget < 1) {
            throw new IllegalArgumentException("`budget` must be >= 1, but was " + budget);
        }
        return new Run(problem, method, space, curves, sampler, scheduler, observations, seed, workers, budget).execute();
    }

    private static final class Running {
        final long number;
        final Map<String, Object> params;
        final LearningCurve curve;
        int epochs;
        boolean ended;

        Running(long number, Map<String, Object> params, LearningCurve curve) {
            this.number = number;
            this.params = params;
            this.curve = curve;
        }
    }

    /** Epoch {@code running.epochs + 1} of a trial finishes at {@code time}. */
    private record Event(double time, long order, Running trial) {
    }

    private static final class Run {
        final String problem;
        final String method;
        final SearchSpace space;
        final CurveSource curves;
        final Sampler sampler;
        final TrialScheduler scheduler;
        final boolean recordObservations;
        final long seed;
        final int workers;
        final int budget;
        final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
                ? Double.compare(a.time, b.time) : Long.compare(a.order, b.order));
        final Map<Long, Running> running = new LinkedHashMap<>();
        final List<TrialRecord> finished = new ArrayList<>();
        final List<BudgetObservation> observations = new ArrayList<>();
        final Set<List<Long>> observed = new HashSet<>();
        final double[] epochLosses;
        int spent;
        long nextNumber;
        long order;
        int stopped;

        Run(String problem, String method, SearchSpace space, CurveSource curves, Sampler sampler,
            TrialScheduler scheduler, boolean observations, long seed, int workers, int budget) {
            this.problem = problem;
            this.method = method;
            this.space = space;
            this.curves = curves;
            this.sampler = sampler;
            this.scheduler = scheduler;
            this.recordObservations = observations;
            this.seed = seed;
            this.workers = workers;
            this.budget = budget;
            this.epochLosses = new double[budget];
        }

        MultiFidelityResult execute() {
            long start = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                startTrial(0.0);
            }
            while (spent < budget) {
                Event event = queue.poll();
                if (event == null) {
                    throw new IllegalStateException("no trial is training, but the budget is not spent");
                }
                Running trial = event.trial;
                if (trial.ended) {
                    continue;
                }
                int epoch = ++trial.epochs;
                double loss = trial.curve.losses()[epoch - 1];
                epochLosses[spent++] = loss;
                if (spent == budget) {
                    break;
                }
                boolean ends = epoch >= trial.curve.maxEpochs();
                boolean stop = false;
                if (scheduler != null) {
                    for (TrialDecision decision : scheduler.onReport(trial.number, epoch, loss)) {
                        if (decision.trialNumber() == trial.number) {
                            observe(trial.number, decision);
                            if (decision.action() == SchedulerAction.STOP) {
                                stop = true;
                            }
                            ends |= decision.endsTrial();
                        } else {
                            other(decision, event.time);
                        }
                    }
                }
                if (ends) {
                    end(trial, stop, event.time);
                } else {
                    queue.add(new Event(event.time + trial.curve.epochSeconds()[epoch], order++, trial));
                }
            }
            return new MultiFidelityResult(problem, method, seed, epochLosses, (int) nextNumber, stopped,
                    (System.nanoTime() - start) / 1e9);
        }

        /** A synchronous scheduler's decision about another trial. */
        private void other(TrialDecision decision, double now) {
            Running trial = running.get(decision.trialNumber());
            if (trial == null) {
                return;
            }
            observe(trial.number, decision);
            if (decision.endsTrial() && trial.epochs > 0) {
                end(trial, decision.action() == SchedulerAction.STOP, now);
            }
        }

        private void observe(long number, TrialDecision decision) {
            if (!recordObservations) {
                return;
            }
            boolean atRung = decision.rung().isPresent()
                    && (decision.action() == SchedulerAction.PROMOTE || decision.action() == SchedulerAction.STOP);
            if (!atRung && decision.action() != SchedulerAction.COMPLETE) {
                return;
            }
            Running trial = running.get(number);
            if (trial == null || decision.epoch() > trial.curve.maxEpochs()
                    || !observed.add(List.of(number, (long) decision.epoch()))) {
                return;
            }
            observations.add(BudgetObservation.of(number, decision.epoch(), trial.curve.losses()[decision.epoch() - 1]));
        }

        private void end(Running trial, boolean stop, double now) {
            trial.ended = true;
            running.remove(trial.number);
            double loss = trial.curve.losses()[trial.epochs - 1];
            finished.add(stop ? TrialRecord.stopped(trial.number, trial.params, loss, trial.epochs)
                    : TrialRecord.completed(trial.number, trial.params, loss, trial.epochs));
            if (stop) {
                stopped++;
            }
            if (scheduler != null) {
                for (TrialDecision decision : scheduler.onTrialEnded(trial.number)) {
                    other(decision, now);
                }
            }
            startTrial(now);
        }

        private void startTrial(double now) {
            long number = nextNumber++;
            List<TrialRecord> known = new ArrayList<>(finished.size() + running.size());
            known.addAll(finished);
            for (Running r : running.values()) {
                known.add(TrialRecord.running(r.number, r.params));
            }
            StudyHistory history = recordObservations ? StudyHistory.of(known, observations) : StudyHistory.of(known);
            Optional<Map<String, Object>> params = sampler.sample(space, history, SuggestionContext.of(seed, number));
            Map<String, Object> chosen = params.orElseThrow(() -> new IllegalStateException(method
                    + " ran out of suggestions on " + problem + " after " + number + " trials"));
            Running trial = new Running(number, chosen, curves.curve(chosen));
            running.put(number, trial);
            queue.add(new Event(now + trial.curve.epochSeconds()[0], order++, trial));
        }
    }
}

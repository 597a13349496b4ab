package io.tunestream.optimizer.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Synchronous successive halving (Jamieson & Talwalkar 2016, "Non-stochastic Best Arm Identification
 * and Hyperparameter Optimization", AISTATS; the inner loop of Hyperband, Li et al. 2018, JMLR).
 *
 * <p>Symbols: {@code n} = {@code trialsPerBracket}, {@code r} = {@code minEpochs}, {@code R} =
 * {@code maxEpochs}, {@code η} = {@code eta}. Rung {@code i} sits at {@code r_i = r·η^i} epochs for every
 * {@code i} with {@code r·η^i < R} (K rungs); after the last one, trials train to R.
 *
 * <p>Trials are grouped into brackets of {@code n} consecutive trial numbers ({@code 0..n-1},
 * {@code n..2n-1}, ...), so membership depends on the trial number only and a replay rebuilds the same
 * brackets. Rung {@code i} of a bracket holds {@code n_i = floor(n·η^-i)} trials; once every one of them
 * has reported there (or ended: an ended trial without a loss ranks last), the best
 * {@code floor(n_i/η)} are {@link SchedulerAction#PROMOTE}d and the rest {@link SchedulerAction#STOP}ped,
 * all in one go: this is Li et al.'s rule, and the one place where the count is a floor; the
 * asynchronous rule in {@link Asha} lets {@code ceil(n/η)} through. Ties go to the lower trial number.
 *
 * <p>Trainers here can stop a trial but not pause it, so a trial that reaches a rung keeps training
 * while it waits ({@link SchedulerAction#CONTINUE}), and its promotion or stop is decided when the last
 * trial of the rung reports or ends: {@link #onReport} and {@link #onTrialEnded} then return decisions
 * about other trials. A fast trial may record losses at later rungs while it waits; they count only if
 * it is promoted. Bracket membership assumes the suggester numbers trials densely from 0.
 */
public final class SuccessiveHalving implements TrialScheduler {

    private final Ladder ladder;
    private final int trialsPerBracket;
    private final Map<Long, Cohort> cohorts = new HashMap<>();
    private final Map<Long, Progress> trials = new HashMap<>();

    private SuccessiveHalving(Ladder ladder, int trialsPerBracket) {
        this.ladder = ladder;
        this.trialsPerBracket = trialsPerBracket;
    }

    /**
     * Successive halving over brackets of {@code trialsPerBracket} trials.
     *
     * @param trialsPerBracket n, {@code >= η^K} so that at least one trial of a bracket reaches R
     * @param minEpochs        r, the first rung, {@code >= 1}
     * @param maxEpochs        R, {@code > minEpochs}
     * @param eta              η, {@code >= 2}
     */
    public static SuccessiveHalving of(int trialsPerBracket, int minEpochs, int maxEpochs, int eta) {
        Args.atLeast(trialsPerBracket, 1, "trialsPerBracket");
        Args.atLeast(minEpochs, 1, "minEpochs");
        Args.atLeast(eta, 2, "eta");
        if (maxEpochs <= minEpochs) {
            throw new IllegalArgumentException("`maxEpochs` must be > `minEpochs`, but was maxEpochs="
                    + maxEpochs + ", minEpochs=" + minEpochs);
        }
        Ladder ladder = Ladder.geometric(minEpochs, maxEpochs, eta);
        long needed = Args.pow(eta, ladder.rungs());
        if (trialsPerBracket < needed) {
            throw new IllegalArgumentException("`trialsPerBracket` must be >= eta^" + ladder.rungs() + " = " + needed
                    + " so that a trial reaches maxEpochs " + maxEpochs + ", but was " + trialsPerBracket);
        }
        return new SuccessiveHalving(ladder, trialsPerBracket);
    }

    /** The plan of one bracket: {@code (n_i, r_i)} for each rung, then the trials that reach R. */
    public List<RungPlan> plan() {
        List<RungPlan> plan = new ArrayList<>();
        int n = trialsPerBracket;
        for (int i = 0; i < ladder.rungs(); i++) {
            plan.add(new RungPlan(n, ladder.milestone(i)));
            n /= ladder.eta();
        }
        plan.add(new RungPlan(n, ladder.maxEpochs()));
        return List.copyOf(plan);
    }

    /** Which bracket (0, 1, ...) a trial belongs to. */
    public long bracketOf(long trialNumber) {
        Args.requireTrialNumber(trialNumber);
        return trialNumber / trialsPerBracket;
    }

    @Override
    public List<TrialDecision> onReport(long trialNumber, int epoch, double loss) {
        Args.requireReport(trialNumber, epoch);
        double value = Args.loss(loss);
        Progress trial = progress(trialNumber);
        if (trial.terminal.isPresent()) {
            return List.of(trial.terminal.get());
        }
        if (trial.ended) {
            return List.of(TrialDecision.stop(trialNumber, epoch, "trial " + trialNumber + " already ended"));
        }
        Cohort cohort = cohortOf(trialNumber);
        for (int i = 0; i < ladder.rungs() && ladder.milestone(i) <= epoch; i++) {
            cohort.losses.get(i).putIfAbsent(trialNumber, new Recorded(value, epoch));
        }
        List<TrialDecision> decisions = new ArrayList<>(resolve(cohort));
        boolean aboutThisTrial = decisions.stream().anyMatch(d -> d.trialNumber() == trialNumber);
        if (trial.terminal.isEmpty() && epoch >= ladder.maxEpochs() && cohort.resolved == ladder.rungs()
                && cohort.members.get(ladder.rungs()).contains(trialNumber)) {
            TrialDecision done = TrialDecision.complete(trialNumber, epoch, "reached maxEpochs " + ladder.maxEpochs());
            trial.terminal = Optional.of(done);
            decisions.add(done);
        } else if (!aboutThisTrial) {
            decisions.add(trial.lastPromotion.filter(d -> d.epoch() == epoch)
                    .orElseGet(() -> TrialDecision.continueTraining(trialNumber, epoch, waiting(cohort, trialNumber))));
        }
        return List.copyOf(decisions);
    }

    @Override
    public List<TrialDecision> onTrialEnded(long trialNumber) {
        Args.requireTrialNumber(trialNumber);
        progress(trialNumber).ended = true;
        return resolve(cohortOf(trialNumber));
    }

    /** Decides every rung of the cohort that has become complete, lowest first. */
    private List<TrialDecision> resolve(Cohort cohort) {
        List<TrialDecision> decisions = new ArrayList<>();
        while (cohort.resolved < ladder.rungs()) {
            int rung = cohort.resolved;
            TreeSet<Long> members = cohort.members.get(rung);
            TreeMap<Long, Recorded> losses = cohort.losses.get(rung);
            if (!members.stream().allMatch(m -> losses.containsKey(m) || progress(m).ended)) {
                break;
            }
            List<Long> ranking = new ArrayList<>(members);
            ranking.sort(Comparator.comparingDouble((Long m) -> lossAt(losses, m)).thenComparing(m -> m));
            int keep = members.size() / ladder.eta();
            TreeSet<Long> promoted = new TreeSet<>(ranking.subList(0, keep));
            String rule = "the best " + keep + " of " + members.size() + " trials at " + ladder.describe(rung)
                    + " are promoted (floor(" + members.size() + "/" + ladder.eta() + ")"
                    + (keep > 0 ? ", cutoff " + Args.format(lossAt(losses, ranking.get(keep - 1))) : "") + ")";
            for (long member : members) {
                Progress trial = progress(member);
                if (trial.ended) {
                    continue;
                }
                Recorded at = losses.get(member);
                String why = "loss " + Args.format(at.loss) + " ranks " + (ranking.indexOf(member) + 1) + "; " + rule;
                if (promoted.contains(member)) {
                    TrialDecision d = TrialDecision.promote(member, at.epoch, rung, why + "; next: " + ladder.after(rung));
                    trial.lastPromotion = Optional.of(d);
                    decisions.add(d);
                } else {
                    TrialDecision d = TrialDecision.stopAtRung(member, at.epoch, rung, why);
                    trial.terminal = Optional.of(d);
                    decisions.add(d);
                }
            }
            cohort.members.add(promoted);
            cohort.resolved++;
        }
        return decisions;
    }

    private String waiting(Cohort cohort, long trialNumber) {
        int rung = cohort.resolved;
        if (rung == ladder.rungs()) {
            return "next: maxEpochs " + ladder.maxEpochs();
        }
        TreeMap<Long, Recorded> losses = cohort.losses.get(rung);
        if (!losses.containsKey(trialNumber)) {
            return "next: " + ladder.describe(rung);
        }
        long missing = cohort.members.get(rung).stream()
                .filter(m -> !losses.containsKey(m) && !progress(m).ended)
                .count();
        return "waiting at " + ladder.describe(rung) + " for " + missing + " of "
                + cohort.members.get(rung).size() + " trials; training on meanwhile";
    }

    private static double lossAt(Map<Long, Recorded> losses, long member) {
        Recorded at = losses.get(member);
        return at == null ? Double.POSITIVE_INFINITY : at.loss;
    }

    private Progress progress(long trialNumber) {
        return trials.computeIfAbsent(trialNumber, n -> new Progress());
    }

    private Cohort cohortOf(long trialNumber) {
        return cohorts.computeIfAbsent(trialNumber / trialsPerBracket, index -> {
            Cohort cohort = new Cohort();
            TreeSet<Long> all = new TreeSet<>();
            for (long m = index * trialsPerBracket; m < (index + 1) * trialsPerBracket; m++) {
                all.add(m);
            }
            cohort.members.add(all);
            for (int i = 0; i < ladder.rungs(); i++) {
                cohort.losses.add(new TreeMap<>());
            }
            return cohort;
        });
    }

    @Override
    public String toString() {
        return "SuccessiveHalving[trialsPerBracket=" + trialsPerBracket + ", rungs=" + ladder.milestones()
                + ", maxEpochs=" + ladder.maxEpochs() + ", eta=" + ladder.eta() + "]";
    }

    private record Recorded(double loss, int epoch) {
    }

    private static final class Cohort {
        /** members.get(i): the trials that take part in rung i; one more entry per resolved rung. */
        final List<TreeSet<Long>> members = new ArrayList<>();
        final List<TreeMap<Long, Recorded>> losses = new ArrayList<>();
        int resolved;
    }

    private static final class Progress {
        boolean ended;
        Optional<TrialDecision> lastPromotion = Optional.empty();
        Optional<TrialDecision> terminal = Optional.empty();
    }
}

package io.tunestream.optimizer.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asynchronous successive halving, stop-based (Li, Jamieson, Rostamizadeh, Gonina, Ben-Tzur, Hardt,
 * Recht, Talwalkar 2020, "A System for Massively Parallel Hyperparameter Tuning", MLSys; the variant of
 * Ray Tune's {@code ASHAScheduler} and Optuna's {@code SuccessiveHalvingPruner}).
 *
 * <p>Symbols: {@code r} = {@code minEpochs} (the grace period: no trial is stopped before it),
 * {@code R} = {@code maxEpochs}, {@code η} = {@code eta}. Rung {@code k} sits at {@code r·η^k} epochs
 * for every {@code k} with {@code r·η^k < R}; a trial that reaches R is {@link SchedulerAction#COMPLETE}.
 *
 * <p>Rule: when a trial reaches rung {@code k} its loss is recorded there, and it continues
 * ({@link SchedulerAction#PROMOTE}) only if it is in the top {@code 1/η} of the {@code n} losses recorded
 * at that rung so far, itself included; otherwise it is {@link SchedulerAction#STOP}ped. "In the top
 * {@code 1/η}" means fewer than {@code n/η} recorded losses are strictly better, i.e. its rank is at most
 * {@code ceil(n/η)}: judged all at once, {@code n} losses let {@code ceil(n/η)} trials through (ties
 * all pass). The first trial at a rung always passes, as in the paper, where the first trials are
 * promoted before the rung fills. The synchronous rule of Hyperband, {@code floor(n/η)}, is in
 * {@link SuccessiveHalving}; the two agree whenever {@code η} divides {@code n}.
 *
 * <p>A report that skips past several rungs is judged at each of them in turn, with the loss it carries,
 * and answered with one decision per rung (the last one a STOP, or the trial passed them all). Losses
 * stay recorded after their trial ends, as in the paper. A repeated report is answered with the last
 * decision the first one got.
 */
public final class Asha implements TrialScheduler {

    private final Ladder ladder;
    private final String label;
    /** Per rung: every loss recorded there, sorted ascending. */
    private final List<List<Double>> recorded;
    private final Map<Long, Progress> trials = new HashMap<>();

    Asha(Ladder ladder, String label) {
        this.ladder = ladder;
        this.label = label;
        this.recorded = new ArrayList<>();
        for (int k = 0; k < ladder.rungs(); k++) {
            recorded.add(new ArrayList<>());
        }
    }

    /**
     * ASHA with rungs at {@code minEpochs·eta^k < maxEpochs}.
     *
     * @param minEpochs r, the first rung and grace period, {@code >= 1}
     * @param maxEpochs R, the maximum resource, {@code > minEpochs}
     * @param eta       η, the reduction factor, {@code >= 2}
     */
    public static Asha of(int minEpochs, int maxEpochs, int eta) {
        Args.atLeast(minEpochs, 1, "minEpochs");
        Args.atLeast(eta, 2, "eta");
        if (maxEpochs <= minEpochs) {
            throw new IllegalArgumentException("`maxEpochs` must be > `minEpochs`, but was maxEpochs="
                    + maxEpochs + ", minEpochs=" + minEpochs);
        }
        return new Asha(Ladder.geometric(minEpochs, maxEpochs, eta), "");
    }

    /** The rung milestones in epochs, ascending; a trial is complete at {@link #maxEpochs()}. */
    public List<Integer> rungEpochs() {
        return ladder.milestones();
    }

    public int maxEpochs() {
        return ladder.maxEpochs();
    }

    public int eta() {
        return ladder.eta();
    }

    @Override
    public List<TrialDecision> onReport(long trialNumber, int epoch, double loss) {
        Args.requireReport(trialNumber, epoch);
        double value = Args.loss(loss);
        Progress trial = trials.computeIfAbsent(trialNumber, n -> new Progress());
        if (trial.terminal.isPresent()) {
            return List.of(trial.terminal.get());
        }
        if (trial.ended) {
            return List.of(TrialDecision.stop(trialNumber, epoch, label + "trial " + trialNumber + " already ended"));
        }
        List<TrialDecision> judged = new ArrayList<>();
        while (trial.nextRung < ladder.rungs() && ladder.milestone(trial.nextRung) <= epoch) {
            TrialDecision decision = judge(trialNumber, epoch, value, trial.nextRung);
            judged.add(decision);
            if (decision.action() == SchedulerAction.STOP) {
                trial.terminal = Optional.of(decision);
                return List.copyOf(judged);
            }
            trial.lastPromotion = Optional.of(decision);
            trial.nextRung++;
        }
        if (epoch >= ladder.maxEpochs()) {
            TrialDecision done = TrialDecision.complete(trialNumber, epoch,
                    label + "reached maxEpochs " + ladder.maxEpochs());
            trial.terminal = Optional.of(done);
            judged.add(done);
            return List.copyOf(judged);
        }
        if (!judged.isEmpty()) {
            return List.copyOf(judged);
        }
        if (trial.lastPromotion.filter(d -> d.epoch() == epoch).isPresent()) {
            return List.of(trial.lastPromotion.get());
        }
        String next = trial.nextRung < ladder.rungs()
                ? ladder.describe(trial.nextRung)
                : "maxEpochs " + ladder.maxEpochs();
        return List.of(TrialDecision.continueTraining(trialNumber, epoch, label + "next: " + next));
    }

    @Override
    public List<TrialDecision> onTrialEnded(long trialNumber) {
        Args.requireTrialNumber(trialNumber);
        trials.computeIfAbsent(trialNumber, n -> new Progress()).ended = true;
        return List.of();
    }

    private TrialDecision judge(long trialNumber, int epoch, double loss, int rung) {
        List<Double> losses = recorded.get(rung);
        int better = lowerBound(losses, loss);
        losses.add(better, loss);
        int n = losses.size();
        int eta = ladder.eta();
        int keep = (n + eta - 1) / eta;
        double cutoff = losses.get(keep - 1);
        String where = label + "loss " + Args.format(loss) + " at " + ladder.describe(rung);
        String among = " of " + n + " losses recorded there (cutoff " + Args.format(cutoff) + ", "
                + better + " better)";
        if (better < keep) {
            return TrialDecision.promote(trialNumber, epoch, rung,
                    where + " is in the top 1/" + eta + among + "; next: " + ladder.after(rung));
        }
        return TrialDecision.stopAtRung(trialNumber, epoch, rung, where + " is not in the top 1/" + eta + among);
    }

    /** How many values of the ascending list are strictly smaller than {@code value}. */
    private static int lowerBound(List<Double> ascending, double value) {
        int i = Collections.binarySearch(ascending, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && Double.compare(ascending.get(i - 1), value) == 0) {
            i--;
        }
        return i;
    }

    @Override
    public String toString() {
        return "Asha[rungs=" + ladder.milestones() + ", maxEpochs=" + ladder.maxEpochs() + ", eta=" + ladder.eta() + "]";
    }

    private static final class Progress {
        int nextRung;
        boolean ended;
        Optional<TrialDecision> lastPromotion = Optional.empty();
        Optional<TrialDecision> terminal = Optional.empty();
    }
}

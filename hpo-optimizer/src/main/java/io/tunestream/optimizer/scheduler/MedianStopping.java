package io.tunestream.optimizer.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The median stopping rule (Golovin, Solnik, Moitra, Kochanski, Karro, Sculley 2017, "Google Vizier: A
 * Service for Black-Box Optimization", KDD, section 3.2.2).
 *
 * <p>Rule (paper): a running trial is stopped at step {@code s} if its best loss by step {@code s} is
 * strictly worse than the median of the running averages {@code ō_{1:s}} (the mean of the losses each
 * trial reported at steps {@code 1..s}) of the trials that have ended (completed or stopped; Vizier's
 * completed trials) and reached step {@code s}. Here a step is an epoch. Two guards, as in Ray Tune's
 * {@code MedianStoppingRule} and Optuna's {@code MedianPruner}: no trial is stopped at an epoch
 * {@code <= warmupEpochs}, nor while fewer than {@code minTrials} reference trials have reached that epoch.
 *
 * <p>{@link #of} follows the paper and compares with ended trials only; {@link #ofAllTrials} compares
 * with every other trial that has reached the epoch, running or not (Ray Tune's choice), which starts
 * stopping earlier in a study whose first trials are still running.
 *
 * <p>There are no rungs: a STOP names no rung, and this scheduler never completes a trial (it knows no
 * maximum). Epochs that a trial skipped do not enter its average.
 */
public final class MedianStopping implements TrialScheduler {

    private final int warmupEpochs;
    private final int minTrials;
    private final boolean endedOnly;
    /** By trial number, so that every computation visits the trials in the same order. */
    private final TreeMap<Long, Curve> curves = new TreeMap<>();
    private final Set<Long> ended = new HashSet<>();

    private MedianStopping(int warmupEpochs, int minTrials, boolean endedOnly) {
        this.warmupEpochs = Args.atLeast(warmupEpochs, 0, "warmupEpochs");
        this.minTrials = Args.atLeast(minTrials, 1, "minTrials");
        this.endedOnly = endedOnly;
    }

    /**
     * The paper's rule: compare with the trials that have ended.
     *
     * @param warmupEpochs epochs during which no trial is stopped, {@code >= 0}
     * @param minTrials    reference trials needed at an epoch before any trial is stopped there, {@code >= 1}
     */
    public static MedianStopping of(int warmupEpochs, int minTrials) {
        return new MedianStopping(warmupEpochs, minTrials, true);
    }

    /** Like {@link #of}, but compare with every other trial that has reached the epoch, running or ended. */
    public static MedianStopping ofAllTrials(int warmupEpochs, int minTrials) {
        return new MedianStopping(warmupEpochs, minTrials, false);
    }

    @Override
    public List<TrialDecision> onReport(long trialNumber, int epoch, double loss) {
        Args.requireReport(trialNumber, epoch);
        double value = Args.loss(loss);
        Curve curve = curves.computeIfAbsent(trialNumber, n -> new Curve());
        if (curve.stop != null) {
            return List.of(curve.stop);
        }
        if (ended.contains(trialNumber)) {
            return List.of(TrialDecision.stop(trialNumber, epoch, "trial " + trialNumber + " already ended"));
        }
        TrialDecision earlier = curve.decisions.get(epoch);
        if (earlier != null) {
            return List.of(earlier);
        }
        curve.add(epoch, value);
        TrialDecision decision = decide(trialNumber, epoch, curve);
        curve.decisions.put(epoch, decision);
        if (decision.action() == SchedulerAction.STOP) {
            curve.stop = decision;
        }
        return List.of(decision);
    }

    @Override
    public List<TrialDecision> onTrialEnded(long trialNumber) {
        Args.requireTrialNumber(trialNumber);
        ended.add(trialNumber);
        return List.of();
    }

    private TrialDecision decide(long trialNumber, int epoch, Curve curve) {
        if (epoch <= warmupEpochs) {
            return TrialDecision.continueTraining(trialNumber, epoch,
                    "warm-up: epoch " + epoch + " <= warmupEpochs " + warmupEpochs);
        }
        List<Double> averages = new ArrayList<>();
        curves.forEach((other, otherCurve) -> {
            if (other != trialNumber && (!endedOnly || ended.contains(other)) && otherCurve.lastEpoch() >= epoch) {
                averages.add(otherCurve.averageUpTo(epoch));
            }
        });
        String kind = endedOnly ? "ended" : "other";
        if (averages.size() < minTrials) {
            return TrialDecision.continueTraining(trialNumber, epoch, averages.size() + " " + kind
                    + " trials have reached epoch " + epoch + ", fewer than minTrials " + minTrials);
        }
        double median = median(averages);
        double best = curve.bestUpTo(epoch);
        String comparison = "best loss " + Args.format(best) + " by epoch " + epoch + " is %s the median "
                + Args.format(median) + " of the running averages of " + averages.size() + " " + kind + " trials";
        if (best > median) {
            return TrialDecision.stop(trialNumber, epoch, String.format(comparison, "worse than"));
        }
        return TrialDecision.continueTraining(trialNumber, epoch, String.format(comparison, "not worse than"));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[mid];
        }
        double low = sorted[mid - 1];
        double high = sorted[mid];
        // (low + high) / 2 overflows to infinity for large finite values; infinities stay infinite.
        return low == high ? low : low / 2 + high / 2;
    }

    @Override
    public String toString() {
        return "MedianStopping[warmupEpochs=" + warmupEpochs + ", minTrials=" + minTrials
                + ", reference=" + (endedOnly ? "ended trials" : "all other trials") + "]";
    }

    /** One trial's losses by epoch, with prefix sums and minima so that each query is a lookup. */
    private static final class Curve {
        final TreeMap<Integer, Double> losses = new TreeMap<>();
        /** epoch -> {sum of losses up to it, their count, their minimum}. */
        final TreeMap<Integer, double[]> prefix = new TreeMap<>();
        final Map<Integer, TrialDecision> decisions = new HashMap<>();
        TrialDecision stop;

        void add(int epoch, double loss) {
            if (losses.putIfAbsent(epoch, loss) != null) {
                return;
            }
            if (prefix.isEmpty() || epoch > prefix.lastKey()) {
                double[] last = prefix.isEmpty() ? new double[] {0, 0, Double.POSITIVE_INFINITY} : prefix.lastEntry().getValue();
                prefix.put(epoch, new double[] {last[0] + loss, last[1] + 1, Math.min(last[2], loss)});
                return;
            }
            prefix.clear();
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            int count = 0;
            for (Map.Entry<Integer, Double> e : losses.entrySet()) {
                sum += e.getValue();
                min = Math.min(min, e.getValue());
                count++;
                prefix.put(e.getKey(), new double[] {sum, count, min});
            }
        }

        int lastEpoch() {
            return losses.isEmpty() ? 0 : losses.lastKey();
        }

        double averageUpTo(int epoch) {
            double[] p = prefix.floorEntry(epoch).getValue();
            return p[0] / p[1];
        }

        double bestUpTo(int epoch) {
            return prefix.floorEntry(epoch).getValue()[2];
        }
    }
}

package io.tunestream.optimizer.scheduler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hyperband (Li, Jamieson, DeSalvo, Rostamizadeh, Talwalkar 2018, "Hyperband: A Novel Bandit-Based
 * Approach to Hyperparameter Optimization", JMLR 18(185)), composed of asynchronous successive-halving
 * brackets the way Optuna's {@code HyperbandPruner} composes {@code SuccessiveHalvingPruner}s.
 *
 * <p>Symbols: {@code r} = {@code minEpochs}, {@code R} = {@code maxEpochs}, {@code η} = {@code eta},
 * {@code s_max = floor(log_η(R/r))}. Bracket {@code s = s_max..0} is planned for
 * {@code n = ceil((s_max+1)/(s+1)·η^s)} trials starting at {@code r_s = R·η^-s} epochs, with rungs
 * {@code (n_i, r_i) = (floor(n·η^-i), R·η^(i-s))} for {@code i = 0..s} ({@link #brackets()}; Table 1 of the
 * paper for R=81, η=3). The paper's rungs are anchored at R, so r only sets {@code s_max}
 * ({@code r_{s_max} >= r}); rung epochs are rounded to the nearest whole epoch when {@code R/r} is not a
 * power of η (R=52, η=3: 2, 6, 17, 52), and bracket 0 always runs its trials straight to R.
 *
 * <p>Each bracket is an {@link Asha} over its rungs: a trial continues past a rung only if it is in the
 * top 1/η of the losses recorded there (see {@link Asha} for the exact count). A bracket never waits
 * for its n trials: {@code n_s} only sets the share of trials it receives, and the table's {@code n_i}
 * are what synchronous halving would keep. Decisions name the bracket in their reason; their rung index
 * counts from the bracket's first rung.
 *
 * <p>Trials are assigned to brackets by trial number alone ({@link #bracketOf(long)}), so a replay gives
 * the same assignment: within every cycle of {@code N = Σ n_s} consecutive trial numbers, bracket
 * {@code s} receives exactly {@code n_s} of them, the paper's proportions (every bracket spends about the
 * same budget), interleaved by a fixed stride permutation rather than in blocks so that early trials
 * already cover every bracket.
 */
public final class Hyperband implements TrialScheduler {

    /**
     * One planned bracket.
     *
     * @param s     the bracket index: {@code s} halvings, {@code s+1} rungs
     * @param rungs {@code (n_i, r_i)} for {@code i = 0..s}; the last rung is at R
     */
    public record Bracket(int s, List<RungPlan> rungs) {

        public Bracket {
            if (s < 0) {
                throw new IllegalArgumentException("`s` must be >= 0, but was " + s);
            }
            Objects.requireNonNull(rungs, "`rungs` must not be null");
            rungs = List.copyOf(rungs);
            if (rungs.size() != s + 1) {
                throw new IllegalArgumentException("`rungs` must hold s+1 = " + (s + 1) + " rungs, but held "
                        + rungs.size());
            }
        }

        /** n, the trials the bracket is planned for. */
        public int trials() {
            return rungs.get(0).trials();
        }
    }

    private final int minEpochs;
    private final int maxEpochs;
    private final int eta;
    private final List<Bracket> brackets;
    /** schedulers.get(j) runs brackets.get(j). */
    private final List<Asha> schedulers;
    private final long cycle;
    private final long stride;

    private Hyperband(int minEpochs, int maxEpochs, int eta, List<Bracket> brackets) {
        this.minEpochs = minEpochs;
        this.maxEpochs = maxEpochs;
        this.eta = eta;
        this.brackets = List.copyOf(brackets);
        List<Asha> schedulers = new ArrayList<>();
        long cycle = 0;
        for (Bracket bracket : brackets) {
            schedulers.add(new Asha(Ladder.hyperbandBracket(maxEpochs, eta, bracket.s()), "bracket s=" + bracket.s() + ": "));
            cycle += bracket.trials();
        }
        this.schedulers = List.copyOf(schedulers);
        this.cycle = cycle;
        this.stride = stride(cycle);
    }

    /**
     * Hyperband between {@code minEpochs} and {@code maxEpochs}.
     *
     * @param minEpochs r, the smallest rung, {@code >= 1}
     * @param maxEpochs R, {@code >= minEpochs·eta} so that there are at least two brackets
     * @param eta       η, {@code >= 2}
     */
    public static Hyperband of(int minEpochs, int maxEpochs, int eta) {
        Args.atLeast(minEpochs, 1, "minEpochs");
        Args.atLeast(eta, 2, "eta");
        if ((long) minEpochs * eta > maxEpochs) {
            throw new IllegalArgumentException("`maxEpochs` must be >= minEpochs * eta = " + (long) minEpochs * eta
                    + " so that Hyperband has more than one bracket, but was " + maxEpochs);
        }
        int sMax = 0;
        for (long resource = (long) minEpochs * eta; resource <= maxEpochs; resource *= eta) {
            sMax++;
        }
        List<Bracket> brackets = new ArrayList<>();
        for (int s = sMax; s >= 0; s--) {
            long etaS = Args.pow(eta, s);
            long n = ceilDiv((sMax + 1) * etaS, s + 1);
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("`maxEpochs` / `minEpochs` must be small enough for bracket s=" + s
                        + " to plan at most 2^31-1 trials, but was maxEpochs=" + maxEpochs + ", minEpochs=" + minEpochs);
            }
            List<RungPlan> rungs = new ArrayList<>();
            for (int i = 0; i <= s; i++) {
                rungs.add(new RungPlan((int) (n / Args.pow(eta, i)), rungEpochs(maxEpochs, eta, s - i)));
            }
            brackets.add(new Bracket(s, rungs));
        }
        return new Hyperband(minEpochs, maxEpochs, eta, brackets);
    }

    /** {@code R·η^-k} in whole epochs (exact when η^k divides R, else rounded to the nearest). */
    static int rungEpochs(int maxEpochs, int eta, int k) {
        long divisor = Args.pow(eta, k);
        if (maxEpochs % divisor == 0) {
            return (int) (maxEpochs / divisor);
        }
        return (int) Math.max(1, Math.round(maxEpochs / (double) divisor));
    }

    /** The planned brackets, {@code s = s_max} first. */
    public List<Bracket> brackets() {
        return brackets;
    }

    /** s_max = floor(log_η(R/r)). */
    public int sMax() {
        return brackets.get(0).s();
    }

    public int minEpochs() {
        return minEpochs;
    }

    public int maxEpochs() {
        return maxEpochs;
    }

    public int eta() {
        return eta;
    }

    /** The bracket {@code s} that trial {@code trialNumber} belongs to; a pure function of the number. */
    public int bracketOf(long trialNumber) {
        return brackets.get(bracketIndex(trialNumber)).s();
    }

    @Override
    public List<TrialDecision> onReport(long trialNumber, int epoch, double loss) {
        Args.requireReport(trialNumber, epoch);
        return schedulers.get(bracketIndex(trialNumber)).onReport(trialNumber, epoch, loss);
    }

    @Override
    public List<TrialDecision> onTrialEnded(long trialNumber) {
        Args.requireTrialNumber(trialNumber);
        return schedulers.get(bracketIndex(trialNumber)).onTrialEnded(trialNumber);
    }

    private int bracketIndex(long trialNumber) {
        Args.requireTrialNumber(trialNumber);
        long position = BigInteger.valueOf(trialNumber % cycle).multiply(BigInteger.valueOf(stride))
                .mod(BigInteger.valueOf(cycle)).longValueExact();
        long cumulative = 0;
        for (int j = 0; j < brackets.size(); j++) {
            cumulative += brackets.get(j).trials();
            if (position < cumulative) {
                return j;
            }
        }
        throw new IllegalStateException("position " + position + " is outside the cycle of " + cycle);
    }

    /** A stride coprime with {@code cycle} near {@code cycle / φ}: consecutive trials land far apart. */
    private static long stride(long cycle) {
        long stride = Math.max(1, Math.round(cycle * 0.6180339887498949));
        while (BigInteger.valueOf(stride).gcd(BigInteger.valueOf(cycle)).longValueExact() != 1) {
            stride++;
        }
        return stride;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Override
    public String toString() {
        return "Hyperband[minEpochs=" + minEpochs + ", maxEpochs=" + maxEpochs + ", eta=" + eta + ", sMax=" + sMax() + "]";
    }
}

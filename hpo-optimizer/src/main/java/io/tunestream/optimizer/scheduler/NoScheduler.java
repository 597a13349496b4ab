package io.tunestream.optimizer.scheduler;

import java.util.List;

/** No early stopping: every report is answered with CONTINUE, so callers never branch on "no scheduler". */
public final class NoScheduler implements TrialScheduler {

    private static final NoScheduler INSTANCE = new NoScheduler();

    private NoScheduler() {
    }

    /** The scheduler that stops nothing; it is stateless, so one instance serves every study. */
    public static NoScheduler create() {
        return INSTANCE;
    }

    @Override
    public List<TrialDecision> onReport(long trialNumber, int epoch, double loss) {
        Args.requireReport(trialNumber, epoch);
        return List.of(TrialDecision.continueTraining(trialNumber, epoch, "no scheduler: every trial runs to its end"));
    }

    @Override
    public List<TrialDecision> onTrialEnded(long trialNumber) {
        Args.requireTrialNumber(trialNumber);
        return List.of();
    }

    @Override
    public String toString() {
        return "NoScheduler";
    }
}

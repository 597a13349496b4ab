/**
 * Schedulers: per-epoch early stopping, deciding which trials keep training.
 *
 * <p>A {@link io.tunestream.optimizer.scheduler.TrialScheduler} is fed one study's events, a reported
 * (trial, epoch, loss) or a trial's end, and answers each with explicit
 * {@link io.tunestream.optimizer.scheduler.TrialDecision}s: CONTINUE, PROMOTE (past a rung), STOP
 * (early, with the rung and the reason) or COMPLETE (the maximum resource R was reached). Schedulers do
 * no I/O, read no clock and know no direction (losses only; NaN is the worst loss). Their state is a
 * function of the events they were fed, so a service rebuilds one after a restart by replaying the
 * study's events into a fresh instance, and gets the same decisions.
 *
 * <ul>
 *   <li>{@link io.tunestream.optimizer.scheduler.Asha}: asynchronous successive halving, stop-based
 *       (Li et al. 2020);</li>
 *   <li>{@link io.tunestream.optimizer.scheduler.SuccessiveHalving}: synchronous successive halving over
 *       brackets of n trials (Jamieson &amp; Talwalkar 2016);</li>
 *   <li>{@link io.tunestream.optimizer.scheduler.Hyperband}: brackets s = s_max..0, each an ASHA ladder,
 *       trials assigned to brackets by trial number (Li et al. 2018);</li>
 *   <li>{@link io.tunestream.optimizer.scheduler.MedianStopping}: the median stopping rule
 *       (Golovin et al. 2017);</li>
 *   <li>{@link io.tunestream.optimizer.scheduler.NoScheduler}: stops nothing.</li>
 * </ul>
 *
 * <p>Promotion counts: judged all at once, n losses at a rung let {@code ceil(n/η)} trials through the
 * asynchronous rule (a trial passes when fewer than n/η recorded losses are better), and
 * {@code floor(n/η)} through the synchronous rule of Hyperband's successive halving; they agree when η
 * divides n.
 */
package io.tunestream.optimizer.scheduler;

package io.tunestream.suggester.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.StudyState;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.AlgorithmSpec;
import io.tunestream.contracts.spec.BudgetSpec;
import io.tunestream.contracts.spec.ObjectiveSpec;
import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.StudySpecValidator;
import io.tunestream.contracts.spec.TrainerSpec;
import io.tunestream.contracts.spec.SchedulerSpec;
import io.tunestream.optimizer.history.BudgetObservation;
import io.tunestream.optimizer.sampler.BohbSampler;
import io.tunestream.optimizer.sampler.StartupSampler;
import io.tunestream.optimizer.scheduler.Hyperband;
import io.tunestream.optimizer.scheduler.SchedulerAction;
import io.tunestream.optimizer.scheduler.TrialDecision;
import io.tunestream.optimizer.scheduler.TrialScheduler;

/** A BOHB study: PROMOTED, STOPPED and COMPLETED decisions become the per-budget observations its model learns from. */
class BohbStudyTest {

    private static StudySpec spec(String direction, Map<String, Object> settings, int maxTrials, int maxParallel) {
        // In a fixed order, as a parsed spec has it: the order of the parameters is the order of the
        // unit cube's axes, and Map.of's order changes from one JVM to the next.
        var space = new java.util.LinkedHashMap<String, ParameterSpec>();
        space.put("lr", new ParameterSpec("float", 1e-4, 1e-1, true, null, null, null));
        space.put("layers", new ParameterSpec("int", 1.0, 4.0, null, null, null, null));
        space.put("act", ParameterSpec.categorical(List.of("relu", "tanh")));
        return new StudySpec("t", new ObjectiveSpec("val_loss", direction), space,
                new AlgorithmSpec("bohb", settings), new BudgetSpec(maxTrials, maxParallel, 9),
                new TrainerSpec("synthetic", Map.of()), 11L);
    }

    /** Final loss, minimal at lr = 1e-2, tanh, 3 layers. */
    private static double loss(Map<String, Object> params) {
        double lr = Math.log10(((Number) params.get("lr")).doubleValue()) + 2;
        double layers = ((Number) params.get("layers")).doubleValue() - 3;
        return lr * lr + 0.1 * layers * layers + ("tanh".equals(params.get("act")) ? 0 : 0.5);
    }

    private static TrialDecided decided(TrialSuggested trial, DecisionAction action, int epoch, Double value) {
        return TrialDecided.of(trial.studyId(), trial.trialId(), trial.trialNumber(), 1, action, epoch, value, null);
    }

    /**
     * Runs the study under the Hyperband scheduler its spec implies, the way results-service referees
     * it: each trial reports epochs 1..R, its loss after b epochs being its final loss + 1/b; every
     * PROMOTE becomes a PROMOTED decision with the value at that rung, a STOP a STOP and then a STOPPED
     * at that epoch, and a trial that reaches R is COMPLETED. Trials train one after the other, in
     * suggestion order. Returns every trial's final loss, in suggestion order.
     */
    private static List<Double> run(StudyRun run) {
        SchedulerSpec settings = run.spec().effectiveScheduler().orElseThrow();
        int maxEpochs = settings.maxEpochsOr(run.spec().budget().maxEpochs());
        TrialScheduler hyperband = Hyperband.of(settings.minEpochsOrDefault(), maxEpochs, settings.etaOrDefault());
        var pending = new ArrayList<>(run.start().suggestions());
        var losses = new ArrayList<Double>();
        while (!pending.isEmpty()) {
            TrialSuggested trial = pending.remove(0);
            double loss = loss(trial.params());
            losses.add(loss);
            boolean stopped = false;
            for (int epoch = 1; epoch <= maxEpochs && !stopped; epoch++) {
                double value = loss + 1.0 / epoch;
                for (TrialDecision decision : hyperband.onReport(trial.trialNumber(), epoch, value)) {
                    if (decision.action() == SchedulerAction.PROMOTE) {
                        assertThat(run.onDecision(decided(trial, DecisionAction.PROMOTED, epoch, value)).suggestions()).isEmpty();
                    } else if (decision.action() == SchedulerAction.STOP) {
                        pending.addAll(run.onDecision(decided(trial, DecisionAction.STOP, epoch, null)).suggestions());
                        pending.addAll(run.onDecision(decided(trial, DecisionAction.STOPPED, epoch, value)).suggestions());
                        stopped = true;
                    }
                }
            }
            if (!stopped) {
                pending.addAll(run.onDecision(decided(trial, DecisionAction.COMPLETED, maxEpochs, loss + 1.0 / maxEpochs)).suggestions());
            }
            hyperband.onTrialEnded(trial.trialNumber());
        }
        return losses;
    }

    @Test
    void aBohbStudyRunsToTheEndUnderHyperbandAndBeatsRandomSearch() {
        var spec = spec("minimize", Map.of(), 60, 3);
        assertThat(StudySpecValidator.validate(spec)).isEmpty();
        assertThat(spec.schedulerName()).isEqualTo("hyperband");
        var run = new StudyRun("s", spec);

        List<Double> losses = run(run);

        assertThat(run.state()).isEqualTo(StudyState.COMPLETED);
        assertThat(losses).hasSize(60);
        assertThat(run.history().observations()).as("PROMOTED, STOPPED and COMPLETED decisions at budgets 1, 3 and 9")
                .extracting(BudgetObservation::epochs).contains(1, 3, 9);
        var random = new StudySpec(spec.name(), spec.objective(), spec.searchSpace(), new AlgorithmSpec("random", Map.of()),
                spec.budget(), spec.trainer(), spec.seed(), spec.effectiveScheduler().orElseThrow());
        List<Double> randomLosses = run(new StudyRun("r", random));
        double bohb = losses.subList(30, 60).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double baseline = randomLosses.subList(30, 60).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // Seeded: the last 30 trials' mean final loss is about 0.91 for BOHB, 1.68 for random search.
        assertThat(bohb).isLessThan(0.7 * baseline);
        assertThat(run(new StudyRun("again", spec))).as("same seed, same study").isEqualTo(losses);
    }

    @Test
    void promotedStoppedAndCompletedDecisionsBecomeObservationsInTheStudysDirection() {
        var run = new StudyRun("s", spec("maximize", Map.of(), 10, 2));
        var trials = run.start().suggestions();
        TrialSuggested a = trials.get(0);
        TrialSuggested b = trials.get(1);

        run.onDecision(decided(a, DecisionAction.PROMOTED, 1, 0.5));
        run.onDecision(decided(a, DecisionAction.PROMOTED, 1, 0.5)); // re-delivered: changes nothing
        run.onDecision(decided(a, DecisionAction.PROMOTED, 3, 0.7));
        run.onDecision(decided(b, DecisionAction.STOP, 1, null));
        run.onDecision(decided(b, DecisionAction.STOPPED, 2, 0.25));
        run.onDecision(decided(a, DecisionAction.COMPLETED, 9, 0.9));
        run.onDecision(decided(trials.get(0), DecisionAction.PROMOTED, 5, 0.1)); // after the final decision: ignored

        assertThat(run.history().observations()).containsExactly(
                BudgetObservation.of(0, 1, -0.5),
                BudgetObservation.of(1, 2, -0.25),
                BudgetObservation.of(0, 3, -0.7),
                BudgetObservation.of(0, 9, -0.9));
    }

    @Test
    void aNanValueIsTheWorstLossAndAFailedTrialTeachesNothing() {
        var run = new StudyRun("s", spec("minimize", Map.of(), 10, 2));
        var trials = run.start().suggestions();

        run.onDecision(decided(trials.get(0), DecisionAction.PROMOTED, 1, Double.NaN));
        run.onDecision(decided(trials.get(1), DecisionAction.FAILED, 2, null));

        assertThat(run.history().observations()).containsExactly(BudgetObservation.of(0, 1, Double.POSITIVE_INFINITY));
    }

    @Test
    void theFactoryBuildsBohbWithItsSettings() {
        assertThat(SamplerFactory.sampler(spec("minimize", Map.of(), 10, 1))).isInstanceOfSatisfying(BohbSampler.class,
                s -> assertThat(s.toString()).isEqualTo("BohbSampler" + io.tunestream.optimizer.sampler.BohbSettings.defaults()));
        assertThat(SamplerFactory.sampler(spec("minimize", Map.of("randomFraction", 0.5, "minPoints", 4, "gamma", 0.25,
                "nEiCandidates", 16, "constantLiar", false), 10, 1)).toString())
                .isEqualTo("BohbSamplerBohbSettings[randomFraction=0.5, minPoints=OptionalInt[4], tpe=TpeSettings[gamma=0.25, nEiCandidates=16,"
                        + " priorWeight=1.0, multivariate=true, constantLiar=false]]");
        assertThat(SamplerFactory.sampler(spec("minimize", Map.of("nStartupTrials", 5), 10, 1))).isInstanceOfSatisfying(StartupSampler.class,
                s -> assertThat(s.nStartupTrials()).isEqualTo(5));
    }
}

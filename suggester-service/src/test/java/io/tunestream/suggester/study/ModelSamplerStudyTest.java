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
import io.tunestream.optimizer.sampler.StartupSampler;

/** Studies searched by TPE and GP, from the spec's settings to a finished study. */
class ModelSamplerStudyTest {

    /** In a fixed order, as a parsed spec has it (Map.of's order changes from one JVM to the next). */
    private static Map<String, ParameterSpec> orderedSpace() {
        var space = new java.util.LinkedHashMap<String, ParameterSpec>();
        space.put("lr", new ParameterSpec("float", 1e-4, 1e-1, true, null, null, null));
        space.put("layers", new ParameterSpec("int", 1.0, 4.0, null, null, null, null));
        space.put("act", ParameterSpec.categorical(List.of("relu", "tanh")));
        return space;
    }

    private static StudySpec spec(String algorithm, Map<String, Object> settings, int maxTrials, int maxParallel) {
        return new StudySpec("t", new ObjectiveSpec("val_loss", "minimize"),
                orderedSpace(),
                new AlgorithmSpec(algorithm, settings), new BudgetSpec(maxTrials, maxParallel, 5),
                new TrainerSpec("synthetic", Map.of()), 11L);
    }

    /** Loss minimal at lr = 1e-2, tanh, 3 layers; the study maximises nothing. */
    private static double loss(Map<String, Object> params) {
        double lr = Math.log10(((Number) params.get("lr")).doubleValue()) + 2;
        double layers = ((Number) params.get("layers")).doubleValue() - 3;
        return lr * lr + 0.1 * layers * layers + ("tanh".equals(params.get("act")) ? 0 : 0.5);
    }

    /** Runs the study to the end, completing trials in suggestion order; returns every trial's loss. */
    private static List<Double> run(StudyRun run) {
        var pending = new ArrayList<>(run.start().suggestions());
        var losses = new ArrayList<Double>();
        while (!pending.isEmpty()) {
            TrialSuggested trial = pending.remove(0);
            double loss = loss(trial.params());
            losses.add(loss);
            pending.addAll(run.onDecision(TrialDecided.of(trial.studyId(), trial.trialId(), trial.trialNumber(), 1,
                    DecisionAction.COMPLETED, 5, loss, null)).suggestions());
        }
        return losses;
    }

    @Test
    void aTpeStudyRunsToTheEndAndItsModelTrialsBeatItsRandomOnes() {
        var spec = spec("tpe", Map.of("nStartupTrials", 10, "gamma", 0.2), 40, 3);
        assertThat(StudySpecValidator.validate(spec)).isEmpty();
        var run = new StudyRun("s", spec);

        List<Double> losses = run(run);

        assertThat(run.state()).isEqualTo(StudyState.COMPLETED);
        assertThat(losses).hasSize(40);
        double startup = losses.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double model = losses.subList(20, 40).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(model).isLessThan(startup / 2);
    }

    @Test
    void aGpStudyRunsToTheEndWithParallelTrials() {
        var spec = spec("gp", Map.of("nStartupTrials", 5, "nCandidates", 128), 20, 4);
        assertThat(StudySpecValidator.validate(spec)).isEmpty();
        var run = new StudyRun("s", spec);

        List<Double> losses = run(run);

        assertThat(run.state()).isEqualTo(StudyState.COMPLETED);
        assertThat(losses).hasSize(20);
        // The optimum is 0 (lr 0.01, 3 layers, tanh); a wrong layer count alone costs 0.1.
        double startupBest = losses.subList(0, 5).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double modelBest = losses.subList(5, 20).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(modelBest).isLessThan(0.15).isLessThan(startupBest);
    }

    @Test
    void theSameSeedGivesTheSameTpeStudy() {
        var spec = spec("tpe", Map.of("nStartupTrials", 4), 16, 2);
        assertThat(run(new StudyRun("a", spec))).isEqualTo(run(new StudyRun("b", spec)));
    }

    @Test
    void modelSamplersStartWithRandomTrialsAndTakeTheirSettings() {
        assertThat(SamplerFactory.sampler(spec("tpe", Map.of(), 10, 1))).isInstanceOfSatisfying(StartupSampler.class,
                s -> assertThat(s.nStartupTrials()).isEqualTo(SamplerFactory.DEFAULT_STARTUP_TRIALS));
        assertThat(SamplerFactory.sampler(spec("gp", Map.of("nStartupTrials", 3), 10, 1))).isInstanceOfSatisfying(StartupSampler.class,
                s -> assertThat(s.nStartupTrials()).isEqualTo(3));
        assertThat(SamplerFactory.sampler(spec("tpe", Map.of("gamma", 0.25, "nEiCandidates", 48, "multivariate", false), 10, 1)).toString())
                .contains("TpeSettings[gamma=0.25, nEiCandidates=48, priorWeight=1.0, multivariate=false, constantLiar=true]");
        assertThat(SamplerFactory.sampler(spec("gp", Map.of("nRestarts", 3), 10, 1)).toString())
                .contains("GpSettings[nRestarts=3, nCandidates=512]");
    }
}

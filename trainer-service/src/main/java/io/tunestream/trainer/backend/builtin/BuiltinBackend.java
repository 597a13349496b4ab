package io.tunestream.trainer.backend.builtin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.jboss.logging.Logger;

import io.tunestream.contracts.events.FinalizeJob;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.contracts.spec.BuiltinSettings;
import io.tunestream.contracts.spec.InvalidStudySpecException;
import io.tunestream.trainer.backend.FinalOutcome;
import io.tunestream.trainer.backend.TrainingBackend;
import io.tunestream.trainer.backend.TrainingSession;
import io.tunestream.trainer.backend.TrialFailedException;
import io.tunestream.training.data.Dataset;
import io.tunestream.training.data.DatasetLoader;
import io.tunestream.training.data.DatasetSource;
import io.tunestream.training.model.Hyperparameters;
import io.tunestream.training.model.InvalidHyperparameterException;
import io.tunestream.training.run.DeviceChoice;
import io.tunestream.training.run.Experiment;
import io.tunestream.training.run.ExperimentConfig;
import io.tunestream.training.run.FinalEvaluation;
import io.tunestream.training.run.FinalResult;

/**
 * Trains the trial's MLP in this JVM. The study's settings choose the data and the split; the trial's
 * parameters are the MLP's hyperparameters (an unknown name or a value out of range fails the trial
 * with a message naming it and the rule); the trial's seed drives the weights and the batch order.
 * Loaded datasets are shared by every trial this trainer runs.
 */
public final class BuiltinBackend implements TrainingBackend {

    private static final Logger LOG = Logger.getLogger(BuiltinBackend.class);

    private final DatasetLoader datasets = new DatasetLoader();
    private final OptionalInt threadsOverride;
    private final Path defaultModelDir;

    /**
     * @param threadsOverride PyTorch intra-op threads per slot set by the operator; wins over the
     *                        study's {@code trainer.settings.threads} (the operator knows the node)
     * @param defaultModelDir where a retrained model goes when the study names no {@code finalize.modelDir}
     */
    public BuiltinBackend(OptionalInt threadsOverride, Path defaultModelDir) {
        this.threadsOverride = threadsOverride;
        this.defaultModelDir = defaultModelDir;
    }

    @Override
    public String name() {
        return BuiltinSettings.BACKEND;
    }

    @Override
    public TrainingSession open(TrialSuggested trial) throws TrialFailedException {
        var config = config(trial);
        var hp = hyperparameters(trial);
        Dataset dataset = load(config);
        Experiment experiment;
        try {
            experiment = Experiment.open(dataset, config, hp, trial.seed());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TrialFailedException("cannot build the MLP for " + dataset.name() + ": " + e.getMessage(), e);
        }
        return new Session(experiment);
    }

    @Override
    public FinalOutcome evaluateFinal(TrialSuggested job) throws TrialFailedException {
        FinalizeJob finalizeJob = job.finalizeOf().orElseThrow(() -> new TrialFailedException(job.trialId() + " is not a finalize job"));
        var config = config(job);
        var hp = hyperparameters(job);
        Dataset dataset = load(config);
        Optional<Path> modelDir = finalizeJob.retrain()
                ? Optional.of(Path.of(finalizeJob.modelDir() != null ? finalizeJob.modelDir() : defaultModelDir.toString()).resolve(job.studyId()).toAbsolutePath())
                : Optional.empty();
        FinalResult result;
        try {
            result = FinalEvaluation.run(dataset, config, hp, job.seed(), finalizeJob.retrain(), modelDir);
        } catch (IOException e) {
            throw new TrialFailedException("final evaluation could not save the model to " + modelDir.map(Path::toString).orElse("?") + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TrialFailedException("final evaluation failed: " + e.getMessage(), e);
        }
        LOG.infof("study %s: configuration of %s scored test_accuracy=%.4f on %d test rows%s", job.studyId(), finalizeJob.trialId(),
                result.metrics().get(FinalEvaluation.TEST_ACCURACY), result.metrics().get(FinalEvaluation.TEST_ROWS).intValue(),
                result.modelPath().map(p -> ", model saved to " + p).orElse(""));
        return new FinalOutcome(result.metrics(), result.metrics().get(FinalEvaluation.EPOCHS).intValue(), result.modelPath().map(Path::toString));
    }

    /** The trial's hyperparameters; every broken rule in the failure message. */
    static Hyperparameters hyperparameters(TrialSuggested trial) throws TrialFailedException {
        try {
            return Hyperparameters.parse(trial.params(), trial.maxEpochs());
        } catch (InvalidHyperparameterException e) {
            throw new TrialFailedException("invalid hyperparameters for the builtin backend: " + e.getMessage(), e);
        }
    }

    /** The study's settings as the training core takes them. */
    ExperimentConfig config(TrialSuggested trial) throws TrialFailedException {
        BuiltinSettings settings;
        try {
            settings = BuiltinSettings.of(trial.trainer().settings());
        } catch (InvalidStudySpecException e) {
            throw new TrialFailedException("invalid builtin settings: " + e.getMessage(), e);
        }
        var ref = settings.dataset();
        DatasetSource source = switch (ref.kind()) {
            case "csv" -> new DatasetSource.Csv(Path.of(ref.path().orElseThrow()), ref.label().orElseThrow());
            case "idx" -> new DatasetSource.Idx(Path.of(ref.images().orElseThrow()), Path.of(ref.labels().orElseThrow()));
            default -> new DatasetSource.Digits();
        };
        int threads = threadsOverride.orElse(settings.threads());
        try {
            return new ExperimentConfig(source, settings.validationFraction(), settings.testFraction(), settings.folds(), settings.splitSeed(),
                    settings.maxSamples().map(OptionalInt::of).orElse(OptionalInt.empty()), threads,
                    DeviceChoice.fromWireName(settings.device()).orElse(DeviceChoice.AUTO));
        } catch (IllegalArgumentException e) {
            throw new TrialFailedException("invalid builtin settings: " + e.getMessage(), e);
        }
    }

    private Dataset load(ExperimentConfig config) throws TrialFailedException {
        try {
            return datasets.load(config.source());
        } catch (IOException | IllegalArgumentException e) {
            throw new TrialFailedException("cannot load the dataset: " + e.getMessage(), e);
        }
    }

    private static final class Session implements TrainingSession {
        private final Experiment experiment;

        Session(Experiment experiment) {
            this.experiment = experiment;
        }

        @Override
        public Optional<Map<String, Double>> trainEpoch(int epoch) throws InterruptedException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("slot shutting down");
            }
            return experiment.trainEpoch();
        }

        @Override
        public void close() {
            experiment.close();
        }
    }
}

package io.tunestream.training.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.djl.Device;
import io.tunestream.training.data.Dataset;
import io.tunestream.training.data.Fold;
import io.tunestream.training.model.Hyperparameters;

/**
 * One trial of the MLP, trained one epoch at a time. With a single split it trains one model on the
 * training rows and scores it on the validation rows; with k folds it trains k models side by side,
 * one per fold, and every epoch reports the mean over the folds of each metric (the objective of
 * k-fold cross-validation) along with each fold's validation loss and accuracy. The test rows are never
 * touched here.
 *
 * <p>Training ends after {@code epochs} epochs, or after the first epoch whose training loss is not a
 * number (a diverged run does not get better by going on).
 */
public final class Experiment implements AutoCloseable {

    public static final String PARAMETERS = "parameters";

    private final Hyperparameters hp;
    private final List<MlpModel> models = new ArrayList<>();
    private final long parameters;
    private int epoch;
    private boolean diverged;

    private Experiment(Hyperparameters hp, List<MlpModel> models) {
        this.hp = hp;
        this.models.addAll(models);
        this.parameters = models.get(0).parameterCount();
    }

    /** Builds the model(s) of a trial; {@code seed} is the trial's own (weights and batch order). */
    public static Experiment open(Dataset dataset, ExperimentConfig config, Hyperparameters hp, long seed) {
        DataPlan plan = DataPlan.of(dataset, config);
        Device device = TorchRuntime.device(config.device());
        var models = new ArrayList<MlpModel>();
        try {
            for (Fold fold : plan.folds()) {
                // Fold f gets its own stream, so adding folds never changes what fold 0 does.
                models.add(new MlpModel(dataset, fold.train(), fold.validation(), hp, seed + 0x9E3779B97F4A7C15L * fold.index(), device,
                        config.threads()));
            }
        } catch (RuntimeException e) {
            models.forEach(MlpModel::close);
            throw e;
        }
        return new Experiment(hp, models);
    }

    /** The metrics of the next epoch, or empty once the run has ended. */
    public Optional<Map<String, Double>> trainEpoch() {
        if (epoch >= hp.epochs() || diverged) {
            return Optional.empty();
        }
        epoch++;
        var perFold = new ArrayList<EpochMetrics>();
        for (MlpModel model : models) {
            perFold.add(model.trainEpoch(epoch));
        }
        var means = new LinkedHashMap<String, Double>();
        for (EpochMetrics metrics : perFold) {
            metrics.toMap().forEach((name, value) -> means.merge(name, value / perFold.size(), Double::sum));
        }
        // Seconds add up over folds: the epoch of the trial took all of them.
        means.put(EpochMetrics.EPOCH_SECONDS, perFold.stream().mapToDouble(EpochMetrics::seconds).sum());
        means.put(PARAMETERS, (double) parameters);
        if (perFold.size() > 1) {
            for (int f = 0; f < perFold.size(); f++) {
                EpochMetrics metrics = perFold.get(f);
                means.put("fold" + f + "_" + EpochMetrics.VAL_LOSS, metrics.validation().loss());
                means.put("fold" + f + "_" + EpochMetrics.VAL_ACCURACY, metrics.validation().accuracy());
            }
        }
        diverged = perFold.stream().anyMatch(m -> Double.isNaN(m.train().loss()));
        return Optional.of(means);
    }

    /** Epochs trained so far. */
    public int epoch() {
        return epoch;
    }

    /** Models trained side by side: 1, or k with k-fold cross-validation. */
    public int models() {
        return models.size();
    }

    public long parameterCount() {
        return parameters;
    }

    @Override
    public void close() {
        models.forEach(MlpModel::close);
    }
}

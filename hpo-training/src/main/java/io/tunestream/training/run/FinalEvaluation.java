package io.tunestream.training.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tunestream.training.data.Dataset;
import io.tunestream.training.model.Hyperparameters;

/**
 * The end of a study: the best configuration trained once more and scored once on the test rows,
 * which no trial trained or was selected on.
 * <ul>
 *   <li>{@code retrain = false}: trained on the same training rows with the same seed as its trial
 *       (the model the search selected, reproduced), so the test score measures that model. With k
 *       folds there is no single selected model: it trains on train + validation, as with retrain.</li>
 *   <li>{@code retrain = true}: trained on train + validation (more data for the final model), then
 *       saved with what is needed to use it (see {@link #save}).</li>
 * </ul>
 */
public final class FinalEvaluation {

    public static final String TEST_LOSS = "test_loss";
    public static final String TEST_ACCURACY = "test_accuracy";
    public static final String TEST_ROWS = "test_rows";
    public static final String TRAIN_ROWS = "train_rows";
    public static final String EPOCHS = "epochs";

    private FinalEvaluation() {
    }

    /**
     * @param modelDir where to save the model (a directory, created if needed); empty saves nothing
     */
    public static FinalResult run(Dataset dataset, ExperimentConfig config, Hyperparameters hp, long seed, boolean retrain,
                                  Optional<Path> modelDir) throws IOException {
        return run(dataset, config, hp, seed, retrain, modelDir, model -> { });
    }

    /** As above; {@code inspect} sees the model after the run (tests count its evaluations). */
    static FinalResult run(Dataset dataset, ExperimentConfig config, Hyperparameters hp, long seed, boolean retrain,
                           Optional<Path> modelDir, java.util.function.Consumer<MlpModel> inspect) throws IOException {
        DataPlan plan = DataPlan.of(dataset, config);
        int[] test = plan.partition().test();
        if (test.length == 0) {
            throw new IllegalArgumentException("testFraction must be > 0 for a final evaluation: the split holds no test rows");
        }
        boolean onTrainAndValidation = retrain || config.crossValidated();
        int[] trainRows = onTrainAndValidation ? plan.partition().trainAndValidation() : plan.partition().train();
        try (var model = new MlpModel(dataset, trainRows, test, hp, seed, TorchRuntime.device(config.device()), config.threads())) {
            Score train = null;
            int epochs = 0;
            while (epochs < hp.epochs()) {
                train = model.trainOnly(++epochs);
                if (Double.isNaN(train.loss())) {
                    break;
                }
            }
            // The one look at the test rows (the model's evaluation rows are the test rows here).
            Score score = model.evaluate();
            var metrics = new LinkedHashMap<String, Double>();
            metrics.put(TEST_LOSS, score.loss());
            metrics.put(TEST_ACCURACY, score.accuracy());
            metrics.put(EpochMetrics.TRAIN_LOSS, train.loss());
            metrics.put(EpochMetrics.TRAIN_ACCURACY, train.accuracy());
            metrics.put(TEST_ROWS, (double) test.length);
            metrics.put(TRAIN_ROWS, (double) trainRows.length);
            metrics.put(EPOCHS, (double) epochs);
            metrics.put(Experiment.PARAMETERS, (double) model.parameterCount());
            Optional<Path> saved = Optional.empty();
            if (modelDir.isPresent()) {
                save(model, modelDir.get(), dataset, hp, metrics, onTrainAndValidation);
                saved = modelDir;
            }
            inspect.accept(model);
            return new FinalResult(metrics, saved);
        }
    }

    /**
     * Writes {@code mlp-0000.params} (DJL) and {@code model.json}: the hyperparameters (to rebuild the
     * block with {@code Mlp.block}), the standardization fitted on the training rows (to apply to
     * new inputs), the dataset's shape and the test metrics.
     */
    private static void save(MlpModel model, Path dir, Dataset dataset, Hyperparameters hp, Map<String, Double> metrics,
                             boolean trainAndValidation) throws IOException {
        model.save(dir);
        var json = new StringBuilder("{\n");
        json.append("  \"format\": \"tunestream-mlp-1\",\n");
        json.append("  \"parameters\": \"mlp-0000.params\",\n");
        json.append("  \"dataset\": \"").append(dataset.name().replace("\"", "'")).append("\",\n");
        json.append("  \"features\": ").append(dataset.features()).append(",\n");
        json.append("  \"classes\": ").append(dataset.classes()).append(",\n");
        json.append("  \"trainedOn\": \"").append(trainAndValidation ? "train+validation" : "train").append("\",\n");
        json.append("  \"hyperparameters\": {");
        var first = new boolean[] {true};
        hp.toMap().forEach((key, value) -> {
            json.append(first[0] ? "" : ", ").append('"').append(key).append("\": ")
                    .append(value instanceof String text ? "\"" + text + "\"" : value);
            first[0] = false;
        });
        json.append("},\n");
        json.append("  \"standardization\": {\"mean\": ").append(Arrays.toString(model.standardizer().means()))
                .append(", \"std\": ").append(Arrays.toString(model.standardizer().standardDeviations())).append("},\n");
        json.append("  \"metrics\": {");
        first[0] = true;
        metrics.forEach((key, value) -> {
            json.append(first[0] ? "" : ", ").append('"').append(key).append("\": ").append(Double.isNaN(value) ? "null" : value);
            first[0] = false;
        });
        json.append("}\n}\n");
        Files.writeString(dir.resolve("model.json"), json.toString(), StandardCharsets.UTF_8);
    }
}

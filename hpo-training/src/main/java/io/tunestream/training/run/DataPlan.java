package io.tunestream.training.run;

import java.util.List;

import io.tunestream.training.data.Dataset;
import io.tunestream.training.data.Fold;
import io.tunestream.training.data.Partition;
import io.tunestream.training.data.Splits;

/**
 * The rows of a study's dataset as every trial and the final evaluation see them: the same for the
 * same {@link ExperimentConfig}, because it depends only on the data and the split seed, never on a
 * trial. The test rows are set aside first and appear in no fold.
 */
public record DataPlan(Partition partition, List<Fold> folds) {

    public DataPlan {
        folds = List.copyOf(folds);
    }

    public static DataPlan of(Dataset dataset, ExperimentConfig config) {
        int[] rows = config.maxSamples().isPresent()
                ? Splits.stratifiedSample(dataset, config.maxSamples().getAsInt(), config.splitSeed())
                : Splits.stratifiedSample(dataset, dataset.rows(), config.splitSeed());
        double validation = config.crossValidated() ? 0 : config.validationFraction();
        Partition partition = Splits.stratified(dataset, rows, validation, config.testFraction(), config.splitSeed());
        List<Fold> folds = config.crossValidated()
                ? Splits.stratifiedFolds(dataset, partition.trainAndValidation(), config.folds(), config.splitSeed())
                : List.of(new Fold(0, partition.train(), partition.validation()));
        return new DataPlan(partition, folds);
    }
}

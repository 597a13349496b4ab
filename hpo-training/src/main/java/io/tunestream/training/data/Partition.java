package io.tunestream.training.data;

/**
 * Row indices of a dataset split three ways. The test rows are held out for the final evaluation of
 * the chosen configuration and are never used for training or for selection.
 */
public record Partition(int[] train, int[] validation, int[] test) {

    public Partition {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
        if (train.length == 0) {
            throw new IllegalArgumentException("train must hold at least one row");
        }
    }

    /** Train and validation together: what a final model is retrained on, and what k folds divide. */
    public int[] trainAndValidation() {
        int[] all = new int[train.length + validation.length];
        System.arraycopy(train, 0, all, 0, train.length);
        System.arraycopy(validation, 0, all, train.length, validation.length);
        return all;
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}

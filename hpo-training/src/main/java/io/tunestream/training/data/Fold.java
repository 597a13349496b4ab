package io.tunestream.training.data;

/** One fold of k-fold cross-validation: the model trains on {@code train} and is scored on {@code validation}. */
public record Fold(int index, int[] train, int[] validation) {

    public Fold {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, but was " + index);
        }
        train = train.clone();
        validation = validation.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }
}

package io.tunestream.training.run;

/** Mean cross-entropy loss and accuracy of a model on some rows; NaN loss when the model diverged. */
public record Score(double loss, double accuracy, int rows) {

    public Score {
        if (Double.isInfinite(loss)) {
            loss = Double.NaN; // a diverged loss is the worst loss; metrics carry NaN, never infinity
        }
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], but was " + accuracy);
        }
    }
}

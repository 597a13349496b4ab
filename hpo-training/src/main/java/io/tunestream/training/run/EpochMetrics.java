package io.tunestream.training.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch of one model: loss and accuracy on its training rows and on its validation rows, both
 * measured after the epoch in evaluation mode (dropout off), so that their difference is the
 * overfitting gap and not an artefact of dropout.
 */
public record EpochMetrics(int epoch, Score train, Score validation, double learningRate, double seconds) {

    public static final String TRAIN_LOSS = "train_loss";
    public static final String TRAIN_ACCURACY = "train_accuracy";
    public static final String VAL_LOSS = "val_loss";
    public static final String VAL_ACCURACY = "val_accuracy";
    /** train_accuracy − val_accuracy: how much better the model does on what it trained on. */
    public static final String ACCURACY_GAP = "accuracy_gap";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String EPOCH_SECONDS = "epoch_seconds";

    public Map<String, Double> toMap() {
        var map = new LinkedHashMap<String, Double>();
        map.put(TRAIN_LOSS, train.loss());
        map.put(TRAIN_ACCURACY, train.accuracy());
        map.put(VAL_LOSS, validation.loss());
        map.put(VAL_ACCURACY, validation.accuracy());
        map.put(ACCURACY_GAP, train.accuracy() - validation.accuracy());
        map.put(LEARNING_RATE, learningRate);
        map.put(EPOCH_SECONDS, seconds);
        return map;
    }
}

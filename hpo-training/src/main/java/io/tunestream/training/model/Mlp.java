package io.tunestream.training.model;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * The multilayer perceptron: {@code hidden_layers} blocks of Linear({@code units_per_layer}) →
 * activation → Dropout(p) (the dropout layer only when p &gt; 0), then Linear(classes) giving logits
 * for softmax cross-entropy. With 0 hidden layers it is multinomial logistic regression.
 */
public final class Mlp {

    private Mlp() {
    }

    /** The network for {@code classes} classes; input features are inferred at initialisation. */
    public static Block block(Hyperparameters hp, int classes) {
        var block = new SequentialBlock();
        block.add(Blocks.batchFlattenBlock());
        for (int layer = 0; layer < hp.hiddenLayers(); layer++) {
            block.add(Linear.builder().setUnits(hp.unitsPerLayer()).build());
            block.add(hp.activation().block());
            if (hp.dropout() > 0) {
                block.add(Dropout.builder().optRate((float) hp.dropout()).build());
            }
        }
        block.add(Linear.builder().setUnits(classes).build());
        return block;
    }

    /**
     * Trainable parameters of the network for {@code features} inputs: each Linear layer has
     * in × out weights and out biases.
     */
    public static long parameterCount(Hyperparameters hp, int features, int classes) {
        long count = 0;
        int in = features;
        for (int layer = 0; layer < hp.hiddenLayers(); layer++) {
            count += (long) in * hp.unitsPerLayer() + hp.unitsPerLayer();
            in = hp.unitsPerLayer();
        }
        return count + (long) in * classes + classes;
    }
}

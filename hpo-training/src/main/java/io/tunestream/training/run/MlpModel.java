package io.tunestream.training.run;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.tunestream.training.data.Dataset;
import io.tunestream.training.data.Splits;
import io.tunestream.training.data.Standardizer;
import io.tunestream.training.model.Hyperparameters;
import io.tunestream.training.model.Mlp;
import io.tunestream.training.model.OptimizerKind;

/**
 * One MLP trained on some rows of a dataset and scored on others. Features are standardized with
 * statistics of the training rows only. Weights start from Glorot-uniform values drawn from the
 * trial's seed (Glorot and Bengio, 2010), biases at 0, and every epoch visits the training rows in a
 * seeded order, so the same seed trains the same model (dropout masks come from PyTorch's generator).
 * Not thread-safe: one slot trains it.
 */
final class MlpModel implements AutoCloseable {

    private static final int EVAL_CHUNK = 4096;

    private final Hyperparameters hp;
    private final int features;
    private final float[] trainX;
    private final int[] trainY;
    private final float[] evalX;
    private final int[] evalY;
    private final Standardizer standardizer;
    private final SplittableRandom random;
    private final EpochRate rate = new EpochRate();
    private final NDManager manager;
    private final Model model;
    private final Trainer trainer;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();
    private final int threads;
    private int evaluations;

    MlpModel(Dataset dataset, int[] trainRows, int[] evalRows, Hyperparameters hp, long seed, Device device, int threads) {
        this.hp = hp;
        this.threads = threads;
        this.features = dataset.features();
        this.standardizer = Standardizer.fit(dataset, trainRows);
        this.trainX = standardizer.transform(dataset, trainRows);
        this.trainY = labels(dataset, trainRows);
        this.evalX = standardizer.transform(dataset, evalRows);
        this.evalY = labels(dataset, evalRows);
        this.random = new SplittableRandom(seed);
        TorchRuntime.useThreads(threads);
        this.manager = NDManager.newBaseManager(device, TorchRuntime.ENGINE);
        this.model = Model.newInstance("mlp", device, TorchRuntime.ENGINE);
        model.setBlock(Mlp.block(hp, dataset.classes()));
        var config = new DefaultTrainingConfig(loss).optOptimizer(optimizer()).optDevices(new Device[] {device});
        this.trainer = model.newTrainer(config);
        trainer.initialize(new Shape(1, features));
        initialiseWeights(new SplittableRandom(random.nextLong()));
    }

    private Optimizer optimizer() {
        float weightDecay = (float) hp.weightDecay();
        if (hp.optimizer() == OptimizerKind.ADAM) {
            return Optimizer.adam().optLearningRateTracker(rate).optBeta1((float) hp.momentum()).optWeightDecays(weightDecay).build();
        }
        return Optimizer.sgd().setLearningRateTracker(rate).optMomentum((float) hp.momentum()).optWeightDecays(weightDecay).build();
    }

    /** Glorot-uniform weights U(−a, a), a = √(6 / (fan_in + fan_out)), from the trial's seed; zero biases. */
    private void initialiseWeights(SplittableRandom init) {
        for (Pair<String, Parameter> entry : model.getBlock().getParameters()) {
            NDArray array = entry.getValue().getArray();
            Shape shape = array.getShape();
            float[] values = new float[Math.toIntExact(shape.size())];
            if (entry.getValue().getType() == Parameter.Type.WEIGHT && shape.dimension() == 2) {
                double bound = Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((init.nextDouble() * 2 - 1) * bound);
                }
            }
            array.set(FloatBuffer.wrap(values));
        }
    }

    /** Trainable parameters of the network. */
    long parameterCount() {
        long count = 0;
        for (Pair<String, Parameter> entry : model.getBlock().getParameters()) {
            count += entry.getValue().getArray().getShape().size();
        }
        return count;
    }

    /** One pass over the training rows in a seeded random order, then both scores. */
    EpochMetrics trainEpoch(int epoch) {
        long start = System.nanoTime();
        double lr = fit(epoch);
        Score train = score(trainX, trainY);
        Score validation = evaluate();
        return new EpochMetrics(epoch, train, validation, lr, (System.nanoTime() - start) / 1e9);
    }

    /** One pass over the training rows, then the score on them only; the evaluation rows stay unseen. */
    Score trainOnly(int epoch) {
        fit(epoch);
        return score(trainX, trainY);
    }

    /** One pass of minibatch updates at the epoch's learning rate; returns that rate. */
    private double fit(int epoch) {
        TorchRuntime.useThreads(threads);
        double lr = hp.learningRateAt(epoch);
        rate.set((float) lr);
        int n = trainY.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Splits.shuffle(order, random);
        int batch = Math.min(hp.batchSize(), n);
        float[] x = new float[batch * features];
        long[] y = new long[batch];
        for (int from = 0; from < n; from += batch) {
            int size = Math.min(batch, n - from);
            for (int i = 0; i < size; i++) {
                int row = order[from + i];
                System.arraycopy(trainX, row * features, x, i * features, features);
                y[i] = trainY[row];
            }
            try (NDManager step = manager.newSubManager()) {
                NDArray input = step.create(FloatBuffer.wrap(x, 0, size * features), new Shape(size, features));
                NDArray target = step.create(java.util.Arrays.copyOf(y, size));
                backward(input, target, step);
                trainer.step();
            }
        }
        return lr;
    }

    /**
     * Forward and backward pass of one batch, gradients into the parameters. Not through DJL's
     * {@code GradientCollector}: the PyTorch engine allows one of those per JVM at a time (a static
     * flag), and a trainer's slots train side by side. PyTorch's grad mode is per thread, so each slot
     * records its own graph, as the collector would, and nothing else is shared between models.
     */
    private void backward(NDArray input, NDArray target, NDManager step) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
            NDArray value = loss.evaluate(new NDList(target), new NDList(logits));
            NDArray seed = step.ones(value.getShape(), value.getDataType());
            JniUtils.backward((PtNDArray) value, (PtNDArray) seed, false, false);
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    /** Scores the rows the model was built to be evaluated on (validation, or test in a final evaluation). */
    Score evaluate() {
        TorchRuntime.useThreads(threads);
        evaluations++;
        return score(evalX, evalY);
    }

    /** How often {@link #evaluate()} scored the evaluation rows. */
    int evaluations() {
        return evaluations;
    }

    private Score score(float[] x, int[] y) {
        int n = y.length;
        if (n == 0) {
            return new Score(Double.NaN, 0, 0);
        }
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += EVAL_CHUNK) {
            int size = Math.min(EVAL_CHUNK, n - from);
            long[] labels = new long[size];
            for (int i = 0; i < size; i++) {
                labels[i] = y[from + i];
            }
            try (NDManager chunk = manager.newSubManager()) {
                NDArray input = chunk.create(FloatBuffer.wrap(x, from * features, size * features), new Shape(size, features));
                NDArray target = chunk.create(labels);
                NDArray logits = trainer.evaluate(new NDList(input)).singletonOrThrow();
                lossSum += loss.evaluate(new NDList(target), new NDList(logits)).getFloat() * (double) size;
                correct += logits.argMax(1).toType(DataType.INT64, false).eq(target).sum().toType(DataType.INT64, false).getLong();
            }
        }
        return new Score(lossSum / n, (double) correct / n, n);
    }

    /** Saves the parameters as {@code mlp-0000.params} in {@code dir} (DJL's format). */
    void save(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        model.save(dir, "mlp");
    }

    Standardizer standardizer() {
        return standardizer;
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
        manager.close();
    }

    private static int[] labels(Dataset dataset, int[] rows) {
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = dataset.label(rows[i]);
        }
        return labels;
    }

    /** The learning rate of the current epoch: the schedule is per epoch, the optimizer asks per update. */
    private static final class EpochRate implements Tracker {
        private volatile float value;

        void set(float newValue) {
            value = newValue;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }
}

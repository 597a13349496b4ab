package io.tunestream.bench.problem;

import io.tunestream.optimizer.objective.Direction;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.IntDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One lcbench task of the YAHPO surrogate at the full budget: maximise the predicted validation
 * accuracy at epoch 52 over the seven hyperparameters of {@code config_space.json}.
 *
 * <p>The surrogate over-predicts in corners of the space, so there is no trustworthy optimum:
 * {@link #optimalLoss()} is empty and regret is measured against the best value any compared method
 * reached on the task.
 */
public final class LcBenchTask implements Problem {

    /** The search space of {@code config_space.json}, without the task and the epoch. */
    public static final SearchSpace SPACE = SearchSpace.builder()
            .add("batch_size", IntDistribution.logUniform(16, 512))
            .add("learning_rate", FloatDistribution.logUniform(1e-4, 1e-1))
            .add("momentum", FloatDistribution.uniform(0.1, 0.99))
            .add("weight_decay", FloatDistribution.uniform(1e-5, 0.1))
            .add("num_layers", IntDistribution.uniform(1, 5))
            .add("max_units", IntDistribution.logUniform(64, 1024))
            .add("max_dropout", FloatDistribution.uniform(0.0, 1.0))
            .build();

    private final LcBenchSurrogate surrogate;
    private final String taskId;
    private final int taskCode;

    LcBenchTask(LcBenchSurrogate surrogate, String taskId, int taskCode) {
        this.surrogate = surrogate;
        this.taskId = taskId;
        this.taskCode = taskCode;
    }

    /** The OpenML task id. */
    public String taskId() {
        return taskId;
    }

    @Override
    public String name() {
        return "lcbench-" + taskId;
    }

    @Override
    public String group() {
        return "lcbench";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    /** Predicted validation accuracy (%) at epoch 52. */
    public double valAccuracy(Map<String, Object> params) {
        Objects.requireNonNull(params, "`params` must not be null");
        float[] x = {
                LcBenchSurrogate.MAX_EPOCH,
                number(params, "batch_size"),
                number(params, "learning_rate"),
                number(params, "momentum"),
                number(params, "weight_decay"),
                number(params, "num_layers"),
                number(params, "max_units"),
                number(params, "max_dropout")};
        return surrogate.valAccuracy(taskCode, x);
    }

    /**
     * The predicted learning curve of one configuration at epochs 1..{@value LcBenchSurrogate#MAX_EPOCH},
     * in one call of the surrogate: {@code [epoch - 1][0]} = the surrogate's {@code time} output,
     * {@code [epoch - 1][1]} = validation accuracy (%).
     */
    public double[][] learningCurve(Map<String, Object> params) {
        Objects.requireNonNull(params, "`params` must not be null");
        float[][] rows = new float[LcBenchSurrogate.MAX_EPOCH][];
        for (int e = 1; e <= LcBenchSurrogate.MAX_EPOCH; e++) {
            rows[e - 1] = new float[] {
                    e,
                    number(params, "batch_size"),
                    number(params, "learning_rate"),
                    number(params, "momentum"),
                    number(params, "weight_decay"),
                    number(params, "num_layers"),
                    number(params, "max_units"),
                    number(params, "max_dropout")};
        }
        float[][] out = surrogate.predict(taskCode, rows);
        double[][] curve = new double[out.length][2];
        for (int i = 0; i < out.length; i++) {
            curve[i][0] = out[i][0];
            curve[i][1] = out[i][1];
        }
        return curve;
    }

    @Override
    public double loss(Map<String, Object> params) {
        return Direction.MAXIMIZE.toLoss(valAccuracy(params));
    }

    @Override
    public OptionalDouble optimalLoss() {
        return OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return "LcBenchTask[" + taskId + "]";
    }

    private static float number(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("`params." + name + "` must be a number, but was " + value);
        }
        return n.floatValue();
    }
}

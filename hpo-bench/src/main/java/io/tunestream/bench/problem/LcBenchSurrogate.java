package io.tunestream.bench.problem;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAHPO Gym lcbench surrogate (Pfisterer et al., "YAHPO Gym - an efficient multi-objective
 * multi-fidelity benchmark for hyperparameter optimization", AutoML-Conf 2022): an ONNX network that
 * predicts the learning curve of a funnel-shaped MLP on one of 34 OpenML tasks.
 *
 * <p>Inputs are {@code x_cat} (int32 [n, 1], the task's code from {@code encoding.json}) and
 * {@code x_cont} (float32 [n, 8], raw values in the order epoch, batch_size, learning_rate, momentum,
 * weight_decay, num_layers, max_units, max_dropout); output column 1 of {@code output} is the validation
 * accuracy in percent. One session serves every task and thread; close it when done.
 */
public final class LcBenchSurrogate implements AutoCloseable {

    /** The model folder under the benchmark data folder. */
    public static final String DIRECTORY = "yahpo-lcbench";
    /** The development tasks named by the data README. */
    public static final List<String> DEVELOPMENT_TASKS = List.of("3945", "34539", "7593", "126025", "167152", "167185");
    /** The full budget: the last epoch the surrogate models. */
    public static final int MAX_EPOCH = 52;

    private static final int VAL_ACCURACY = 1;
    private static final Pattern ENCODING_ENTRY = Pattern.compile("\"([0-9]+)\"\\s*:\\s*([0-9]+)");

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Map<String, Integer> taskCodes;

    private LcBenchSurrogate(OrtEnvironment environment, OrtSession session, Map<String, Integer> taskCodes) {
        this.environment = environment;
        this.session = session;
        this.taskCodes = Map.copyOf(taskCodes);
    }

    /**
     * Loads {@code model.onnx} and {@code encoding.json} from {@code dataDir/}{@value #DIRECTORY}, with one
     * intra-op thread: benchmark studies run in parallel already.
     */
    public static LcBenchSurrogate load(Path dataDir) {
        Objects.requireNonNull(dataDir, "`dataDir` must not be null");
        Path dir = dataDir.resolve(DIRECTORY);
        Map<String, Integer> codes = new HashMap<>();
        try {
            Matcher m = ENCODING_ENTRY.matcher(Files.readString(dir.resolve("encoding.json"), StandardCharsets.UTF_8));
            while (m.find()) {
                codes.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("encoding.json"), e);
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return new LcBenchSurrogate(env, env.createSession(dir.resolve("model.onnx").toString(), options), codes);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the lcbench surrogate " + dir.resolve("model.onnx"), e);
        }
    }

    /** The problem of one task at the full budget (epoch {@value #MAX_EPOCH}). */
    public LcBenchTask task(String openmlTaskId) {
        Integer code = taskCodes.get(openmlTaskId);
        if (code == null) {
            throw new IllegalArgumentException("`openmlTaskId` must be a task of encoding.json " + taskCodes.keySet()
                    + ", but was " + openmlTaskId);
        }
        return new LcBenchTask(this, openmlTaskId, code);
    }

    /**
     * Predicted validation accuracy (%) of one configuration.
     *
     * @param taskCode the task's code in {@code encoding.json}
     * @param xCont    the eight raw inputs in model order, epoch first
     */
    double valAccuracy(int taskCode, float[] xCont) {
        if (xCont.length != 8) {
            throw new IllegalArgumentException("`xCont` must have 8 values, but had " + xCont.length);
        }
        try (OnnxTensor cat = OnnxTensor.createTensor(environment, new int[][] {{taskCode}});
             OnnxTensor cont = OnnxTensor.createTensor(environment, new float[][] {xCont});
             OrtSession.Result result = session.run(Map.of("x_cat", cat, "x_cont", cont))) {
            float[][] output = (float[][]) result.get(0).getValue();
            return output[0][VAL_ACCURACY];
        } catch (OrtException e) {
            throw new IllegalStateException("lcbench surrogate failed on task code " + taskCode, e);
        }
    }

    /**
     * The full output rows of the surrogate (time, val_accuracy, ...) for several inputs of one task.
     *
     * @param taskCode the task's code in {@code encoding.json}
     * @param xCont    rows of the eight raw inputs in model order, epoch first
     */
    float[][] predict(int taskCode, float[][] xCont) {
        int[][] cats = new int[xCont.length][];
        for (int i = 0; i < xCont.length; i++) {
            if (xCont[i].length != 8) {
                throw new IllegalArgumentException("`xCont[" + i + "]` must have 8 values, but had " + xCont[i].length);
            }
            cats[i] = new int[] {taskCode};
        }
        try (OnnxTensor cat = OnnxTensor.createTensor(environment, cats);
             OnnxTensor cont = OnnxTensor.createTensor(environment, xCont);
             OrtSession.Result result = session.run(Map.of("x_cat", cat, "x_cont", cont))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("lcbench surrogate failed on task code " + taskCode, e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the lcbench surrogate", e);
        }
    }
}

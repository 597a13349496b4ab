package io.tunestream.training.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every tunable hyperparameter of the built-in MLP, with the name a search space uses, its default and
 * its rule. {@link #parse} rejects unknown names and out-of-range values with a message naming the
 * parameter and the rule: a typo in a search space must fail the trial, never be silently ignored.
 *
 * @param learningRate   {@code learning_rate} η in [0, 10]; 0 leaves the initial weights unchanged
 * @param lrDecay        {@code lr_decay} d in [0, 1): the fraction of η lost per epoch (exponential),
 *                       per step (step) or over the run (cosine); see {@link LearningRateSchedule}
 * @param lrSchedule     {@code lr_schedule}: exponential, step or cosine
 * @param lrStepSize     {@code lr_step_size} s ≥ 1: epochs per step of the step schedule
 * @param epochs         {@code epochs}: epochs to train, at most the trial's epoch budget (which is
 *                       the default)
 * @param batchSize      {@code batch_size} in [1, 65536]
 * @param momentum       {@code momentum} in [0, 1): heavy-ball momentum of SGD, β1 of Adam
 * @param hiddenLayers   {@code hidden_layers} in [0, 16]; 0 is multinomial logistic regression
 * @param unitsPerLayer  {@code units_per_layer} in [1, 4096]
 * @param activation     {@code activation}: relu, tanh, sigmoid, gelu, leaky_relu
 * @param weightDecay    {@code weight_decay} λ in [0, 1]: L2 penalty added to the gradients by the optimizer
 * @param dropout        {@code dropout} p in [0, 1): probability of zeroing a hidden unit while training
 *                       (Srivastava et al., 2014); 0 adds no dropout layer
 * @param optimizer      {@code optimizer}: sgd or adam
 */
public record Hyperparameters(
        double learningRate,
        double lrDecay,
        LearningRateSchedule lrSchedule,
        int lrStepSize,
        int epochs,
        int batchSize,
        double momentum,
        int hiddenLayers,
        int unitsPerLayer,
        ActivationKind activation,
        double weightDecay,
        double dropout,
        OptimizerKind optimizer) {

    public static final String LEARNING_RATE = "learning_rate";
    public static final String LR_DECAY = "lr_decay";
    public static final String LR_SCHEDULE = "lr_schedule";
    public static final String LR_STEP_SIZE = "lr_step_size";
    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batch_size";
    public static final String MOMENTUM = "momentum";
    public static final String HIDDEN_LAYERS = "hidden_layers";
    public static final String UNITS_PER_LAYER = "units_per_layer";
    public static final String ACTIVATION = "activation";
    public static final String WEIGHT_DECAY = "weight_decay";
    public static final String DROPOUT = "dropout";
    public static final String OPTIMIZER = "optimizer";

    /** Every name {@link #parse} accepts. */
    public static final Set<String> NAMES = Set.of(LEARNING_RATE, LR_DECAY, LR_SCHEDULE, LR_STEP_SIZE, EPOCHS, BATCH_SIZE,
            MOMENTUM, HIDDEN_LAYERS, UNITS_PER_LAYER, ACTIVATION, WEIGHT_DECAY, DROPOUT, OPTIMIZER);

    public static final int MAX_EPOCHS = 100_000;

    public Hyperparameters {
        var problems = new ArrayList<String>();
        check(learningRate >= 0 && learningRate <= 10, LEARNING_RATE + " must be in [0, 10], but was " + learningRate, problems);
        check(lrDecay >= 0 && lrDecay < 1, LR_DECAY + " must be in [0, 1), but was " + lrDecay, problems);
        check(lrSchedule != null, LR_SCHEDULE + " is required", problems);
        check(lrStepSize >= 1 && lrStepSize <= MAX_EPOCHS, LR_STEP_SIZE + " must be in [1, " + MAX_EPOCHS + "], but was " + lrStepSize, problems);
        check(epochs >= 1 && epochs <= MAX_EPOCHS, EPOCHS + " must be in [1, " + MAX_EPOCHS + "], but was " + epochs, problems);
        check(batchSize >= 1 && batchSize <= 65_536, BATCH_SIZE + " must be in [1, 65536], but was " + batchSize, problems);
        check(momentum >= 0 && momentum < 1, MOMENTUM + " must be in [0, 1), but was " + momentum, problems);
        check(hiddenLayers >= 0 && hiddenLayers <= 16, HIDDEN_LAYERS + " must be in [0, 16], but was " + hiddenLayers, problems);
        check(unitsPerLayer >= 1 && unitsPerLayer <= 4096, UNITS_PER_LAYER + " must be in [1, 4096], but was " + unitsPerLayer, problems);
        check(activation != null, ACTIVATION + " is required", problems);
        check(weightDecay >= 0 && weightDecay <= 1, WEIGHT_DECAY + " must be in [0, 1], but was " + weightDecay, problems);
        check(dropout >= 0 && dropout < 1, DROPOUT + " must be in [0, 1), but was " + dropout, problems);
        check(optimizer != null, OPTIMIZER + " is required", problems);
        if (!problems.isEmpty()) {
            throw new InvalidHyperparameterException(problems);
        }
    }

    /** The defaults: SGD with momentum 0.9 at η = 0.01, constant rate, 2 × 64 ReLU, batch 32, no regularisation. */
    public static Hyperparameters defaults(int epochs) {
        return parse(Map.of(), epochs);
    }

    /**
     * Reads a trial's parameters. Numbers may arrive as any JSON number (an integer parameter as 64 or
     * 64.0); a fractional value for an integer parameter, a string for a number, or an unknown name is
     * an error.
     *
     * @param maxEpochs the trial's epoch budget: the default and the upper bound of {@code epochs}
     */
    public static Hyperparameters parse(Map<String, Object> params, int maxEpochs) {
        var problems = new ArrayList<String>();
        params.keySet().stream().filter(name -> !NAMES.contains(name)).sorted().forEach(name -> problems.add(
                "unknown hyperparameter " + name + " (the builtin backend takes: " + String.join(", ", NAMES.stream().sorted().toList()) + ")"));
        var reader = new Reader(params, problems);
        double learningRate = reader.number(LEARNING_RATE, 0.01);
        double lrDecay = reader.number(LR_DECAY, 0.0);
        var schedule = reader.choice(LR_SCHEDULE, LearningRateSchedule.EXPONENTIAL, LearningRateSchedule::fromWireName, LearningRateSchedule.values(),
                LearningRateSchedule::wireName);
        int stepSize = reader.integer(LR_STEP_SIZE, 10);
        int epochs = reader.integer(EPOCHS, maxEpochs);
        if (params.containsKey(EPOCHS) && epochs > maxEpochs) {
            problems.add(EPOCHS + " must be <= the trial's epoch budget (budget.maxEpochs = " + maxEpochs + "), but was " + epochs);
        }
        int batchSize = reader.integer(BATCH_SIZE, 32);
        double momentum = reader.number(MOMENTUM, 0.9);
        int layers = reader.integer(HIDDEN_LAYERS, 2);
        int units = reader.integer(UNITS_PER_LAYER, 64);
        var activation = reader.choice(ACTIVATION, ActivationKind.RELU, ActivationKind::fromWireName, ActivationKind.values(), ActivationKind::wireName);
        double weightDecay = reader.number(WEIGHT_DECAY, 0.0);
        double dropout = reader.number(DROPOUT, 0.0);
        var optimizer = reader.choice(OPTIMIZER, OptimizerKind.SGD, OptimizerKind::fromWireName, OptimizerKind.values(), OptimizerKind::wireName);
        try {
            var hp = new Hyperparameters(learningRate, lrDecay, schedule, stepSize, epochs, batchSize, momentum, layers, units, activation,
                    weightDecay, dropout, optimizer);
            if (problems.isEmpty()) {
                return hp;
            }
        } catch (InvalidHyperparameterException e) {
            problems.addAll(e.problems()); // every broken rule at once, range rules after the type rules
        }
        throw new InvalidHyperparameterException(problems);
    }

    /** The learning rate of {@code epoch} (from 1) under this schedule. */
    public double learningRateAt(int epoch) {
        return lrSchedule.rate(learningRate, lrDecay, lrStepSize, epoch, epochs);
    }

    /** The parameters as a search space names them (what a saved model records). */
    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put(LEARNING_RATE, learningRate);
        map.put(LR_DECAY, lrDecay);
        map.put(LR_SCHEDULE, lrSchedule.wireName());
        map.put(LR_STEP_SIZE, lrStepSize);
        map.put(EPOCHS, epochs);
        map.put(BATCH_SIZE, batchSize);
        map.put(MOMENTUM, momentum);
        map.put(HIDDEN_LAYERS, hiddenLayers);
        map.put(UNITS_PER_LAYER, unitsPerLayer);
        map.put(ACTIVATION, activation.wireName());
        map.put(WEIGHT_DECAY, weightDecay);
        map.put(DROPOUT, dropout);
        map.put(OPTIMIZER, optimizer.wireName());
        return map;
    }

    private static void check(boolean ok, String problem, List<String> problems) {
        if (!ok) {
            problems.add(problem);
        }
    }

    /** Reads typed values, recording a problem (and returning the default) for a value of the wrong type. */
    private record Reader(Map<String, Object> params, List<String> problems) {

        double number(String name, double fallback) {
            Object value = params.get(name);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                return n.doubleValue();
            }
            problems.add(name + " must be a finite number, but was " + describe(value));
            return fallback;
        }

        int integer(String name, int fallback) {
            Object value = params.get(name);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
                return n.intValue();
            }
            problems.add(name + " must be an integer, but was " + describe(value));
            return fallback;
        }

        <E> E choice(String name, E fallback, Function<String, java.util.Optional<E>> byName, E[] all, Function<E, String> wireName) {
            Object value = params.get(name);
            if (value == null) {
                return fallback;
            }
            var found = value instanceof String text ? byName.apply(text) : java.util.Optional.<E>empty();
            if (found.isEmpty()) {
                problems.add(name + " must be one of " + String.join(", ", java.util.Arrays.stream(all).map(wireName).toList())
                        + ", but was " + describe(value));
                return fallback;
            }
            return found.get();
        }

        private static String describe(Object value) {
            return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
        }
    }
}

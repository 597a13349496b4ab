package io.tunestream.contracts.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the {@code builtin} backend (an MLP trained in the trainer's JVM) and the rules of its
 * hyperparameters, checked when a study is submitted so that a bad search space fails before any
 * trial runs (the trainer checks every trial's values again).
 *
 * @param dataset            {@code digits} (bundled), {@code {csv: path, label: column}} or
 *                           {@code {idx: {images: path, labels: path}}}; paths are read on the trainers
 * @param validationFraction share of each class held out for validation (default 0.2; unused with folds)
 * @param testFraction       share of each class held out for the study's final evaluation (default 0.2;
 *                           0 means no final evaluation)
 * @param folds              1 (default) or k ≥ 2 for k-fold cross-validation of train + validation
 * @param threads            PyTorch intra-op threads per trainer slot (default 1)
 * @param splitSeed          seed of the split, the same for every trial (default 0)
 * @param maxSamples         stratified sample size taken before splitting; empty: every row
 * @param device             auto (default: the GPU if the engine sees one), cpu or gpu
 */
public record BuiltinSettings(DatasetRef dataset, double validationFraction, double testFraction, int folds, int threads,
                              long splitSeed, Optional<Integer> maxSamples, String device) {

    public static final String BACKEND = "builtin";
    public static final List<String> KNOWN = List.of("dataset", "validationFraction", "testFraction", "folds", "threads", "splitSeed",
            "maxSamples", "device");
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

    /** Where the data comes from; {@code kind} is digits, csv or idx. */
    public record DatasetRef(String kind, Optional<String> path, Optional<String> label, Optional<String> images, Optional<String> labels) {
        public static DatasetRef digits() {
            return new DatasetRef("digits", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** One tunable hyperparameter's rule: a number range (integer or not) or a list of choices. */
    public record Rule(double min, boolean minInclusive, double max, boolean maxInclusive, boolean integer, List<String> choices) {
        static Rule range(double min, double max, boolean maxInclusive) {
            return new Rule(min, true, max, maxInclusive, false, List.of());
        }

        static Rule integers(int min, int max) {
            return new Rule(min, true, max, true, true, List.of());
        }

        static Rule oneOf(String... choices) {
            return new Rule(0, true, 0, true, false, List.of(choices));
        }

        public boolean categorical() {
            return !choices.isEmpty();
        }

        boolean accepts(double value) {
            return (minInclusive ? value >= min : value > min) && (maxInclusive ? value <= max : value < max)
                    && (!integer || value == Math.rint(value));
        }

        String describe() {
            if (categorical()) {
                return "one of " + String.join(", ", choices);
            }
            String kind = integer ? "an integer" : "a number";
            return kind + " in " + (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")");
        }
    }

    /**
     * The hyperparameters of the built-in MLP and their rules; mirrors {@code Hyperparameters} of
     * hpo-training (which this module does not depend on; trainer-service's tests check they agree).
     */
    public static final Map<String, Rule> HYPERPARAMETERS = hyperparameters();

    private static Map<String, Rule> hyperparameters() {
        var rules = new LinkedHashMap<String, Rule>();
        rules.put("learning_rate", Rule.range(0, 10, true));
        rules.put("lr_decay", Rule.range(0, 1, false));
        rules.put("lr_schedule", Rule.oneOf("exponential", "step", "cosine"));
        rules.put("lr_step_size", Rule.integers(1, 100_000));
        rules.put("epochs", Rule.integers(1, 100_000));
        rules.put("batch_size", Rule.integers(1, 65_536));
        rules.put("momentum", Rule.range(0, 1, false));
        rules.put("hidden_layers", Rule.integers(0, 16));
        rules.put("units_per_layer", Rule.integers(1, 4096));
        rules.put("activation", Rule.oneOf("relu", "tanh", "sigmoid", "gelu", "leaky_relu"));
        rules.put("weight_decay", Rule.range(0, 1, true));
        rules.put("dropout", Rule.range(0, 1, false));
        rules.put("optimizer", Rule.oneOf("sgd", "adam"));
        return java.util.Collections.unmodifiableMap(rules);
    }

    /** Reads and validates the settings map of a {@link TrainerSpec}; errors name {@code prefix.key}. */
    public static BuiltinSettings parse(Map<String, Object> settings, String prefix, List<FieldError> errors) {
        for (var key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                errors.add(new FieldError(prefix + "." + key, prefix + "." + key + " is not a setting of the builtin backend (known: " + String.join(", ", KNOWN) + ")"));
            }
        }
        DatasetRef dataset = dataset(settings.get("dataset"), prefix + ".dataset", errors);
        double validation = fraction(settings, "validationFraction", 0.2, prefix, errors);
        double test = fraction(settings, "testFraction", 0.2, prefix, errors);
        int folds = integer(settings, "folds", 1, 1, 50, prefix, errors);
        int threads = integer(settings, "threads", 1, 1, 256, prefix, errors);
        long splitSeed = integer(settings, "splitSeed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, prefix, errors);
        Optional<Integer> maxSamples = settings.containsKey("maxSamples")
                ? Optional.of(integer(settings, "maxSamples", 10, 10, Integer.MAX_VALUE, prefix, errors)) : Optional.empty();
        if (validation + test >= 1) {
            errors.add(new FieldError(prefix + ".testFraction", prefix + ".validationFraction + " + prefix + ".testFraction must be < 1, but was "
                    + fmt(validation + test)));
        }
        if (folds == 1 && settings.containsKey("validationFraction") && validation == 0) {
            errors.add(new FieldError(prefix + ".validationFraction", prefix + ".validationFraction must be > 0 unless folds >= 2 (trials need validation rows)"));
        }
        String device = "auto";
        Object rawDevice = settings.get("device");
        if (rawDevice != null) {
            if (rawDevice instanceof String text && DEVICES.contains(text)) {
                device = text;
            } else {
                errors.add(new FieldError(prefix + ".device", prefix + ".device must be one of " + String.join(", ", DEVICES) + ", but was " + rawDevice));
            }
        }
        return new BuiltinSettings(dataset, validation, test, folds, threads, splitSeed, maxSamples, device);
    }

    /** Parses settings that were validated already; throws if they are not valid. */
    public static BuiltinSettings of(Map<String, Object> settings) {
        var errors = new ArrayList<FieldError>();
        var parsed = parse(settings, "trainer.settings", errors);
        if (!errors.isEmpty()) {
            throw new InvalidStudySpecException(errors);
        }
        return parsed;
    }

    /** Checks each search-space parameter is a hyperparameter of the MLP and that its range obeys the rule. */
    public static void validateSearchSpace(Map<String, ParameterSpec> space, List<FieldError> errors) {
        space.forEach((name, parameter) -> {
            String path = "searchSpace." + name;
            Rule rule = HYPERPARAMETERS.get(name);
            if (rule == null) {
                errors.add(new FieldError(path, path + " is not a hyperparameter of the builtin backend (known: "
                        + String.join(", ", HYPERPARAMETERS.keySet()) + ")"));
                return;
            }
            if (parameter == null || parameter.type() == null) {
                return; // reported by the search-space rules
            }
            if (rule.categorical()) {
                if (!parameter.type().equals("categorical")) {
                    errors.add(new FieldError(path + ".type", path + ".type must be categorical for the builtin backend (" + rule.describe() + ")"));
                } else if (parameter.choices() != null) {
                    for (int i = 0; i < parameter.choices().size(); i++) {
                        Object choice = parameter.choices().get(i);
                        if (!(choice instanceof String text && rule.choices().contains(text))) {
                            errors.add(new FieldError(path + ".choices[" + i + "]", path + ".choices[" + i + "] must be " + rule.describe() + ", but was " + choice));
                        }
                    }
                }
                return;
            }
            if (parameter.type().equals("categorical")) {
                if (parameter.choices() != null) {
                    for (int i = 0; i < parameter.choices().size(); i++) {
                        Object choice = parameter.choices().get(i);
                        if (!(choice instanceof Number n && rule.accepts(n.doubleValue()))) {
                            errors.add(new FieldError(path + ".choices[" + i + "]", path + ".choices[" + i + "] must be " + rule.describe() + ", but was " + choice));
                        }
                    }
                }
                return;
            }
            if (rule.integer() && parameter.type().equals("float")) {
                errors.add(new FieldError(path + ".type", path + ".type must be int for the builtin backend (" + rule.describe() + ")"));
            }
            for (var bound : List.of(new Object[] {"low", parameter.low()}, new Object[] {"high", parameter.high()})) {
                Double value = (Double) bound[1];
                if (value != null && Double.isFinite(value) && !rule.accepts(value) && !(rule.integer() && value != Math.rint(value))) {
                    errors.add(new FieldError(path + "." + bound[0], path + "." + bound[0] + " must be " + rule.describe() + " for the builtin backend, but was " + fmt(value)));
                }
            }
        });
    }

    private static DatasetRef dataset(Object raw, String path, List<FieldError> errors) {
        if (raw == null || "digits".equals(raw)) {
            return DatasetRef.digits();
        }
        if (raw instanceof Map<?, ?> map) {
            if (map.containsKey("csv")) {
                Object file = map.get("csv");
                Object label = map.get("label");
                map.keySet().stream().map(String::valueOf).filter(k -> !k.equals("csv") && !k.equals("label"))
                        .forEach(k -> errors.add(new FieldError(path + "." + k, path + "." + k + " is not a field of a csv dataset (it takes csv and label)")));
                if (!(file instanceof String f) || f.isBlank()) {
                    errors.add(new FieldError(path + ".csv", path + ".csv must be the path of a CSV file on the trainers, but was " + file));
                }
                if (!(label instanceof String l) || l.isBlank()) {
                    errors.add(new FieldError(path + ".label", path + ".label must name the CSV file's class column, but was " + label));
                }
                return new DatasetRef("csv", Optional.ofNullable(file).map(String::valueOf), Optional.ofNullable(label).map(String::valueOf),
                        Optional.empty(), Optional.empty());
            }
            if (map.containsKey("idx")) {
                map.keySet().stream().map(String::valueOf).filter(k -> !k.equals("idx"))
                        .forEach(k -> errors.add(new FieldError(path + "." + k, path + "." + k + " is not a field of an idx dataset (it takes idx: {images, labels})")));
                if (map.get("idx") instanceof Map<?, ?> idx && idx.get("images") instanceof String images && !images.isBlank()
                        && idx.get("labels") instanceof String labels && !labels.isBlank() && idx.size() == 2) {
                    return new DatasetRef("idx", Optional.empty(), Optional.empty(), Optional.of(images), Optional.of(labels));
                }
                errors.add(new FieldError(path + ".idx", path + ".idx must be {images: path, labels: path} (IDX files on the trainers), but was " + map.get("idx")));
                return DatasetRef.digits();
            }
        }
        errors.add(new FieldError(path, path + " must be digits, {csv: path, label: column} or {idx: {images: path, labels: path}}, but was " + raw));
        return DatasetRef.digits();
    }

    private static double fraction(Map<String, Object> settings, String key, double fallback, String prefix, List<FieldError> errors) {
        Object value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() < 1) {
            return n.doubleValue();
        }
        errors.add(new FieldError(prefix + "." + key, prefix + "." + key + " must be a number in [0, 1), but was " + value));
        return fallback;
    }

    private static int integer(Map<String, Object> settings, String key, int fallback, int min, int max, String prefix, List<FieldError> errors) {
        Object value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.intValue();
        }
        errors.add(new FieldError(prefix + "." + key, prefix + "." + key + " must be an integer between " + min + " and " + max + ", but was " + value));
        return fallback;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}

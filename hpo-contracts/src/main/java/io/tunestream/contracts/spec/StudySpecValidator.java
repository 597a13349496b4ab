package io.tunestream.contracts.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every rule of a {@link StudySpec} and reports each broken one with the field's path, so that
 * a user fixes a spec in one round trip. Runs before any trial exists (Katib's lesson: settings are
 * validated in their own step).
 */
public final class StudySpecValidator {

    public static final Set<String> ALGORITHMS = Set.of("random", "grid", "tpe", "gp", "bohb");
    /**
     * The settings each algorithm takes, in the order their rules are checked. The limits mirror the
     * optimizer's {@code TpeSettings} and {@code GpSettings} (this module does not depend on it), so a
     * spec that passes here never fails when its sampler is built.
     */
    public static final Map<String, List<String>> ALGORITHM_SETTINGS = Map.of(
            "random", List.of(),
            "grid", List.of(),
            "tpe", List.of("nStartupTrials", "gamma", "nEiCandidates", "priorWeight", "multivariate", "constantLiar"),
            "gp", List.of("nStartupTrials", "nRestarts", "nCandidates"),
            "bohb", List.of("randomFraction", "minPoints", "nStartupTrials", "gamma", "nEiCandidates", "priorWeight",
                    "multivariate", "constantLiar"));
    public static final Set<String> BACKENDS = Set.of(SyntheticSettings.BACKEND, "command", BuiltinSettings.BACKEND);
    private static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    public static final int MAX_TRIALS_LIMIT = 100_000;
    public static final int MAX_PARALLEL_LIMIT = 1_000;
    public static final int MAX_EPOCHS_LIMIT = 100_000;
    public static final int MAX_PARAMETERS = 100;
    public static final int MAX_CHOICES = 1_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

    private StudySpecValidator() {
    }

    /** Every broken rule; empty when the spec is valid. */
    public static List<FieldError> validate(StudySpec spec) {
        var errors = new ArrayList<FieldError>();
        if (spec == null) {
            errors.add(new FieldError("", "the study spec is empty"));
            return errors;
        }
        if (spec.name() == null) {
            errors.add(missing("name"));
        } else if (!NAME.matcher(spec.name()).matches()) {
            errors.add(new FieldError("name", "name must be 1-100 letters, digits, '.', '_' or '-' starting with a letter or digit, but was \"" + spec.name() + "\""));
        }
        validateObjective(spec.objective(), errors);
        validateSearchSpace(spec.searchSpace(), spec.algorithm(), errors);
        validateAlgorithm(spec.algorithm(), errors);
        validateBudget(spec.budget(), errors);
        validateTrainer(spec.trainer(), spec.searchSpace(), errors);
        validateScheduler(spec.scheduler(), spec.budget(), errors);
        validateBohbScheduler(spec, errors);
        validateFinalize(spec, errors);
        return errors;
    }

    /** Throws {@link InvalidStudySpecException} with every broken rule, or returns the spec. */
    public static StudySpec requireValid(StudySpec spec) {
        var errors = validate(spec);
        if (!errors.isEmpty()) {
            throw new InvalidStudySpecException(errors);
        }
        return spec;
    }

    private static void validateObjective(ObjectiveSpec objective, List<FieldError> errors) {
        if (objective == null) {
            errors.add(missing("objective"));
            return;
        }
        if (objective.metric() == null) {
            errors.add(missing("objective.metric"));
        } else if (!IDENTIFIER.matcher(objective.metric()).matches()) {
            errors.add(new FieldError("objective.metric", "objective.metric must be an identifier (letters, digits, '_', '.', '-'), but was \"" + objective.metric() + "\""));
        }
        if (objective.direction() == null) {
            errors.add(missing("objective.direction"));
        } else if (!objective.direction().equals("minimize") && !objective.direction().equals("maximize")) {
            errors.add(new FieldError("objective.direction", "objective.direction must be one of minimize, maximize, but was \"" + objective.direction() + "\""));
        }
    }

    private static void validateSearchSpace(Map<String, ParameterSpec> space, AlgorithmSpec algorithm, List<FieldError> errors) {
        if (space == null || space.isEmpty()) {
            errors.add(new FieldError("searchSpace", "searchSpace must define at least one parameter"));
            return;
        }
        if (space.size() > MAX_PARAMETERS) {
            errors.add(new FieldError("searchSpace", "searchSpace must define at most " + MAX_PARAMETERS + " parameters, but defines " + space.size()));
        }
        boolean grid = algorithm != null && "grid".equals(algorithm.name());
        space.forEach((name, parameter) -> validateParameter(name, parameter, grid, errors));
    }

    private static void validateParameter(String name, ParameterSpec p, boolean grid, List<FieldError> errors) {
        String path = "searchSpace." + name;
        if (!IDENTIFIER.matcher(name).matches()) {
            errors.add(new FieldError(path, "searchSpace parameter names must be identifiers (letters, digits, '_', '.', '-', not starting with a digit), but was \"" + name + "\""));
        }
        if (p == null) {
            errors.add(new FieldError(path, path + " must be an object with a type"));
            return;
        }
        if (p.type() == null) {
            errors.add(missing(path + ".type"));
            return;
        }
        switch (p.type()) {
            case "float" -> validateNumeric(path, p, false, grid, errors);
            case "int" -> validateNumeric(path, p, true, grid, errors);
            case "categorical" -> validateCategorical(path, p, errors);
            default -> errors.add(new FieldError(path + ".type", path + ".type must be one of float, int, categorical, but was \"" + p.type() + "\""));
        }
    }

    private static void validateNumeric(String path, ParameterSpec p, boolean integer, boolean grid, List<FieldError> errors) {
        if (p.choices() != null) {
            errors.add(new FieldError(path + ".choices", path + ".choices is only allowed for type categorical"));
        }
        boolean bounds = true;
        for (var bound : List.of(new Object[] {"low", p.low()}, new Object[] {"high", p.high()})) {
            String field = path + "." + bound[0];
            Double value = (Double) bound[1];
            if (value == null) {
                errors.add(missing(field));
                bounds = false;
            } else if (!Double.isFinite(value)) {
                errors.add(new FieldError(field, field + " must be a finite number, but was " + value));
                bounds = false;
            } else if (integer && value != Math.rint(value)) {
                errors.add(new FieldError(field, field + " must be an integer for type int, but was " + value));
                bounds = false;
            }
        }
        if (bounds) {
            double low = p.low();
            double high = p.high();
            if (integer ? low > high : low >= high) {
                errors.add(new FieldError(path + ".high", path + ".high must be " + (integer ? ">=" : ">") + " low, but was high=" + fmt(high) + ", low=" + fmt(low)));
            }
            if (p.isLog() && low <= 0) {
                errors.add(new FieldError(path + ".low", path + ".low must be > 0 when log=true, but was " + fmt(low)));
            }
            if (p.step() != null) {
                double step = p.step();
                if (!(step > 0) || !Double.isFinite(step)) {
                    errors.add(new FieldError(path + ".step", path + ".step must be > 0, but was " + fmt(step)));
                } else if (integer && step != Math.rint(step)) {
                    errors.add(new FieldError(path + ".step", path + ".step must be an integer for type int, but was " + step));
                } else if (high > low && step > high - low) {
                    errors.add(new FieldError(path + ".step", path + ".step must be <= high - low (" + fmt(high - low) + "), but was " + fmt(step)));
                }
                if (p.isLog() && !(integer && step == 1)) {
                    errors.add(new FieldError(path + ".step", path + ".step cannot be combined with log=true"));
                }
            }
        }
        if (p.gridPoints() != null && p.gridPoints() < 2) {
            errors.add(new FieldError(path + ".gridPoints", path + ".gridPoints must be >= 2, but was " + p.gridPoints()));
        }
        if (grid && !integer && p.step() == null && p.gridPoints() == null) {
            errors.add(new FieldError(path + ".gridPoints", path + ".gridPoints is required for a float parameter without step when algorithm is grid"));
        }
    }

    private static void validateCategorical(String path, ParameterSpec p, List<FieldError> errors) {
        if (p.low() != null || p.high() != null || p.step() != null || p.log() != null) {
            errors.add(new FieldError(path, path + " of type categorical takes only choices (low, high, step and log are for float and int)"));
        }
        if (p.choices() == null || p.choices().isEmpty()) {
            errors.add(new FieldError(path + ".choices", path + ".choices must list at least one value"));
            return;
        }
        if (p.choices().size() > MAX_CHOICES) {
            errors.add(new FieldError(path + ".choices", path + ".choices must list at most " + MAX_CHOICES + " values, but lists " + p.choices().size()));
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < p.choices().size(); i++) {
            Object choice = p.choices().get(i);
            String field = path + ".choices[" + i + "]";
            if (!(choice instanceof String || choice instanceof Boolean || (choice instanceof Number n && Double.isFinite(n.doubleValue())))) {
                errors.add(new FieldError(field, field + " must be a string, a boolean or a finite number, but was " + choice));
            } else if (!seen.add(choice instanceof Number n ? (Object) n.doubleValue() : choice)) {
                errors.add(new FieldError(field, field + " must not repeat an earlier choice, but " + choice + " appears twice"));
            }
        }
    }

    private static void validateAlgorithm(AlgorithmSpec algorithm, List<FieldError> errors) {
        if (algorithm == null || algorithm.name() == null) {
            errors.add(missing("algorithm.name"));
            return;
        }
        if (!ALGORITHMS.contains(algorithm.name())) {
            errors.add(new FieldError("algorithm.name", "algorithm.name must be one of " + String.join(", ", ALGORITHMS.stream().sorted().toList()) + ", but was \"" + algorithm.name() + "\""));
            return;
        }
        // An unknown key is a typo or a setting of another algorithm: name the algorithm and what it takes.
        var known = ALGORITHM_SETTINGS.get(algorithm.name());
        algorithm.settings().keySet().stream().filter(key -> !known.contains(key)).forEach(key -> errors.add(new FieldError("algorithm.settings." + key,
                "algorithm.settings." + key + " is not a setting of " + algorithm.name()
                        + (known.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", known) + ")"))));
        var settings = algorithm.settings();
        switch (algorithm.name()) {
            case "tpe" -> tpeSettings(settings, errors);
            case "bohb" -> {
                Object randomFraction = settings.get("randomFraction");
                if (randomFraction != null && !(randomFraction instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
                    errors.add(new FieldError("algorithm.settings.randomFraction", "algorithm.settings.randomFraction must be in [0, 1], but was " + describe(randomFraction)));
                }
                integerSetting(settings, "minPoints", 1, MAX_TRIALS_LIMIT, errors);
                tpeSettings(settings, errors);
            }
            case "gp" -> {
                integerSetting(settings, "nStartupTrials", 0, MAX_TRIALS_LIMIT, errors);
                integerSetting(settings, "nRestarts", 1, 20, errors);
                integerSetting(settings, "nCandidates", 1, 100_000, errors);
            }
            default -> {
                // random and grid take no settings.
            }
        }
    }

    /** TPE's settings, shared by {@code tpe} and {@code bohb} (whose model is a TPE per budget). */
    private static void tpeSettings(Map<String, Object> settings, List<FieldError> errors) {
        integerSetting(settings, "nStartupTrials", 0, MAX_TRIALS_LIMIT, errors);
        Object gamma = settings.get("gamma");
        if (gamma != null && !(gamma instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 1)) {
            errors.add(new FieldError("algorithm.settings.gamma", "algorithm.settings.gamma must be in (0, 1], but was " + describe(gamma)));
        }
        integerSetting(settings, "nEiCandidates", 1, 10_000, errors);
        Object priorWeight = settings.get("priorWeight");
        if (priorWeight != null && !(priorWeight instanceof Number n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue()))) {
            errors.add(new FieldError("algorithm.settings.priorWeight", "algorithm.settings.priorWeight must be > 0 and finite, but was " + describe(priorWeight)));
        }
        booleanSetting(settings, "multivariate", errors);
        booleanSetting(settings, "constantLiar", errors);
    }

    private static void integerSetting(Map<String, Object> settings, String key, int min, int max, List<FieldError> errors) {
        Object value = settings.get(key);
        boolean integral = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
        if (value != null && !(integral && ((Number) value).doubleValue() >= min && ((Number) value).doubleValue() <= max)) {
            errors.add(new FieldError("algorithm.settings." + key, "algorithm.settings." + key + " must be an integer between " + min + " and " + max
                    + ", but was " + describe(value)));
        }
    }

    private static void booleanSetting(Map<String, Object> settings, String key, List<FieldError> errors) {
        Object value = settings.get(key);
        if (value != null && !(value instanceof Boolean)) {
            errors.add(new FieldError("algorithm.settings." + key, "algorithm.settings." + key + " must be true or false, but was " + describe(value)));
        }
    }

    private static String describe(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static void validateBudget(BudgetSpec budget, List<FieldError> errors) {
        if (budget == null) {
            errors.add(missing("budget"));
            return;
        }
        range("budget.maxTrials", budget.maxTrials(), 1, MAX_TRIALS_LIMIT, errors);
        range("budget.maxParallel", budget.maxParallel(), 1, MAX_PARALLEL_LIMIT, errors);
        range("budget.maxEpochs", budget.maxEpochs(), 1, MAX_EPOCHS_LIMIT, errors);
        if (budget.maxEpochsTotal() != null && budget.maxEpochsTotal() < 1) {
            errors.add(new FieldError("budget.maxEpochsTotal", "budget.maxEpochsTotal must be >= 1, but was " + budget.maxEpochsTotal()));
        }
    }

    private static void validateTrainer(TrainerSpec trainer, Map<String, ParameterSpec> space, List<FieldError> errors) {
        if (trainer == null || trainer.backend() == null) {
            errors.add(missing("trainer.backend"));
            return;
        }
        if (!BACKENDS.contains(trainer.backend())) {
            errors.add(new FieldError("trainer.backend", "trainer.backend must be one of " + String.join(", ", BACKENDS.stream().sorted().toList()) + ", but was \"" + trainer.backend() + "\""));
            return;
        }
        if (trainer.backend().equals("command")) {
            validateCommandSettings(trainer.settings(), errors);
            return;
        }
        if (trainer.backend().equals(BuiltinSettings.BACKEND)) {
            BuiltinSettings.parse(trainer.settings(), "trainer.settings", errors);
            if (space != null) {
                BuiltinSettings.validateSearchSpace(space, errors);
            }
            return;
        }
        var settings = SyntheticSettings.parse(trainer.settings(), "trainer.settings", errors);
        if (space != null) {
            for (var target : settings.targets().keySet()) {
                if (!space.containsKey(target)) {
                    errors.add(new FieldError("trainer.settings.targets." + target, "trainer.settings.targets." + target + " must name a parameter of searchSpace"));
                }
            }
        }
    }

    /**
     * The command backend takes only the name of a program the operator registered on the trainers:
     * a study never carries a command line (that would let any API caller run code on the GPU nodes).
     */
    private static void validateCommandSettings(Map<String, Object> settings, List<FieldError> errors) {
        Object program = settings.get("program");
        if (program == null) {
            errors.add(missing("trainer.settings.program"));
        } else if (!(program instanceof String name) || !PROGRAM.matcher(name).matches()) {
            errors.add(new FieldError("trainer.settings.program", "trainer.settings.program must be the name of a program registered on the trainers"
                    + " (letters, digits, '.', '_', '-'), but was " + program));
        }
        settings.keySet().stream().filter(key -> !key.equals("program")).forEach(key -> errors.add(new FieldError("trainer.settings." + key,
                "trainer.settings." + key + " is not a setting of the command backend (it takes only program; the operator configures the command)")));
    }

    public static final Set<String> SCHEDULERS = Set.of("asha", "hyperband", "median", SchedulerSpec.NONE);

    private static void validateScheduler(SchedulerSpec scheduler, BudgetSpec budget, List<FieldError> errors) {
        if (scheduler == null) {
            return;
        }
        if (scheduler.name() == null) {
            errors.add(missing("scheduler.name"));
            return;
        }
        if (!SCHEDULERS.contains(scheduler.name())) {
            errors.add(new FieldError("scheduler.name", "scheduler.name must be one of " + String.join(", ", SCHEDULERS.stream().sorted().toList())
                    + ", but was \"" + scheduler.name() + "\""));
            return;
        }
        boolean rungs = scheduler.name().equals("asha") || scheduler.name().equals("hyperband");
        boolean median = scheduler.name().equals("median");
        notFor(scheduler.minEpochs(), "minEpochs", rungs, scheduler.name(), errors);
        notFor(scheduler.eta(), "eta", rungs, scheduler.name(), errors);
        notFor(scheduler.maxEpochs(), "maxEpochs", rungs, scheduler.name(), errors);
        notFor(scheduler.warmupEpochs(), "warmupEpochs", median, scheduler.name(), errors);
        notFor(scheduler.minTrials(), "minTrials", median, scheduler.name(), errors);
        Integer budgetEpochs = budget == null ? null : budget.maxEpochs();
        if (rungs) {
            int r = scheduler.minEpochsOrDefault();
            if (r < 1) {
                errors.add(new FieldError("scheduler.minEpochs", "scheduler.minEpochs must be >= 1, but was " + r));
            }
            if (scheduler.etaOrDefault() < 2) {
                errors.add(new FieldError("scheduler.eta", "scheduler.eta must be >= 2, but was " + scheduler.etaOrDefault()));
            }
            if (budgetEpochs != null) {
                int maxEpochs = scheduler.maxEpochsOr(budgetEpochs);
                if (maxEpochs > budgetEpochs) {
                    errors.add(new FieldError("scheduler.maxEpochs", "scheduler.maxEpochs must be <= budget.maxEpochs (" + budgetEpochs + "), but was " + maxEpochs));
                } else if (maxEpochs <= r) {
                    errors.add(new FieldError("scheduler.maxEpochs", "scheduler.maxEpochs must be > scheduler.minEpochs (" + r
                            + ") so that there is a rung to stop at, but was " + maxEpochs));
                } else if (scheduler.name().equals(SchedulerSpec.HYPERBAND) && r >= 1 && scheduler.etaOrDefault() >= 2
                        && maxEpochs < (long) r * scheduler.etaOrDefault()) {
                    errors.add(new FieldError("scheduler.maxEpochs", "scheduler.maxEpochs must be >= scheduler.minEpochs * scheduler.eta ("
                            + (long) r * scheduler.etaOrDefault() + ") so that hyperband has more than one bracket, but was " + maxEpochs));
                }
            }
        }
        if (median) {
            if (scheduler.warmupEpochsOrDefault() < 0) {
                errors.add(new FieldError("scheduler.warmupEpochs", "scheduler.warmupEpochs must be >= 0, but was " + scheduler.warmupEpochsOrDefault()));
            }
            if (scheduler.minTrialsOrDefault() < 1) {
                errors.add(new FieldError("scheduler.minTrials", "scheduler.minTrials must be >= 1, but was " + scheduler.minTrialsOrDefault()));
            }
        }
    }

    /**
     * BOHB is Hyperband's budgets plus a model: it runs under {@code hyperband}, which it implies when
     * the spec names no scheduler ({@link StudySpec#effectiveScheduler()}); any other scheduler is an error.
     */
    private static void validateBohbScheduler(StudySpec spec, List<FieldError> errors) {
        if (spec.algorithm() == null || !SchedulerSpec.BOHB_ALGORITHM.equals(spec.algorithm().name())) {
            return;
        }
        SchedulerSpec scheduler = spec.scheduler();
        if (scheduler != null && scheduler.name() != null && !scheduler.name().equals(SchedulerSpec.HYPERBAND)) {
            errors.add(new FieldError("scheduler.name", "scheduler.name must be hyperband (or absent, which implies hyperband)"
                    + " when algorithm.name is bohb, but was \"" + scheduler.name() + "\""));
            return;
        }
        Integer budgetEpochs = spec.budget() == null ? null : spec.budget().maxEpochs();
        SchedulerSpec implied = SchedulerSpec.bohbDefault();
        int needed = implied.minEpochsOrDefault() * implied.etaOrDefault();
        if (scheduler == null && budgetEpochs != null && budgetEpochs >= 1 && budgetEpochs < needed) {
            errors.add(new FieldError("budget.maxEpochs", "budget.maxEpochs must be >= " + needed + " when algorithm.name is bohb"
                    + " (its implied hyperband scheduler needs minEpochs * eta = " + needed + " epochs), but was " + budgetEpochs));
        }
    }

    /** {@code finalize} needs a held-out test set, which only the builtin backend has. */
    private static void validateFinalize(StudySpec spec, List<FieldError> errors) {
        FinalizeSpec finalization = spec.finalization();
        if (finalization == null) {
            return;
        }
        TrainerSpec trainer = spec.trainer();
        if (trainer == null || trainer.backend() == null) {
            return;
        }
        if (!trainer.backend().equals(BuiltinSettings.BACKEND)) {
            errors.add(new FieldError("finalize", "finalize is only supported by trainer.backend builtin (it needs a held-out test set), but the backend was \""
                    + trainer.backend() + "\""));
            return;
        }
        if (trainer.settings().get("testFraction") instanceof Number n && n.doubleValue() == 0) {
            errors.add(new FieldError("trainer.settings.testFraction", "trainer.settings.testFraction must be > 0 when finalize is set (the final evaluation needs test rows)"));
        }
        if (finalization.modelDir() != null && (finalization.modelDir().isBlank() || finalization.modelDir().length() > 1000)) {
            errors.add(new FieldError("finalize.modelDir", "finalize.modelDir must be a directory path of 1-1000 characters, but was \"" + finalization.modelDir() + "\""));
        }
        if (finalization.modelDir() != null && !finalization.retrainOrDefault()) {
            errors.add(new FieldError("finalize.modelDir", "finalize.modelDir is only used with finalize.retrain: true (only a retrained model is saved)"));
        }
    }

    private static void notFor(Integer value, String setting, boolean allowed, String scheduler, List<FieldError> errors) {
        if (value != null && !allowed) {
            errors.add(new FieldError("scheduler." + setting, "scheduler." + setting + " is not a setting of " + scheduler));
        }
    }

    private static void range(String field, Integer value, int min, int max, List<FieldError> errors) {
        if (value == null) {
            errors.add(missing(field));
        } else if (value < min || value > max) {
            errors.add(new FieldError(field, field + " must be between " + min + " and " + max + ", but was " + value));
        }
    }

    private static FieldError missing(String field) {
        return new FieldError(field, field + " is required");
    }

    private static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}

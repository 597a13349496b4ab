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

    public static final Set<String> ALGORITHMS = Set.of("random", "grid");
    public static final Set<String> BACKENDS = Set.of(SyntheticSettings.BACKEND);
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
        // random and grid take no settings: anything there is a typo or a setting of another algorithm.
        algorithm.settings().keySet().forEach(key -> errors.add(new FieldError("algorithm.settings." + key,
                "algorithm.settings." + key + " is not a setting of " + algorithm.name() + " (it takes none)")));
    }

    private static void validateBudget(BudgetSpec budget, List<FieldError> errors) {
        if (budget == null) {
            errors.add(missing("budget"));
            return;
        }
        range("budget.maxTrials", budget.maxTrials(), 1, MAX_TRIALS_LIMIT, errors);
        range("budget.maxParallel", budget.maxParallel(), 1, MAX_PARALLEL_LIMIT, errors);
        range("budget.maxEpochs", budget.maxEpochs(), 1, MAX_EPOCHS_LIMIT, errors);
    }

    private static void validateTrainer(TrainerSpec trainer, Map<String, ParameterSpec> space, List<FieldError> errors) {
        if (trainer == null || trainer.backend() == null) {
            errors.add(missing("trainer.backend"));
            return;
        }
        if (!BACKENDS.contains(trainer.backend())) {
            errors.add(new FieldError("trainer.backend", "trainer.backend must be one of " + String.join(", ", BACKENDS) + ", but was \"" + trainer.backend() + "\""));
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

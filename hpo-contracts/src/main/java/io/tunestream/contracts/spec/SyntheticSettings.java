package io.tunestream.contracts.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the {@code synthetic} training backend: a learning curve whose final loss is a known
 * function of the parameters' distance to {@code targets}, so that load, fault and end-to-end tests
 * have a real optimum to find without training anything.
 *
 * @param epochMillis         wall time of one epoch
 * @param noise               standard deviation of the seeded noise added to each epoch's loss
 * @param failureProbability  chance that an epoch fails the trial (fault tests)
 * @param targets             the best value of each parameter it names; parameters not named do not
 *                            change the loss
 */
public record SyntheticSettings(long epochMillis, double noise, double failureProbability, Map<String, Object> targets) {

    public static final String BACKEND = "synthetic";
    private static final List<String> KNOWN = List.of("epochMillis", "noise", "failureProbability", "targets");

    /** Reads and validates the settings map of a {@link TrainerSpec}; errors name {@code prefix.key}. */
    public static SyntheticSettings parse(Map<String, Object> settings, String prefix, List<FieldError> errors) {
        for (var key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                errors.add(new FieldError(prefix + "." + key, prefix + "." + key + " is not a setting of the synthetic backend (known: " + String.join(", ", KNOWN) + ")"));
            }
        }
        long epochMillis = number(settings, "epochMillis", 100, prefix, errors).longValue();
        if (epochMillis < 0 || epochMillis > 3_600_000) {
            errors.add(new FieldError(prefix + ".epochMillis", prefix + ".epochMillis must be between 0 and 3600000, but was " + epochMillis));
        }
        double noise = number(settings, "noise", 0.01, prefix, errors).doubleValue();
        if (!(noise >= 0 && noise <= 10)) {
            errors.add(new FieldError(prefix + ".noise", prefix + ".noise must be between 0 and 10, but was " + noise));
        }
        double failure = number(settings, "failureProbability", 0.0, prefix, errors).doubleValue();
        if (!(failure >= 0 && failure <= 1)) {
            errors.add(new FieldError(prefix + ".failureProbability", prefix + ".failureProbability must be between 0 and 1, but was " + failure));
        }
        Map<String, Object> targets = new LinkedHashMap<>();
        Object raw = settings.get("targets");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> targets.put(String.valueOf(k), v));
        } else if (raw != null) {
            errors.add(new FieldError(prefix + ".targets", prefix + ".targets must be a map of parameter name to value, but was " + raw));
        }
        return new SyntheticSettings(epochMillis, noise, failure, targets);
    }

    /** Parses settings that were validated already; throws if they are not valid. */
    public static SyntheticSettings of(Map<String, Object> settings) {
        var errors = new ArrayList<FieldError>();
        var parsed = parse(settings, "trainer.settings", errors);
        if (!errors.isEmpty()) {
            throw new InvalidStudySpecException(errors);
        }
        return parsed;
    }

    private static Number number(Map<String, Object> settings, String key, Number fallback, String prefix, List<FieldError> errors) {
        Object value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n;
        }
        errors.add(new FieldError(prefix + "." + key, prefix + "." + key + " must be a finite number, but was " + value));
        return fallback;
    }
}

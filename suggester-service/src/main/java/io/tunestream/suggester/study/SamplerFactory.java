package io.tunestream.suggester.study;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tunestream.contracts.spec.ParameterSpec;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.sampler.BohbSampler;
import io.tunestream.optimizer.sampler.BohbSettings;
import io.tunestream.optimizer.sampler.GpSampler;
import io.tunestream.optimizer.sampler.GpSettings;
import io.tunestream.optimizer.sampler.GridSampler;
import io.tunestream.optimizer.sampler.RandomSampler;
import io.tunestream.optimizer.sampler.Sampler;
import io.tunestream.optimizer.sampler.StartupSampler;
import io.tunestream.optimizer.sampler.TpeSampler;
import io.tunestream.optimizer.sampler.TpeSettings;
import io.tunestream.optimizer.space.Distribution;
import io.tunestream.optimizer.space.SearchSpace;

/**
 * Converts the wire model of a validated spec into the optimizer's types, once, at the edge
 * (Katib's lesson: never carry numbers-as-strings or untyped settings into the algorithms).
 */
public final class SamplerFactory {

    /** Values tried per numeric parameter by grid search when the spec gives no {@code gridPoints}. */
    public static final int DEFAULT_GRID_POINTS = 5;
    /** Random trials that must have a loss before TPE or GP takes over, when the spec gives no {@code nStartupTrials}. */
    public static final int DEFAULT_STARTUP_TRIALS = 10;

    private SamplerFactory() {
    }

    public static SearchSpace searchSpace(StudySpec spec) {
        var builder = SearchSpace.builder();
        spec.searchSpace().forEach((name, parameter) -> builder.add(name, distribution(parameter)));
        return builder.build();
    }

    public static Sampler sampler(StudySpec spec) {
        return switch (spec.algorithm().name()) {
            case "random" -> RandomSampler.create();
            case "grid" -> {
                Map<String, Integer> points = new LinkedHashMap<>();
                spec.searchSpace().forEach((name, parameter) -> {
                    if (parameter.gridPoints() != null) {
                        points.put(name, parameter.gridPoints());
                    }
                });
                yield GridSampler.of(points, DEFAULT_GRID_POINTS);
            }
            case "tpe" -> {
                var settings = spec.algorithm().settings();
                var tpe = TpeSampler.create(new TpeSettings(
                        number(settings, "gamma", TpeSettings.DEFAULT_GAMMA).doubleValue(),
                        number(settings, "nEiCandidates", TpeSettings.DEFAULT_EI_CANDIDATES).intValue(),
                        number(settings, "priorWeight", TpeSettings.DEFAULT_PRIOR_WEIGHT).doubleValue(),
                        flag(settings, "multivariate", TpeSettings.DEFAULT_MULTIVARIATE),
                        flag(settings, "constantLiar", TpeSettings.DEFAULT_CONSTANT_LIAR)));
                yield StartupSampler.of(RandomSampler.create(), tpe, startupTrials(settings));
            }
            case "gp" -> {
                var settings = spec.algorithm().settings();
                var gp = GpSampler.create(new GpSettings(
                        number(settings, "nRestarts", GpSettings.DEFAULT_RESTARTS).intValue(),
                        number(settings, "nCandidates", GpSettings.DEFAULT_CANDIDATES).intValue()));
                yield StartupSampler.of(RandomSampler.create(), gp, startupTrials(settings));
            }
            case "bohb" -> {
                // Hyperband's budgets come from the spec's (or the implied) scheduler in results-service;
                // this is BOHB's model half, fed the per-budget observations that StudyRun records.
                var settings = spec.algorithm().settings();
                var bohb = BohbSampler.create(new BohbSettings(
                        number(settings, "randomFraction", BohbSettings.DEFAULT_RANDOM_FRACTION).doubleValue(),
                        settings.get("minPoints") instanceof Number n ? java.util.OptionalInt.of(n.intValue()) : java.util.OptionalInt.empty(),
                        new TpeSettings(
                                number(settings, "gamma", BohbSettings.DEFAULT_GAMMA).doubleValue(),
                                number(settings, "nEiCandidates", BohbSettings.DEFAULT_EI_CANDIDATES).intValue(),
                                number(settings, "priorWeight", TpeSettings.DEFAULT_PRIOR_WEIGHT).doubleValue(),
                                flag(settings, "multivariate", TpeSettings.DEFAULT_MULTIVARIATE),
                                flag(settings, "constantLiar", TpeSettings.DEFAULT_CONSTANT_LIAR))));
                // BOHB is random until a budget has minPoints observations; nStartupTrials (default 0) adds plain random trials first.
                int startup = number(settings, "nStartupTrials", 0).intValue();
                yield startup > 0 ? StartupSampler.of(RandomSampler.create(), bohb, startup) : bohb;
            }
            default -> throw new IllegalArgumentException("algorithm.name must be one of bohb, gp, grid, random, tpe, but was " + spec.algorithm().name());
        };
    }

    // Settings were validated by StudySpecValidator: here they only become typed values, defaults filled in.
    private static int startupTrials(Map<String, Object> settings) {
        return number(settings, "nStartupTrials", DEFAULT_STARTUP_TRIALS).intValue();
    }

    private static Number number(Map<String, Object> settings, String key, Number fallback) {
        return settings.get(key) instanceof Number n ? n : fallback;
    }

    private static boolean flag(Map<String, Object> settings, String key, boolean fallback) {
        return settings.get(key) instanceof Boolean b ? b : fallback;
    }

    static Distribution distribution(ParameterSpec p) {
        return Distribution.declared(p.type(), p.low(), p.high(), p.isLog(), p.step(), p.choices());
    }
}

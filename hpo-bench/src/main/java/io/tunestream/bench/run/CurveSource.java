package io.tunestream.bench.run;

import java.util.Map;

/** The learning curve a configuration would produce (a surrogate, or a closed form in tests). */
@FunctionalInterface
public interface CurveSource {

    LearningCurve curve(Map<String, Object> params);
}

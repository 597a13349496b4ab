package io.tunestream.suggester.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tunestream.contracts.MetricNames;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.optimizer.sampler.Sampler;

/**
 * The suggester's meters. The sampler is timed by decoration ({@link #timed}), so the study core and
 * the samplers stay free of metrics; tags are the algorithm's name and the consumed topic, both
 * bounded.
 */
@ApplicationScoped
public class SuggesterMetrics {

    private final MeterRegistry meters;

    public SuggesterMetrics(MeterRegistry meters) {
        this.meters = meters;
        // at zero, so that dashboards and alerts see 0 rather than no series
        meters.counter(MetricNames.DEAD_LETTERED, MetricNames.TAG_TOPIC, Topics.TRIAL_DECIDED);
    }

    /** The study's sampler, with every call recorded in {@code hpo.suggestion.duration{algorithm}}. */
    public Sampler timed(StudySpec spec, Sampler sampler) {
        Timer timer = Timer.builder(MetricNames.SUGGESTION_DURATION)
                .description(MetricNames.require(MetricNames.SUGGESTION_DURATION).description())
                .tag(MetricNames.TAG_ALGORITHM, spec.algorithm().name())
                .publishPercentileHistogram()
                .register(meters);
        return (space, history, context) -> timer.record(() -> sampler.sample(space, history, context));
    }

    public void suggested(String algorithm) {
        meters.counter(MetricNames.TRIALS_SUGGESTED, MetricNames.TAG_ALGORITHM, algorithm).increment();
    }

    /** A record of {@code topic} is about to be nacked into {@code <topic>.dlq}. */
    public void deadLettered(String topic) {
        meters.counter(MetricNames.DEAD_LETTERED, MetricNames.TAG_TOPIC, topic).increment();
    }
}

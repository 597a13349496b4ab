package io.tunestream.suggester.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.tunestream.suggester.metrics.SuggesterMetrics;
import io.tunestream.suggester.study.StudyRegistry;

/** Makes the framework-free core injectable. */
public class CoreBeans {

    @Produces
    @ApplicationScoped
    StudyRegistry studyRegistry(SuggesterMetrics metrics) {
        return new StudyRegistry(metrics::timed);
    }
}

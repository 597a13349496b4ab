package io.tunestream.results.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.tunestream.results.aggregation.ResultsLedger;

/** The core's objects as beans: one ledger per process, rebuilt from the topics at every start. */
public class AggregationProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ResultsLedger resultsLedger(Clock clock) {
        return new ResultsLedger(clock);
    }
}

package io.tunestream.bench.latency;

import io.tunestream.bench.problem.AnalyticProblem;
import io.tunestream.bench.report.SuggestLatency;
import io.tunestream.bench.run.TunestreamSamplers;
import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.sampler.Sampler;
import io.tunestream.optimizer.sampler.SuggestionContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of one suggestion of the suggester's samplers against a history of {@code finished}
 * completed trials of Hartmann-6 (6 floats; random configurations with their true losses).
 *
 * <p>Sample-time mode: JMH times individual calls, so the report has their median and 99th percentile,
 * the figures the targets are stated in. Every call asks for a new trial number, so no two
 * calls draw the same random stream (a sampler that cached by trial number would otherwise look free).
 * The defaults below are the ones {@code bench/latency.sh} runs; the report main can override them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
public class SuggestionLatencyJmh {

    static final long SEED = 12345;

    /** Sampler name as a study spec names it ({@code tpe} and {@code gp} behind 10 random startup trials). */
    @Param({"random", "tpe", "gp"})
    public String sampler;

    /** Finished trials in the history. */
    @Param({"100", "300", "1000"})
    public int finished;

    private AnalyticProblem problem;
    private Sampler instance;
    private StudyHistory history;
    private long nextTrialNumber;

    @Setup(Level.Trial)
    public void setUp() {
        problem = AnalyticProblem.hartmann6();
        instance = TunestreamSamplers.create(sampler);
        history = SuggestLatency.history(problem, finished, SEED);
        nextTrialNumber = finished;
    }

    @Benchmark
    public Optional<Map<String, Object>> suggest() {
        return instance.sample(problem.space(), history, SuggestionContext.of(SEED, nextTrialNumber++));
    }
}

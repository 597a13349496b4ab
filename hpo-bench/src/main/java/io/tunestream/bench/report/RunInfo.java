package io.tunestream.bench.report;

import java.util.List;
import java.util.Objects;

/**
 * What a benchmark run was, for the report's provenance section.
 *
 * @param command         the command that reproduces the run
 * @param seeds           seeds per problem and method
 * @param trials          trials per study
 * @param gpLcbenchTrials trials per GP study on lcbench
 * @param problems        problem names, in report order
 * @param methods         method labels, in report order
 * @param machine         lines describing the machine and software
 * @param studySeconds    wall time of all studies together
 * @param workers         studies run at once
 * @param date            when the run finished (ISO-8601)
 */
public record RunInfo(String command, int seeds, int trials, int gpLcbenchTrials, List<String> problems,
                      List<String> methods, List<String> machine, double studySeconds, int workers, String date) {

    public RunInfo {
        Objects.requireNonNull(command, "`command` must not be null");
        problems = List.copyOf(problems);
        methods = List.copyOf(methods);
        machine = List.copyOf(machine);
        Objects.requireNonNull(date, "`date` must not be null");
    }
}

package io.tunestream.trainer.backend.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A training program the operator registered: its command line (arguments may hold templates such as
 * {@code --lr={learning_rate}}, {@code {maxEpochs}}, {@code {trialId}}, {@code {seed}}), working
 * directory, extra environment and the longest a trial may run.
 */
public record ProgramSpec(String name, List<String> command, Path workingDir, Map<String, String> env, Duration timeout) {

    public ProgramSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("program name must not be blank");
        }
        if (command == null || command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("programs." + name + ".command must name an executable");
        }
        command = List.copyOf(command);
        env = Map.copyOf(env);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("programs." + name + ".timeout must be > 0, but was " + timeout);
        }
    }
}

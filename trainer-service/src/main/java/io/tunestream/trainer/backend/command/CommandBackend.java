package io.tunestream.trainer.backend.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tunestream.contracts.Json;
import io.tunestream.contracts.events.TrialSuggested;
import io.tunestream.trainer.backend.TrainingBackend;
import io.tunestream.trainer.backend.TrainingSession;
import io.tunestream.trainer.backend.TrialFailedException;

/**
 * Runs a team's own training program for each trial. A study names the program
 * ({@code trainer.settings.program}); what runs is what the operator registered under that name in
 * the trainer's configuration, so that no API caller can run arbitrary code on the GPU nodes.
 *
 * <p>The trial reaches the program three ways: templated arguments ({@code --lr={learning_rate}}),
 * environment variables ({@code TUNESTREAM_PARAM_LEARNING_RATE}, {@code TUNESTREAM_MAX_EPOCHS}, ...)
 * and a JSON file whose path is in {@code TUNESTREAM_TRIAL_FILE}.
 */
public final class CommandBackend implements TrainingBackend {

    public static final String NAME = "command";
    private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
    private static final List<String> BUILTINS = List.of("maxEpochs", "trialId", "studyId", "seed", "trialNumber");

    private final Map<String, ProgramSpec> programs;
    private final GpuPool gpus;
    private final Duration stopGrace;

    public CommandBackend(Map<String, ProgramSpec> programs, GpuPool gpus, Duration stopGrace) {
        this.programs = Map.copyOf(programs);
        this.gpus = gpus;
        this.stopGrace = stopGrace;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrainingSession open(TrialSuggested trial) throws TrialFailedException {
        Object name = trial.trainer().settings().get("program");
        ProgramSpec program = programs.get(String.valueOf(name));
        if (program == null) {
            throw new TrialFailedException("trainer.settings.program " + name + " is not registered on this trainer (registered: "
                    + String.join(", ", programs.keySet().stream().sorted().toList()) + ")");
        }
        var command = expand(program, trial);
        Path trialFile = writeTrialFile(trial);
        Optional<String> gpu = Optional.empty();
        try {
            gpu = gpus.lease();
            var builder = new ProcessBuilder(command).directory(program.workingDir().toFile());
            var env = builder.environment();
            env.putAll(program.env());
            env.putAll(trialEnvironment(trial, trialFile));
            gpu.ifPresent(device -> env.put("CUDA_VISIBLE_DEVICES", device));
            var process = builder.start();
            var device = gpu;
            return new CommandSession(program, process, stopGrace, () -> {
                device.ifPresent(gpus::release);
                deleteQuietly(trialFile);
            });
        } catch (IOException e) {
            gpu.ifPresent(gpus::release);
            deleteQuietly(trialFile);
            throw new TrialFailedException("program " + program.name() + " could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(trialFile);
            throw new TrialFailedException("interrupted while waiting for a GPU", e);
        }
    }

    static List<String> expand(ProgramSpec program, TrialSuggested trial) throws TrialFailedException {
        var values = new LinkedHashMap<String, String>();
        trial.params().forEach((k, v) -> values.put(k, String.valueOf(v)));
        values.put("maxEpochs", String.valueOf(trial.maxEpochs()));
        values.put("trialId", trial.trialId());
        values.put("studyId", trial.studyId());
        values.put("seed", String.valueOf(trial.seed()));
        values.put("trialNumber", String.valueOf(trial.trialNumber()));
        var command = new ArrayList<String>();
        for (String argument : program.command()) {
            Matcher matcher = TEMPLATE.matcher(argument);
            var expanded = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new TrialFailedException("programs." + program.name() + ".command argument '" + argument + "' names {"
                            + matcher.group(1) + "}, which is neither a parameter of the trial nor one of " + String.join(", ", BUILTINS));
                }
                matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(expanded);
            command.add(expanded.toString());
        }
        return command;
    }

    static Map<String, String> trialEnvironment(TrialSuggested trial, Path trialFile) {
        var env = new LinkedHashMap<String, String>();
        env.put("TUNESTREAM_TRIAL_FILE", trialFile.toString());
        env.put("TUNESTREAM_TRIAL_ID", trial.trialId());
        env.put("TUNESTREAM_STUDY_ID", trial.studyId());
        env.put("TUNESTREAM_MAX_EPOCHS", String.valueOf(trial.maxEpochs()));
        env.put("TUNESTREAM_SEED", String.valueOf(trial.seed()));
        env.put("TUNESTREAM_OBJECTIVE", trial.objectiveMetric());
        trial.params().forEach((name, value) -> env.put("TUNESTREAM_PARAM_"
                + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), String.valueOf(value)));
        return env;
    }

    private static Path writeTrialFile(TrialSuggested trial) throws TrialFailedException {
        try {
            var file = Files.createTempFile("tunestream-" + trial.trialId().replaceAll("[^A-Za-z0-9_-]", "_") + "-", ".json");
            var content = new LinkedHashMap<String, Object>();
            content.put("studyId", trial.studyId());
            content.put("trialId", trial.trialId());
            content.put("trialNumber", trial.trialNumber());
            content.put("params", trial.params());
            content.put("maxEpochs", trial.maxEpochs());
            content.put("objectiveMetric", trial.objectiveMetric());
            content.put("seed", trial.seed());
            Files.writeString(file, Json.write(content));
            return file;
        } catch (IOException e) {
            throw new TrialFailedException("cannot write the trial file: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}

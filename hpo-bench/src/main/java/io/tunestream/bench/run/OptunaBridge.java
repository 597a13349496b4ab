package io.tunestream.bench.run;

import io.tunestream.bench.problem.Problem;
import io.tunestream.optimizer.space.CategoricalDistribution;
import io.tunestream.optimizer.space.Distribution;
import io.tunestream.optimizer.space.FloatDistribution;
import io.tunestream.optimizer.space.IntDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs Optuna studies in a Python subprocess ({@code bench/optuna_runner.py}) whose objective is this
 * JVM: Optuna asks, Java evaluates the problem and answers. Every problem is therefore defined once,
 * in Java, and Optuna sees exactly the function our samplers see.
 *
 * <p>The protocol is one tab-separated line per message:
 * <pre>
 * java   -&gt; python  STUDY  sampler  seed  trials  batch  param...   param = name;float|int;low;high;0|1
 *                                                                   or name;cat;choice,choice,...
 * python -&gt; java    ASK  number  value...                            (one value per param, in order)
 * java   -&gt; python  loss                                             (Double.toString)
 * python -&gt; java    DONE  askSeconds                                  (after the last trial)
 * python -&gt; java    ERROR  message                                    (instead of ASK or DONE)
 * java   -&gt; python  QUIT
 * </pre>
 * With {@code batch = b} the script asks b trials before telling any, so Optuna sees them as running.
 * One bridge runs one study at a time; use one bridge per worker thread.
 */
public final class OptunaBridge implements AutoCloseable {

    private final OptunaProcess python;

    private OptunaBridge(OptunaProcess python) {
        this.python = python;
    }

    /**
     * Starts {@code python script}; its standard error goes to this JVM's.
     *
     * @throws UncheckedIOException when the interpreter cannot be started
     */
    public static OptunaBridge start(Path python, Path script) {
        return new OptunaBridge(OptunaProcess.start(python, script));
    }

    /**
     * Runs one Optuna study of {@code sampler} on {@code problem}.
     *
     * @throws IllegalStateException when the script reports an error or breaks the protocol
     */
    public synchronized StudyResult run(Problem problem, String label, String sampler, long seed, int trials,
                                        int batch) {
        Objects.requireNonNull(problem, "`problem` must not be null");
        SearchSpace space = problem.space();
        long start = System.nanoTime();
        double[] losses = new double[trials];
        try {
            StringBuilder study = new StringBuilder("STUDY\t").append(sampler).append('\t').append(seed).append('\t')
                    .append(trials).append('\t').append(batch);
            for (String name : space.names()) {
                study.append('\t').append(encode(name, space.get(name)));
            }
            python.send(study.toString());
            int asked = 0;
            while (true) {
                String line = python.receive();
                if (line == null) {
                    throw new IllegalStateException("optuna_runner.py exited during " + label + " on " + problem.name());
                }
                String[] fields = line.split("\t", -1);
                switch (fields[0]) {
                    case "ASK" -> {
                        int number = Integer.parseInt(fields[1]);
                        if (number < 0 || number >= trials || fields.length != space.dimensions() + 2) {
                            throw new IllegalStateException("optuna_runner.py sent a malformed ASK: " + line);
                        }
                        double loss = problem.loss(decode(space, fields));
                        losses[number] = loss;
                        asked++;
                        python.send(Double.toString(loss));
                    }
                    case "DONE" -> {
                        if (asked != trials) {
                            throw new IllegalStateException("optuna_runner.py finished after " + asked + " of "
                                    + trials + " trials");
                        }
                        return new StudyResult(problem.name(), label, seed, losses, Double.parseDouble(fields[1]),
                                (System.nanoTime() - start) / 1e9);
                    }
                    case "ERROR" -> throw new IllegalStateException("optuna_runner.py failed during " + label + " on "
                            + problem.name() + ": " + (fields.length > 1 ? fields[1] : ""));
                    default -> throw new IllegalStateException("optuna_runner.py sent an unknown message: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lost optuna_runner.py during " + label + " on " + problem.name(), e);
        }
    }

    /** The protocol's description of one parameter. */
    static String encode(String name, Distribution distribution) {
        if (name.contains(";") || name.contains("\t")) {
            throw new IllegalArgumentException("parameter `name` must not contain ';' or tabs, but was " + name);
        }
        if (distribution instanceof FloatDistribution f) {
            if (f.step().isPresent()) {
                throw new IllegalArgumentException("parameter `" + name + "` must not be stepped for the Optuna bridge");
            }
            return name + ";float;" + f.low() + ";" + f.high() + ";" + (f.log() ? 1 : 0);
        }
        if (distribution instanceof IntDistribution i) {
            if (i.step() != 1) {
                throw new IllegalArgumentException("parameter `" + name + "` must have step 1 for the Optuna bridge");
            }
            return name + ";int;" + i.low() + ";" + i.high() + ";" + (i.log() ? 1 : 0);
        }
        CategoricalDistribution c = (CategoricalDistribution) distribution;
        List<String> choices = new ArrayList<>();
        for (Object choice : c.choices()) {
            String s = String.valueOf(choice);
            if (!(choice instanceof String) || s.contains(",") || s.contains(";") || s.contains("\t")) {
                throw new IllegalArgumentException("choices of `" + name + "` must be strings without ',', ';' or tabs"
                        + " for the Optuna bridge, but had " + choice);
            }
            choices.add(s);
        }
        return name + ";cat;" + String.join(",", choices);
    }

    /** The configuration of an ASK line, whose values start at field 2. */
    static Map<String, Object> decode(SearchSpace space, String[] fields) {
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < space.dimensions(); i++) {
            String name = space.names().get(i);
            String text = fields[i + 2];
            Distribution distribution = space.get(name);
            Object value;
            if (distribution instanceof FloatDistribution) {
                value = Double.parseDouble(text);
            } else if (distribution instanceof IntDistribution) {
                value = Long.parseLong(text);
            } else {
                value = ((CategoricalDistribution) distribution).choices().stream()
                        .filter(choice -> choice.toString().equals(text)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("optuna_runner.py sent `" + name + "`=" + text
                                + ", which is not a choice"));
            }
            if (!distribution.contains(value)) {
                throw new IllegalStateException("optuna_runner.py sent `" + name + "`=" + text + ", outside "
                        + distribution);
            }
            params.put(name, value);
        }
        return params;
    }

    @Override
    public void close() {
        python.close();
    }
}

package io.tunestream.bench.run;

import io.tunestream.optimizer.space.SearchSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs Optuna multi-fidelity studies (TPESampler with a pruner) in {@code bench/optuna_runner.py}'s
 * {@code MFSTUDY} mode: for each trial Optuna asks, this JVM answers the configuration's whole learning
 * curve (losses and epoch costs), and the script reports it epoch by epoch ({@code trial.report},
 * {@code trial.should_prune}) with {@code workers} trials open at once in virtual time, until the
 * budget is spent. The script sends back the epochs it spent, in order, and this side turns them into
 * the same {@link MultiFidelityResult} as {@link VirtualTimeSimulator}. See the script for the protocol.
 */
public final class OptunaPrunerBridge implements AutoCloseable {

    private final OptunaProcess python;

    private OptunaPrunerBridge(OptunaProcess python) {
        this.python = python;
    }

    public static OptunaPrunerBridge start(Path python, Path script) {
        return new OptunaPrunerBridge(OptunaProcess.start(python, script));
    }

    /**
     * @param pruner {@code hyperband} or {@code median}
     * @throws IllegalStateException when the script reports an error or breaks the protocol
     */
    public synchronized MultiFidelityResult run(String problem, String label, SearchSpace space, CurveSource curves,
                                                String pruner, long seed, int workers, int budget, int maxEpochs) {
        long start = System.nanoTime();
        Map<Long, LearningCurve> byTrial = new HashMap<>();
        try {
            StringBuilder study = new StringBuilder("MFSTUDY\t").append(pruner).append('\t').append(seed).append('\t')
                    .append(budget).append('\t').append(workers).append('\t').append(maxEpochs);
            for (String name : space.names()) {
                study.append('\t').append(OptunaBridge.encode(name, space.get(name)));
            }
            python.send(study.toString());
            while (true) {
                String line = python.receive();
                if (line == null) {
                    throw new IllegalStateException("optuna_runner.py exited during " + label + " on " + problem);
                }
                String[] fields = line.split("\t", -1);
                switch (fields[0]) {
                    case "CURVE" -> {
                        long number = Long.parseLong(fields[1]);
                        if (fields.length != space.dimensions() + 2) {
                            throw new IllegalStateException("optuna_runner.py sent a malformed CURVE: " + line);
                        }
                        LearningCurve curve = curves.curve(OptunaBridge.decode(space, fields));
                        if (curve.maxEpochs() != maxEpochs) {
                            throw new IllegalStateException("curve has " + curve.maxEpochs() + " epochs, not " + maxEpochs);
                        }
                        byTrial.put(number, curve);
                        python.send(join(curve.losses()) + "\t" + join(curve.epochSeconds()));
                    }
                    case "DONE" -> {
                        String[] spentEpochs = fields[2].isEmpty() ? new String[0] : fields[2].split(",");
                        double[] losses = new double[spentEpochs.length];
                        Map<Long, Integer> lastEpoch = new HashMap<>();
                        for (int k = 0; k < spentEpochs.length; k++) {
                            String[] pair = spentEpochs[k].split(":");
                            long number = Long.parseLong(pair[0]);
                            int epoch = Integer.parseInt(pair[1]);
                            LearningCurve curve = byTrial.get(number);
                            if (curve == null || epoch < 1 || epoch > maxEpochs) {
                                throw new IllegalStateException("optuna_runner.py spent an unknown epoch " + spentEpochs[k]);
                            }
                            losses[k] = curve.losses()[epoch - 1];
                            lastEpoch.merge(number, epoch, Math::max);
                        }
                        int stopped = (int) lastEpoch.values().stream().filter(e -> e < maxEpochs).count();
                        return new MultiFidelityResult(problem, label, seed, losses, byTrial.size(),
                                Math.max(0, stopped - Math.min(workers, stopped)), (System.nanoTime() - start) / 1e9);
                    }
                    case "ERROR" -> throw new IllegalStateException("optuna_runner.py failed during " + label + " on "
                            + problem + ": " + (fields.length > 1 ? fields[1] : ""));
                    default -> throw new IllegalStateException("optuna_runner.py sent an unknown message: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lost optuna_runner.py during " + label + " on " + problem, e);
        }
    }

    private static String join(double[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(values[i]);
        }
        return b.toString();
    }

    @Override
    public void close() {
        python.close();
    }
}

package io.tunestream.bench.problem;

import io.tunestream.optimizer.objective.Direction;
import io.tunestream.optimizer.space.CategoricalDistribution;
import io.tunestream.optimizer.space.SearchSpace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.zip.GZIPInputStream;

/**
 * NAS-Bench-201 on CIFAR-10 (Dong and Yang, "NAS-Bench-201: Extending the scope of reproducible neural
 * architecture search", ICLR 2020) as a tabular benchmark: six categorical parameters {@code Op0 .. Op5},
 * one per edge of the cell, each one of five operations.
 *
 * <p>The value of a cell is its validation accuracy after 200 epochs, averaged over the three training
 * seeds of the table; it is maximised, so the loss is minus that mean.
 */
public final class NasBench201 implements Problem {

    /** The table's file under the benchmark data folder. */
    public static final String FILE = "nasbench201/nasbench201_cifar10.csv.gz";
    /** The five operations, in the order they are given to samplers. */
    public static final List<Object> OPERATIONS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");
    static final int EDGES = 6;
    static final int CELLS = 15_625;

    private final SearchSpace space;
    private final Map<String, Double> meanAccuracy;
    private final double bestMeanAccuracy;

    private NasBench201(Map<String, Double> meanAccuracy) {
        SearchSpace.Builder builder = SearchSpace.builder();
        for (int i = 0; i < EDGES; i++) {
            builder.add("Op" + i, new CategoricalDistribution(OPERATIONS));
        }
        this.space = builder.build();
        this.meanAccuracy = Map.copyOf(meanAccuracy);
        this.bestMeanAccuracy = meanAccuracy.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /**
     * Reads the table from {@code dataDir/}{@value #FILE}.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when the table is not the complete 15,625-cell space
     */
    public static NasBench201 load(Path dataDir) {
        Objects.requireNonNull(dataDir, "`dataDir` must not be null");
        Path file = dataDir.resolve(FILE);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NAS-Bench-201 table " + file, e);
        }
    }

    static NasBench201 parse(BufferedReader reader, String source) throws IOException {
        String header = reader.readLine();
        if (header == null || !header.startsWith("Op0,Op1,Op2,Op3,Op4,Op5,seed0")) {
            throw new IllegalArgumentException("`" + source + "` must start with the header Op0..Op5,seed0.., but was "
                    + header);
        }
        Map<String, Double> table = new HashMap<>(2 * CELLS);
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length <= EDGES) {
                throw new IllegalArgumentException("`" + source + "` line " + lineNumber
                        + " must have 6 operations and at least one accuracy, but was: " + line);
            }
            double sum = 0;
            for (int i = EDGES; i < fields.length; i++) {
                sum += Double.parseDouble(fields[i]);
            }
            table.put(String.join(",", List.of(fields).subList(0, EDGES)), sum / (fields.length - EDGES));
        }
        if (table.size() != CELLS) {
            throw new IllegalArgumentException("`" + source + "` must hold all " + CELLS + " cells, but held "
                    + table.size());
        }
        return new NasBench201(table);
    }

    @Override
    public String name() {
        return "nasbench201";
    }

    @Override
    public String group() {
        return name();
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    /** Mean validation accuracy (%) of a cell. */
    public double accuracy(Map<String, Object> params) {
        Objects.requireNonNull(params, "`params` must not be null");
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < EDGES; i++) {
            Object op = params.get("Op" + i);
            if (!OPERATIONS.contains(op)) {
                throw new IllegalArgumentException("`params.Op" + i + "` must be one of " + OPERATIONS + ", but was "
                        + op);
            }
            if (i > 0) {
                key.append(',');
            }
            key.append(op);
        }
        return meanAccuracy.get(key.toString());
    }

    @Override
    public double loss(Map<String, Object> params) {
        return Direction.MAXIMIZE.toLoss(accuracy(params));
    }

    /** Minus the best mean accuracy in the table (91.607 for CIFAR-10). */
    @Override
    public OptionalDouble optimalLoss() {
        return OptionalDouble.of(Direction.MAXIMIZE.toLoss(bestMeanAccuracy));
    }

    @Override
    public String toString() {
        return "NasBench201[cifar10, best=" + bestMeanAccuracy + "]";
    }
}

package io.tunestream.training.data;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@link DatasetSource} into a {@link Dataset}, once per source: a trainer runs many trials on
 * the same data, so loaded datasets are kept (they are immutable). Errors name the file, the line and
 * the column at fault.
 */
public final class DatasetLoader {

    static final String DIGITS_RESOURCE = "digits.csv.gz";
    private static final int IDX_IMAGES_MAGIC = 0x00000803;
    private static final int IDX_LABELS_MAGIC = 0x00000801;

    private final Map<String, Dataset> cache = new ConcurrentHashMap<>();

    /** The dataset of {@code source}, loaded on first use. */
    public Dataset load(DatasetSource source) throws IOException {
        try {
            return cache.computeIfAbsent(source.key(), key -> {
                try {
                    return read(source);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads {@code source} without caching. */
    public static Dataset read(DatasetSource source) throws IOException {
        if (source instanceof DatasetSource.Csv csv) {
            return csv(csv.path(), csv.labelColumn());
        }
        if (source instanceof DatasetSource.Idx idx) {
            return idx(idx.images(), idx.labels());
        }
        return digits();
    }

    /** The bundled UCI optical digits: 1797 rows of 64 pixels (0..16), 10 classes. */
    public static Dataset digits() throws IOException {
        try (InputStream raw = DatasetLoader.class.getResourceAsStream(DIGITS_RESOURCE)) {
            if (raw == null) {
                throw new IOException("the bundled resource " + DIGITS_RESOURCE + " is missing from the classpath");
            }
            var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            var values = new ArrayList<float[]>();
            var labels = new ArrayList<Integer>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != 65) {
                    throw new IOException(DIGITS_RESOURCE + " line " + number + " must have 65 columns, but has " + cells.length);
                }
                float[] row = new float[64];
                for (int i = 0; i < 64; i++) {
                    row[i] = Float.parseFloat(cells[i]);
                }
                values.add(row);
                labels.add(Integer.parseInt(cells[64].trim()));
            }
            return assemble("digits", values, labels.stream().mapToInt(Integer::intValue).toArray(), 64, 10);
        }
    }

    /**
     * A CSV file with a header row. The label column may hold any values (class names or numbers);
     * classes are numbered in the sorted order of their names. Every other column must be numeric.
     */
    public static Dataset csv(Path path, String labelColumn) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("dataset file " + path + " does not exist or is not a file");
        }
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IOException(path + " is empty (a header row is required)");
            }
            List<String> columns = List.of(header.split(",", -1)).stream().map(DatasetLoader::unquote).toList();
            int labelIndex = columns.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw new IOException(path + " has no column named \"" + labelColumn + "\" (columns: " + String.join(", ", columns) + ")");
            }
            int features = columns.size() - 1;
            if (features < 1) {
                throw new IOException(path + " must have at least one feature column besides " + labelColumn);
            }
            var rows = new ArrayList<float[]>();
            var names = new ArrayList<String>();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != columns.size()) {
                    throw new IOException(path + " line " + number + " must have " + columns.size() + " columns, but has " + cells.length);
                }
                float[] row = new float[features];
                int f = 0;
                for (int c = 0; c < cells.length; c++) {
                    if (c == labelIndex) {
                        names.add(unquote(cells[c]));
                        continue;
                    }
                    try {
                        row[f++] = Float.parseFloat(unquote(cells[c]));
                    } catch (NumberFormatException e) {
                        throw new IOException(path + " line " + number + " column " + columns.get(c) + " must be a number, but was \"" + cells[c] + "\"");
                    }
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new IOException(path + " has a header but no rows");
            }
            var classes = new TreeMap<String, Integer>(DatasetLoader::compareLabels);
            names.forEach(name -> classes.putIfAbsent(name, 0));
            int next = 0;
            for (var entry : classes.entrySet()) {
                entry.setValue(next++);
            }
            if (classes.size() < 2) {
                throw new IOException(path + " column " + labelColumn + " must hold at least two classes, but holds " + classes.keySet());
            }
            int[] labels = names.stream().mapToInt(classes::get).toArray();
            return assemble(path.getFileName().toString(), rows, labels, features, classes.size());
        }
    }

    /** IDX image (0x803) and label (0x801) files, gzipped or not; pixels are scaled to [0, 1]. */
    public static Dataset idx(Path images, Path labels) throws IOException {
        int[] y;
        try (DataInputStream in = open(labels)) {
            int magic = in.readInt();
            if (magic != IDX_LABELS_MAGIC) {
                throw new IOException(labels + " is not an IDX label file (magic must be 0x801, but was 0x" + Integer.toHexString(magic) + ")");
            }
            int count = in.readInt();
            byte[] raw = in.readNBytes(count);
            if (raw.length != count) {
                throw new IOException(labels + " declares " + count + " labels but holds " + raw.length);
            }
            y = new int[count];
            for (int i = 0; i < count; i++) {
                y[i] = raw[i] & 0xff;
            }
        }
        float[] x;
        int features;
        try (DataInputStream in = open(images)) {
            int magic = in.readInt();
            if (magic != IDX_IMAGES_MAGIC) {
                throw new IOException(images + " is not an IDX image file of unsigned bytes (magic must be 0x803, but was 0x" + Integer.toHexString(magic) + ")");
            }
            int count = in.readInt();
            int height = in.readInt();
            int width = in.readInt();
            if (count != y.length) {
                throw new IOException(images + " holds " + count + " images but " + labels + " holds " + y.length + " labels");
            }
            features = height * width;
            byte[] raw = in.readNBytes(count * features);
            if (raw.length != count * features) {
                throw new IOException(images + " is truncated: " + raw.length + " of " + (long) count * features + " pixel bytes");
            }
            x = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                x[i] = (raw[i] & 0xff) / 255f;
            }
        }
        int classes = 0;
        for (int label : y) {
            classes = Math.max(classes, label + 1);
        }
        return new Dataset(images.getFileName().toString(), x, y, features, Math.max(classes, 2));
    }

    private static DataInputStream open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("dataset file " + path + " does not exist or is not a file");
        }
        InputStream in = Files.newInputStream(path);
        if (path.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    }

    private static Dataset assemble(String name, List<float[]> rows, int[] labels, int features, int classes) {
        float[] values = new float[rows.size() * features];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * features, features);
        }
        return new Dataset(name, values, labels, features, classes);
    }

    private static String unquote(String cell) {
        String trimmed = cell.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** Numeric class names in numeric order (2 before 10), others alphabetically. */
    private static int compareLabels(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}

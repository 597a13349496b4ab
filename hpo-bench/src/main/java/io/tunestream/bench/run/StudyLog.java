package io.tunestream.bench.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Study results as tab-separated lines, appended as studies finish so an interrupted run can resume:
 * {@code problem  method  seed  suggestSeconds  wallSeconds  loss loss ...}.
 */
public final class StudyLog implements AutoCloseable {

    private final BufferedWriter writer;

    private StudyLog(BufferedWriter writer) {
        this.writer = writer;
    }

    /** Opens {@code file} for appending, creating it and its folder when missing. */
    public static StudyLog append(Path file) {
        Objects.requireNonNull(file, "`file` must not be null");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return new StudyLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Every study in {@code file}; empty when the file does not exist. */
    public static List<StudyResult> read(Path file) {
        List<StudyResult> results = new ArrayList<>();
        if (!Files.exists(file)) {
            return results;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    results.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return results;
    }

    static String format(StudyResult r) {
        StringBuilder line = new StringBuilder().append(r.problem()).append('\t').append(r.method()).append('\t')
                .append(r.seed()).append('\t').append(String.format(Locale.ROOT, "%.6f", r.suggestSeconds()))
                .append('\t').append(String.format(Locale.ROOT, "%.6f", r.wallSeconds())).append('\t');
        double[] losses = r.losses();
        for (int i = 0; i < losses.length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(losses[i]);
        }
        return line.toString();
    }

    static StudyResult parse(String line) {
        String[] fields = line.split("\t");
        if (fields.length != 6) {
            throw new IllegalArgumentException("a study line must have 6 tab-separated fields, but had "
                    + fields.length + ": " + line);
        }
        String[] tokens = fields[5].split(" ");
        double[] losses = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            losses[i] = Double.parseDouble(tokens[i]);
        }
        return new StudyResult(fields[0], fields[1], Long.parseLong(fields[2]), losses, Double.parseDouble(fields[3]),
                Double.parseDouble(fields[4]));
    }

    public synchronized void write(StudyResult result) {
        try {
            writer.write(format(result));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a study result", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the study log", e);
        }
    }
}

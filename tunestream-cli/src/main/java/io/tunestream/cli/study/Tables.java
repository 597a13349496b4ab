package io.tunestream.cli.study;

import java.util.List;

/** Aligned plain-text tables for terminals: columns padded to their widest cell, two spaces apart. */
final class Tables {

    private Tables() {
    }

    /** The first row is the header; every row must have as many cells. */
    static String align(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (var row : rows) {
            if (row.size() != columns) {
                throw new IllegalArgumentException("every row must have " + columns + " cells, but one had " + row.size());
            }
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        var sb = new StringBuilder();
        for (var row : rows) {
            var line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row.get(c) : String.format("%-" + widths[c] + "s  ", row.get(c)));
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return sb.toString();
    }
}

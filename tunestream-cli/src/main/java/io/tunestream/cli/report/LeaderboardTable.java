package io.tunestream.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tunestream.cli.client.LeaderboardRow;

/** The leaderboard as a text table and the best configuration as a list, for the terminal. */
public final class LeaderboardTable {

    private static final String NL = System.lineSeparator();

    private LeaderboardTable() {
    }

    /**
     * The first {@code limit} rows (in the order given: best first) as an aligned table with the
     * columns rank, trial, state, the metric, epochs and params; a note says how many rows were left out.
     */
    public static String format(List<LeaderboardRow> rows, int limit, Optional<String> metric) {
        if (limit < 1) {
            throw new IllegalArgumentException("`limit` must be >= 1, but was " + limit);
        }
        if (rows.isEmpty()) {
            return "(no trials)" + NL;
        }
        var shown = rows.subList(0, Math.min(limit, rows.size()));
        var header = List.of("rank", "trial", "state", metric.orElse("value"), "epochs", "params");
        var cells = new ArrayList<List<String>>();
        for (int i = 0; i < shown.size(); i++) {
            var row = shown.get(i);
            cells.add(List.of(String.valueOf(i + 1), row.trialId(), row.state(), Numbers.value(row.value()),
                    String.valueOf(row.epochs()), params(row.params())));
        }
        var widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
            for (var line : cells) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        // rank, value and epochs are numbers: right-aligned; the last column is not padded
        boolean[] right = {true, false, false, true, true, false};
        var sb = new StringBuilder();
        appendRow(sb, header, widths, right);
        for (var line : cells) {
            appendRow(sb, line, widths, right);
        }
        if (rows.size() > shown.size()) {
            sb.append("... and ").append(rows.size() - shown.size()).append(" more").append(NL);
        }
        return sb.toString();
    }

    /** {@code name=value} pairs in the map's order, separated by spaces. */
    public static String params(Map<String, Object> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + Numbers.param(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** The best trial and its parameters, one per line. */
    public static String bestConfig(LeaderboardRow best, Optional<String> metric) {
        var sb = new StringBuilder();
        sb.append("Best trial ").append(best.trialId()).append(": ").append(metric.orElse("value")).append(" = ")
                .append(Numbers.value(best.value())).append(" (").append(best.state()).append(", ")
                .append(best.epochs()).append(best.epochs() == 1 ? " epoch" : " epochs").append(')').append(NL);
        int width = best.params().keySet().stream().mapToInt(String::length).max().orElse(0);
        best.params().forEach((name, value) ->
                sb.append("  ").append(pad(name, width, false)).append("  ").append(Numbers.param(value)).append(NL));
        return sb.toString();
    }

    /**
     * The study's final evaluation: the configuration it evaluated and its test metrics, accuracy
     * and loss first, then the saved model's path.
     */
    public static String finalEvaluation(io.tunestream.cli.client.ResultsSummary.FinalEvaluation evaluation) {
        var sb = new StringBuilder();
        var metrics = evaluation.metrics();
        sb.append("Final evaluation on the held-out test set (configuration of ").append(evaluation.trialId()).append("):").append(NL);
        var names = new java.util.ArrayList<String>();
        java.util.List.of("test_accuracy", "test_loss").forEach(name -> {
            if (metrics.containsKey(name)) {
                names.add(name);
            }
        });
        metrics.keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(names::add);
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        for (String name : names) {
            sb.append("  ").append(pad(name, width, false)).append("  ").append(Numbers.value(metrics.get(name))).append(NL);
        }
        if (evaluation.modelPath() != null) {
            sb.append("  model saved to ").append(evaluation.modelPath()).append(NL);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] widths, boolean[] right) {
        var line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            line.append(c == cells.size() - 1 ? cells.get(c) : pad(cells.get(c), widths[c], right[c]));
        }
        sb.append(line.toString().stripTrailing()).append(NL);
    }

    private static String pad(String text, int width, boolean right) {
        if (text.length() >= width) {
            return text;
        }
        var padding = " ".repeat(width - text.length());
        return right ? padding + text : text + padding;
    }
}

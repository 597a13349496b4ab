package io.tunestream.cli.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.tunestream.cli.client.LeaderboardRow;
import io.tunestream.cli.client.ResultsSummary;
import io.tunestream.contracts.Json;

/**
 * A study's trials as CSV (RFC 4180: one row per trial, a {@code param.<name>} column per parameter,
 * for spreadsheets and pandas) or JSON ({@code {"study": summary, "trials": [...]}}).
 */
public final class TrialExport {

    /** The formats of {@code study export --format}. */
    public enum Format { CSV, JSON }

    private static final List<String> FIXED = List.of("trialNumber", "trialId", "state", "value", "epochs", "attempt", "workerId", "reason");

    private TrialExport() {
    }

    public static String csv(List<LeaderboardRow> trials) {
        var params = new LinkedHashSet<String>();
        trials.forEach(row -> params.addAll(row.params().keySet()));
        var sb = new StringBuilder();
        var header = new ArrayList<>(FIXED);
        params.forEach(name -> header.add("param." + name));
        line(sb, header);
        for (LeaderboardRow row : trials) {
            var cells = new ArrayList<String>();
            cells.add(Long.toString(row.trialNumber()));
            cells.add(row.trialId());
            cells.add(row.state());
            cells.add(row.value() == null ? "" : row.value().toString());
            cells.add(Integer.toString(row.epochs()));
            cells.add(Integer.toString(row.attempt()));
            cells.add(Optional.ofNullable(row.workerId()).orElse(""));
            cells.add(Optional.ofNullable(row.reason()).orElse(""));
            params.forEach(name -> cells.add(Optional.ofNullable(row.params().get(name)).map(Object::toString).orElse("")));
            line(sb, cells);
        }
        return sb.toString();
    }

    public static String json(Optional<ResultsSummary> summary, List<LeaderboardRow> trials) {
        var document = new LinkedHashMap<String, Object>();
        document.put("study", summary.orElse(null));
        document.put("trials", trials);
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export as JSON", e);
        }
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

}

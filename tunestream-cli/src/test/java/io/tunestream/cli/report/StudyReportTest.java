package io.tunestream.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tunestream.cli.client.ResultsSummary;
import io.tunestream.cli.client.StudyStatus;
import io.tunestream.cli.client.TrialCounts;
import io.tunestream.contracts.Json;

class StudyReportTest {

    @TempDir
    Path dir;

    @Test
    void writesTheAgreedJsonShape() throws IOException {
        var study = new StudyStatus("demo-1", "COMPLETED", "budget spent", 16, 0, 16);
        var results = new ResultsSummary("demo-1", "demo", "COMPLETED", "val_loss", "minimize",
                new TrialCounts(0, 0, 14, 1, 1, 16), 0.0123, "demo-1-t3", 151, 16);
        var best = LeaderboardTableTest.row(3, "COMPLETED", 0.0123, 10,
                LeaderboardTableTest.params("learning_rate", 0.0098765, "batch_size", 64, "activation", "relu"));
        var report = StudyReport.of(study, Optional.of(results), Optional.of(best), 23.456, 11.04);

        var file = dir.resolve("out/summary.json");
        report.writeTo(file);

        var json = Json.mapper().readTree(Files.readString(file));
        assertThat(json.path("studyId").asText()).isEqualTo("demo-1");
        assertThat(json.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(json.path("metric").asText()).isEqualTo("val_loss");
        assertThat(json.path("trials").path("completed").asInt()).isEqualTo(14);
        assertThat(json.path("trials").path("stopped").asInt()).isEqualTo(1);
        assertThat(json.path("trials").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("trials").path("total").asInt()).isEqualTo(16);
        assertThat(json.path("best").path("trialId").asText()).isEqualTo("demo-1-t3");
        assertThat(json.path("best").path("value").asDouble()).isEqualTo(0.0123);
        assertThat(json.path("best").path("params").path("batch_size").asInt()).isEqualTo(64);
        assertThat(json.path("best").path("params").path("activation").asText()).isEqualTo("relu");
        assertThat(json.path("epochsUsed").asLong()).isEqualTo(151);
        assertThat(json.path("elapsedSeconds").asDouble()).isEqualTo(23.5);
        assertThat(json.path("startupSeconds").asDouble()).isEqualTo(11.0);
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void withoutResultsOrBestTheFieldsAreEmptyButPresent() {
        var study = new StudyStatus("demo-1", "STOPPED", "stopped by user", 3, 0, 3);
        var json = StudyReport.of(study, Optional.empty(), Optional.empty(), 1.0, 2.0).toJson();
        assertThat(json).contains("\"state\" : \"STOPPED\"", "\"best\" : null", "\"total\" : 0");
    }
}

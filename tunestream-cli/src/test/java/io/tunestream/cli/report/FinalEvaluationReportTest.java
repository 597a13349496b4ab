package io.tunestream.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tunestream.cli.client.ResultsSummary;
import io.tunestream.cli.client.StudyStatus;
import io.tunestream.cli.client.TrialCounts;
import io.tunestream.contracts.Json;

/** The demo's account of a study's final evaluation: printed after the best configuration, and in --output. */
class FinalEvaluationReportTest {

    private static ResultsSummary.FinalEvaluation evaluation() {
        var metrics = new LinkedHashMap<String, Double>();
        metrics.put("train_rows", 1438.0);
        metrics.put("test_loss", 0.134);
        metrics.put("test_accuracy", 0.9694);
        return new ResultsSummary.FinalEvaluation(14, "demo-1-t14", Map.of("learning_rate", 0.15), metrics, "/models/demo-1");
    }

    @Test
    void printsTestAccuracyFirstThenTheOtherMetricsAndTheModel() {
        String nl = System.lineSeparator();
        assertThat(LeaderboardTable.finalEvaluation(evaluation())).isEqualTo(
                "Final evaluation on the held-out test set (configuration of demo-1-t14):" + nl
                        + "  test_accuracy  " + Numbers.value(0.9694) + nl
                        + "  test_loss      " + Numbers.value(0.134) + nl
                        + "  train_rows     " + Numbers.value(1438.0) + nl
                        + "  model saved to /models/demo-1" + nl);
    }

    @Test
    void theJsonReportCarriesTheFinalEvaluation() throws Exception {
        var study = new StudyStatus("demo-1", "COMPLETED", "maxTrials reached; best trial evaluated on the test set", 16, 0, 16);
        var results = new ResultsSummary("demo-1", "demo", "COMPLETED", "val_accuracy", "maximize",
                new TrialCounts(0, 0, 14, 2, 0, 16), 0.986, "demo-1-t14", 151, 16, evaluation());
        var json = Json.mapper().readTree(StudyReport.of(study, Optional.of(results), Optional.empty(), 60, 20).toJson());
        assertThat(json.path("finalEvaluation").path("trialId").asText()).isEqualTo("demo-1-t14");
        assertThat(json.path("finalEvaluation").path("metrics").path("test_accuracy").asDouble()).isEqualTo(0.9694);
        assertThat(json.path("finalEvaluation").path("modelPath").asText()).isEqualTo("/models/demo-1");
        // results-service's JSON reads into the client's record
        var read = Json.read("{\"studyId\":\"demo-1\",\"finalEvaluation\":{\"trialNumber\":14,\"trialId\":\"demo-1-t14\","
                + "\"params\":{\"learning_rate\":0.15},\"metrics\":{\"test_accuracy\":0.97},\"modelPath\":null}}", ResultsSummary.class);
        assertThat(read.finalEvaluation().metrics()).containsEntry("test_accuracy", 0.97);
    }
}

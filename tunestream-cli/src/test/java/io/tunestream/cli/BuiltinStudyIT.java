package io.tunestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tunestream.cli.client.ResultsClient;
import io.tunestream.cli.client.StudyWatch;
import io.tunestream.cli.client.SuggesterClient;
import io.tunestream.cli.client.SuggesterClient.SpecFormat;
import io.tunestream.cli.local.LocalCluster;
import io.tunestream.cli.local.ModuleJars;
import io.tunestream.cli.local.Ports;
import io.tunestream.contracts.Topics;
import io.tunestream.contracts.events.DecisionAction;
import io.tunestream.contracts.events.ReportKind;
import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.events.TrialReported;
import io.tunestream.contracts.events.TrialSuggested;

/**
 * A study of the built-in MLP through the whole system (broker, services and two trainers as separate
 * JVMs): trials train real networks on the bundled digits with per-epoch train and validation
 * metrics, and the study ends with its best configuration retrained, evaluated once on the held-out
 * test set and saved, the test metrics in results-service's study summary.
 */
class BuiltinStudyIT {

    static final Path REPO = EndToEndIT.REPO;
    static final Path WORK = REPO.resolve("tunestream-cli/target/builtin-it");
    static final String SPEC = """
            name: builtin-it
            objective: {metric: val_accuracy, direction: maximize}
            searchSpace:
              learning_rate: {type: float, low: 0.02, high: 0.3, log: true}
              hidden_layers: {type: int, low: 1, high: 2}
              units_per_layer: {type: int, low: 16, high: 64, log: true}
              activation: {type: categorical, choices: [relu, tanh]}
            algorithm: {name: random}
            budget: {maxTrials: 6, maxParallel: 2, maxEpochs: 4}
            trainer:
              backend: builtin
              settings: {dataset: digits, validationFraction: 0.2, testFraction: 0.2}
            finalize: {retrain: true, modelDir: MODELS}
            seed: 3
            """;

    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        assertThat(ModuleJars.in(REPO).missing()).as("jars under " + REPO + " (build them first)").isEmpty();
        cluster = LocalCluster.builder(REPO)
                .workDir(WORK)
                .trainers(2)
                .slotsPerTrainer(1)
                .portBase(Ports.findFreeBlock(19280, 4))
                .listener(message -> System.out.println("[builtin-it] " + message))
                .start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theBestConfigurationIsEvaluatedOnceOnTheTestSetAndSaved() {
        Path models = WORK.resolve("models");
        var suggester = new SuggesterClient(cluster.suggesterUrl(), java.util.Optional.of(cluster.apiToken()));
        var results = new ResultsClient(cluster.resultsUrl(), java.util.Optional.of(cluster.apiToken()));
        var studyId = suggester.submit(SPEC.replace("MODELS", models.toString()), SpecFormat.YAML).studyId();

        var watch = new StudyWatch(suggester, results, Duration.ofMillis(500), Duration.ofSeconds(15))
                .await(studyId, Duration.ofMinutes(4), snapshot -> { }, cluster::checkHealthy);
        assertThat(watch.outcome()).isEqualTo(StudyWatch.Outcome.SETTLED);
        var status = watch.last().orElseThrow().study();
        assertThat(status.state()).isEqualTo("COMPLETED");
        assertThat(status.reason()).isEqualTo("maxTrials reached; best trial evaluated on the test set");
        assertThat(status.trialsSuggested()).as("the final evaluation is not a trial").isEqualTo(6);

        // every epoch of every trial carries both sides of the overfitting gap
        var reports = new TopicReader(cluster.bootstrapServers()).read(Topics.TRIAL_REPORTED, TrialReported.class).stream()
                .filter(r -> r.studyId().equals(studyId)).toList();
        assertThat(reports).filteredOn(r -> r.kind() == ReportKind.EPOCH).isNotEmpty().allSatisfy(r -> assertThat(r.metrics())
                .containsKeys("train_loss", "train_accuracy", "val_loss", "val_accuracy", "accuracy_gap", "epoch_seconds"));
        assertThat(reports).filteredOn(r -> r.kind() == ReportKind.FAILED).isEmpty();

        // one final-evaluation work item, for the best trial, and one decision for it
        var best = results.best(studyId).orElseThrow();
        var finals = new TopicReader(cluster.bootstrapServers()).read(Topics.TRIAL_SUGGESTED, TrialSuggested.class).stream()
                .filter(t -> t.studyId().equals(studyId) && t.isFinalize()).toList();
        assertThat(finals).singleElement().satisfies(job -> {
            assertThat(job.trialId()).isEqualTo(TrialSuggested.finalTrialId(studyId));
            assertThat(job.finalizeOf().orElseThrow().trialId()).isEqualTo(best.trialId());
            assertThat(job.params()).isEqualTo(best.params());
        });
        var finalDecisions = new TopicReader(cluster.bootstrapServers()).read(Topics.TRIAL_DECIDED, TrialDecided.class).stream()
                .filter(d -> d.trialId().equals(TrialSuggested.finalTrialId(studyId)))
                .collect(Collectors.toList());
        assertThat(finalDecisions).singleElement().satisfies(d -> assertThat(d.action()).isEqualTo(DecisionAction.COMPLETED));

        // the test metrics in the study's result, and the retrained model on disk
        var evaluation = results.summary(studyId).orElseThrow().finalEvaluation();
        assertThat(evaluation).isNotNull();
        assertThat(evaluation.trialId()).isEqualTo(best.trialId());
        assertThat(evaluation.params()).isEqualTo(best.params());
        assertThat(evaluation.metrics().get("test_accuracy")).isGreaterThan(0.85);
        assertThat(evaluation.metrics()).containsKeys("test_loss", "test_rows", "train_rows");
        assertThat(evaluation.modelPath()).isEqualTo(models.resolve(studyId).toString());
        assertThat(Files.exists(Path.of(evaluation.modelPath()).resolve("mlp-0000.params"))).isTrue();
        assertThat(results.leaderboard(studyId)).as("the final evaluation is not on the leaderboard").hasSize(6);
        cluster.checkHealthy();
    }
}

package io.tunestream.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Studies of the builtin backend: settings, hyperparameter rules and the finalize block checked before any trial runs. */
class BuiltinSpecTest {

    static final String VALID = """
            name: mlp
            objective: {metric: val_accuracy, direction: maximize}
            searchSpace:
              learning_rate: {type: float, low: 0.001, high: 0.5, log: true}
              hidden_layers: {type: int, low: 1, high: 3}
              activation: {type: categorical, choices: [relu, tanh]}
              dropout: {type: float, low: 0.0, high: 0.5}
            algorithm: {name: random}
            budget: {maxTrials: 4, maxParallel: 2, maxEpochs: 5}
            trainer: {backend: builtin, settings: {dataset: digits, validationFraction: 0.2, testFraction: 0.2, folds: 1, threads: 1}}
            """;

    @Test
    void aValidBuiltinStudyEvaluatesOnTheTestSetByDefault() {
        var spec = StudySpecParser.parseAndValidate(VALID, StudySpecParser.Format.YAML);
        assertThat(spec.finalizePlan()).contains(FinalizeSpec.evaluateOnly());
        var settings = BuiltinSettings.of(spec.trainer().settings());
        assertThat(settings.dataset()).isEqualTo(BuiltinSettings.DatasetRef.digits());
        assertThat(settings.testFraction()).isEqualTo(0.2);
    }

    @Test
    void finalizeBlockIsReadAndOtherBackendsHaveNoFinalEvaluation() {
        var spec = StudySpecParser.parseAndValidate(VALID + "finalize: {retrain: true, modelDir: /models}\n", StudySpecParser.Format.YAML);
        assertThat(spec.finalizePlan()).contains(new FinalizeSpec(true, "/models"));
        var noTest = StudySpecParser.parseAndValidate(VALID.replace("testFraction: 0.2", "testFraction: 0"), StudySpecParser.Format.YAML);
        assertThat(noTest.finalizePlan()).isEmpty();
        var synthetic = StudySpecParser.parseAndValidate(StudySpecParserTest.VALID_YAML, StudySpecParser.Format.YAML);
        assertThat(synthetic.finalizePlan()).isEmpty();
    }

    @Test
    void csvAndIdxDatasetsAreAccepted() {
        var csv = VALID.replace("dataset: digits", "dataset: {csv: /data/iris.csv, label: species}");
        assertThat(BuiltinSettings.of(StudySpecParser.parseAndValidate(csv, StudySpecParser.Format.YAML).trainer().settings()).dataset().path())
                .contains("/data/iris.csv");
        var idx = VALID.replace("dataset: digits", "dataset: {idx: {images: /d/train-images.gz, labels: /d/train-labels.gz}}");
        assertThat(BuiltinSettings.of(StudySpecParser.parseAndValidate(idx, StudySpecParser.Format.YAML).trainer().settings()).dataset().images())
                .contains("/d/train-images.gz");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dataset: digits|dataset: mnist|trainer.settings.dataset must be digits, {csv: path, label: column} or {idx: {images: path, labels: path}}, but was mnist",
            "dataset: digits|dataset: {csv: /a.csv}|trainer.settings.dataset.label must name the CSV file's class column, but was null",
            "dataset: digits|dataset: {idx: {images: /a}}|trainer.settings.dataset.idx must be {images: path, labels: path} (IDX files on the trainers), but was {images=/a}",
            "folds: 1|folds: 1, epochs: 3|trainer.settings.epochs is not a setting of the builtin backend (known: dataset, validationFraction, testFraction, folds, threads, splitSeed, maxSamples, device)",
            "testFraction: 0.2|testFraction: 1.5|trainer.settings.testFraction must be a number in [0, 1), but was 1.5",
            "validationFraction: 0.2, testFraction: 0.2|validationFraction: 0.6, testFraction: 0.4|trainer.settings.validationFraction + trainer.settings.testFraction must be < 1, but was 1",
            "folds: 1|folds: 51|trainer.settings.folds must be an integer between 1 and 50, but was 51",
            "threads: 1|threads: 0|trainer.settings.threads must be an integer between 1 and 256, but was 0",
            "threads: 1|threads: 1, device: tpu|trainer.settings.device must be one of auto, cpu, gpu, but was tpu",
            "dropout: {type: float, low: 0.0, high: 0.5}|dropout: {type: float, low: 0.0, high: 1.0}|searchSpace.dropout.high must be a number in [0, 1) for the builtin backend, but was 1",
            "hidden_layers: {type: int, low: 1, high: 3}|hidden_layers: {type: int, low: 1, high: 30}|searchSpace.hidden_layers.high must be an integer in [0, 16] for the builtin backend, but was 30",
            "hidden_layers: {type: int, low: 1, high: 3}|hidden_layers: {type: float, low: 1, high: 3}|searchSpace.hidden_layers.type must be int for the builtin backend (an integer in [0, 16])",
            "choices: [relu, tanh]|choices: [relu, swish]|searchSpace.activation.choices[1] must be one of relu, tanh, sigmoid, gelu, leaky_relu, but was swish",
            "dropout: {type: float|dropout_rate: {type: float|searchSpace.dropout_rate is not a hyperparameter of the builtin backend (known: learning_rate, lr_decay, lr_schedule, lr_step_size, epochs, batch_size, momentum, hidden_layers, units_per_layer, activation, weight_decay, dropout, optimizer)",
    })
    void eachBrokenRuleNamesItsField(String from, String to, String message) {
        var yaml = VALID.replace(from, to);
        assertThat(yaml).isNotEqualTo(VALID);
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(yaml, StudySpecParser.Format.YAML)))
                .extracting(FieldError::message).containsExactly(message);
    }

    @Test
    void finalizeNeedsTheBuiltinBackendAndATestSet() {
        var synthetic = StudySpecParserTest.VALID_YAML + "finalize: {retrain: true}\n";
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(synthetic, StudySpecParser.Format.YAML))).extracting(FieldError::message)
                .containsExactly("finalize is only supported by trainer.backend builtin (it needs a held-out test set), but the backend was \"synthetic\"");
        var noTest = VALID.replace("testFraction: 0.2", "testFraction: 0") + "finalize: {retrain: true}\n";
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(noTest, StudySpecParser.Format.YAML))).extracting(FieldError::field)
                .containsExactly("trainer.settings.testFraction");
        var dirWithoutRetrain = VALID + "finalize: {retrain: false, modelDir: /m}\n";
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(dirWithoutRetrain, StudySpecParser.Format.YAML))).extracting(FieldError::field)
                .containsExactly("finalize.modelDir");
        var typo = VALID + "finalize: {retrian: true}\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StudySpecParser.parse(typo, StudySpecParser.Format.YAML))
                .hasMessage("finalize.retrian is not a known field");
    }
}

package io.tunestream.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudySpecParserTest {

    static final String VALID_YAML = """
            name: demo
            objective: {metric: val_loss, direction: minimize}
            searchSpace:
              lr: {type: float, low: 0.0001, high: 0.1, log: true}
              layers: {type: int, low: 1, high: 4}
              act: {type: categorical, choices: [relu, tanh]}
            algorithm: {name: random}
            budget: {maxTrials: 10, maxParallel: 2, maxEpochs: 5}
            trainer: {backend: synthetic, settings: {epochMillis: 10, targets: {lr: 0.01}}}
            seed: 3
            """;

    @Test
    void parsesAValidYamlSpec() {
        var spec = StudySpecParser.parseAndValidate(VALID_YAML, StudySpecParser.Format.YAML);
        assertThat(spec.name()).isEqualTo("demo");
        assertThat(spec.searchSpace()).containsOnlyKeys("lr", "layers", "act");
        assertThat(spec.searchSpace().get("lr").isLog()).isTrue();
        assertThat(spec.searchSpace().get("act").choices()).containsExactly("relu", "tanh");
        assertThat(spec.budget().maxTrials()).isEqualTo(10);
        assertThat(spec.seed()).isEqualTo(3L);
    }

    @Test
    void jsonAndYamlGiveTheSameSpec() throws Exception {
        var fromYaml = StudySpecParser.parse(VALID_YAML, StudySpecParser.Format.YAML);
        var json = io.tunestream.contracts.Json.mapper().writeValueAsString(fromYaml);
        assertThat(StudySpecParser.parse(json, StudySpecParser.Format.JSON)).isEqualTo(fromYaml);
    }

    @Test
    void unknownFieldIsAnErrorNamingItsPath() {
        var yaml = VALID_YAML.replace("layers: {type: int,", "layers: {typo: 1, type: int,");
        assertThatThrownBy(() -> StudySpecParser.parse(yaml, StudySpecParser.Format.YAML))
                .isInstanceOf(InvalidStudySpecException.class)
                .satisfies(e -> assertThat(((InvalidStudySpecException) e).errors())
                        .containsExactly(new FieldError("searchSpace.layers.typo", "searchSpace.layers.typo is not a known field")));
    }

    @Test
    void wrongTypeNamesTheFieldAndTheValue() {
        var yaml = VALID_YAML.replace("maxTrials: 10", "maxTrials: ten");
        assertThatThrownBy(() -> StudySpecParser.parse(yaml, StudySpecParser.Format.YAML))
                .isInstanceOf(InvalidStudySpecException.class)
                .hasMessage("budget.maxTrials must be an integer, but was \"ten\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "low: 0.0001, high: 0.1, log: true|low: 0, high: 0.1, log: true|searchSpace.lr.low must be > 0 when log=true, but was 0",
            "low: 0.0001, high: 0.1, log: true|low: 0.5, high: 0.1|searchSpace.lr.high must be > low, but was high=0.1, low=0.5",
            "maxParallel: 2|maxParallel: 0|budget.maxParallel must be between 1 and 1000, but was 0",
            "name: random|name: bayes|algorithm.name must be one of bohb, gp, grid, random, tpe, but was \"bayes\"",
            "{name: random}|{name: tpe, settings: {gamma: 0}}|algorithm.settings.gamma must be in (0, 1], but was 0",
            "{name: random}|{name: tpe, settings: {gamma: 1.5, nStartupTrials: 5}}|algorithm.settings.gamma must be in (0, 1], but was 1.5",
            "{name: random}|{name: tpe, settings: {nStartupTrials: -1}}|algorithm.settings.nStartupTrials must be an integer between 0 and 100000, but was -1",
            "{name: random}|{name: tpe, settings: {nEiCandidates: 2.5}}|algorithm.settings.nEiCandidates must be an integer between 1 and 10000, but was 2.5",
            "{name: random}|{name: tpe, settings: {priorWeight: 0}}|algorithm.settings.priorWeight must be > 0 and finite, but was 0",
            "{name: random}|{name: tpe, settings: {multivariate: maybe}}|algorithm.settings.multivariate must be true or false, but was \"maybe\"",
            "{name: random}|{name: tpe, settings: {constantLiar: 1}}|algorithm.settings.constantLiar must be true or false, but was 1",
            "{name: random}|{name: tpe, settings: {nRestarts: 3}}|algorithm.settings.nRestarts is not a setting of tpe (known: nStartupTrials, gamma, nEiCandidates, priorWeight, multivariate, constantLiar)",
            "{name: random}|{name: gp, settings: {nCandidates: 0}}|algorithm.settings.nCandidates must be an integer between 1 and 100000, but was 0",
            "{name: random}|{name: gp, settings: {nRestarts: 21}}|algorithm.settings.nRestarts must be an integer between 1 and 20, but was 21",
            "{name: random}|{name: gp, settings: {gamma: 0.2}}|algorithm.settings.gamma is not a setting of gp (known: nStartupTrials, nRestarts, nCandidates)",
            "{name: random}|{name: random, settings: {gamma: 0.2}}|algorithm.settings.gamma is not a setting of random (it takes none)",
            "direction: minimize|direction: down|objective.direction must be one of minimize, maximize, but was \"down\"",
            "choices: [relu, tanh]|choices: [relu, relu]|searchSpace.act.choices[1] must not repeat an earlier choice, but relu appears twice",
            "targets: {lr: 0.01}|targets: {momentum: 0.9}|trainer.settings.targets.momentum must name a parameter of searchSpace",
            "backend: synthetic|backend: slurm|trainer.backend must be one of builtin, command, synthetic, but was \"slurm\"",
            "backend: synthetic, settings: {epochMillis: 10, targets: {lr: 0.01}}|backend: command, settings: {program: 'rm -rf /'}|trainer.settings.program must be the name of a program registered on the trainers (letters, digits, '.', '_', '-'), but was rm -rf /",
            "backend: synthetic, settings: {epochMillis: 10, targets: {lr: 0.01}}|backend: command, settings: {program: mlp, command: evil}|trainer.settings.command is not a setting of the command backend (it takes only program; the operator configures the command)",
            "low: 1, high: 4|low: 1.5, high: 4|searchSpace.layers.low must be an integer for type int, but was 1.5",
    })
    void eachBrokenRuleHasOneMessageNamingFieldAndRule(String from, String to, String message) {
        var yaml = VALID_YAML.replace(from, to);
        assertThat(yaml).isNotEqualTo(VALID_YAML);
        var errors = StudySpecValidator.validate(StudySpecParser.parse(yaml, StudySpecParser.Format.YAML));
        assertThat(errors).extracting(FieldError::message).containsExactly(message);
    }

    /** YAML's {@code .nan}, {@code .inf} and {@code -.inf} are numbers to YAML, never valid in a spec: the error names their field. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "low: 0.0001, high: 0.1, log: true|low: .nan, high: 0.1, log: true|searchSpace.lr.low|.nan",
            "low: 0.0001, high: 0.1, log: true|low: 0.0001, high: .inf, log: true|searchSpace.lr.high|.inf",
            "low: 0.0001, high: 0.1, log: true|low: -.inf, high: 0.1|searchSpace.lr.low|-.inf",
            "low: 0.0001, high: 0.1, log: true|low: 0.0001, high: 0.1, step: .NaN|searchSpace.lr.step|.NaN",
            "low: 1, high: 4|low: 1, high: +.inf|searchSpace.layers.high|+.inf",
            "choices: [relu, tanh]|choices: [relu, .nan]|searchSpace.act.choices[1]|.nan",
            "maxTrials: 10|maxTrials: .nan|budget.maxTrials|.nan",
            "maxParallel: 2|maxParallel: -.inf|budget.maxParallel|-.inf",
            "maxEpochs: 5|maxEpochs: .Inf|budget.maxEpochs|.Inf",
            "{name: random}|{name: tpe, settings: {gamma: .nan}}|algorithm.settings.gamma|.nan",
            "{name: random}|{name: tpe, settings: {priorWeight: -.inf}}|algorithm.settings.priorWeight|-.inf",
            "epochMillis: 10|epochMillis: .inf|trainer.settings.epochMillis|.inf",
            "targets: {lr: 0.01}|targets: {lr: .NAN}|trainer.settings.targets.lr|.NAN",
            "seed: 3|seed: -.inf|seed|-.inf",
            "seed: 3|seed: 3\\nscheduler: {name: asha, eta: .nan}|scheduler.eta|.nan",
            "seed: 3|seed: 3\\nscheduler: {name: hyperband, minEpochs: .inf}|scheduler.minEpochs|.inf",
            "seed: 3|seed: 3\\nscheduler: {name: median, warmupEpochs: -.inf}|scheduler.warmupEpochs|-.inf",
            "seed: 3|seed: 3\\nscheduler: {name: median, minTrials: .nan}|scheduler.minTrials|.nan",
    })
    void yamlNanAndInfinityNameTheirField(String from, String to, String field, String literal) {
        var yaml = VALID_YAML.replace(from, to.replace("\\n", "\n"));
        assertThat(yaml).isNotEqualTo(VALID_YAML);
        assertThatThrownBy(() -> StudySpecParser.parse(yaml, StudySpecParser.Format.YAML))
                .isInstanceOf(InvalidStudySpecException.class)
                .satisfies(e -> assertThat(((InvalidStudySpecException) e).errors())
                        .containsExactly(new FieldError(field, field + " must be a finite number, but was " + literal)));
    }

    @Test
    void aNonFiniteNumberAfterAnotherMistakeKeepsTheFirstError() {
        var yaml = VALID_YAML.replace("maxTrials: 10", "maxTrials: ten").replace("seed: 3", "seed: .nan");
        assertThatThrownBy(() -> StudySpecParser.parse(yaml, StudySpecParser.Format.YAML))
                .hasMessage("budget.maxTrials must be an integer, but was \"ten\"");
        var quoted = VALID_YAML.replace("low: 0.0001, high: 0.1, log: true", "low: \".nan\", high: 0.1, log: true");
        assertThatThrownBy(() -> StudySpecParser.parse(quoted, StudySpecParser.Format.YAML))
                .isInstanceOf(InvalidStudySpecException.class)
                .satisfies(e -> assertThat(((InvalidStudySpecException) e).errors()).extracting(FieldError::field)
                        .containsExactly("searchSpace.lr.low"));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        var spec = new StudySpec(null, new ObjectiveSpec(null, "up"), java.util.Map.of(), new AlgorithmSpec("random", java.util.Map.of("x", 1)),
                new BudgetSpec(0, null, 1), null, null);
        assertThat(StudySpecValidator.validate(spec)).extracting(FieldError::field).containsExactly(
                "name", "objective.metric", "objective.direction", "searchSpace", "algorithm.settings.x",
                "budget.maxTrials", "budget.maxParallel", "trainer.backend");
    }

    @Test
    void schedulerSettingsAreValidatedBeforeAnyTrialRuns() {
        var asha = VALID_YAML + "scheduler: {name: asha, minEpochs: 1, eta: 3}\n";
        var spec = StudySpecParser.parseAndValidate(asha, StudySpecParser.Format.YAML);
        assertThat(spec.schedulerName()).isEqualTo("asha");
        assertThat(spec.scheduler().maxEpochsOr(spec.budget().maxEpochs())).isEqualTo(5);
        assertThat(StudySpecParser.parseAndValidate(VALID_YAML, StudySpecParser.Format.YAML).schedulerName()).isEqualTo("none");

        var bad = VALID_YAML + "scheduler: {name: hyperband, minEpochs: 5, eta: 1, minTrials: 2}\n";
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(bad, StudySpecParser.Format.YAML))).extracting(FieldError::message)
                .containsExactly("scheduler.minTrials is not a setting of hyperband",
                        "scheduler.eta must be >= 2, but was 1",
                        "scheduler.maxEpochs must be > scheduler.minEpochs (5) so that there is a rung to stop at, but was 5");
        var tooLong = VALID_YAML + "scheduler: {name: asha, maxEpochs: 50}\n";
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(tooLong, StudySpecParser.Format.YAML))).extracting(FieldError::message)
                .containsExactly("scheduler.maxEpochs must be <= budget.maxEpochs (5), but was 50");
        var unknown = VALID_YAML + "scheduler: {name: pbt}\n";
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(unknown, StudySpecParser.Format.YAML))).extracting(FieldError::message)
                .containsExactly("scheduler.name must be one of asha, hyperband, median, none, but was \"pbt\"");
        var median = VALID_YAML + "scheduler: {name: median, eta: 3, warmupEpochs: 2}\n";
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(median, StudySpecParser.Format.YAML))).extracting(FieldError::message)
                .containsExactly("scheduler.eta is not a setting of median");
    }

    @Test
    void tpeAndGpAcceptEveryOneOfTheirSettings() {
        var tpe = VALID_YAML.replace("{name: random}", "{name: tpe, settings: {nStartupTrials: 0, gamma: 1, nEiCandidates: 64,"
                + " priorWeight: 0.5, multivariate: false, constantLiar: true}}");
        var gp = VALID_YAML.replace("{name: random}", "{name: gp, settings: {nStartupTrials: 20, nRestarts: 3, nCandidates: 1000}}");
        var defaults = VALID_YAML.replace("{name: random}", "{name: tpe}");

        assertThat(StudySpecValidator.validate(StudySpecParser.parse(tpe, StudySpecParser.Format.YAML))).isEmpty();
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(gp, StudySpecParser.Format.YAML))).isEmpty();
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(defaults, StudySpecParser.Format.YAML))).isEmpty();
        assertThat(StudySpecValidator.ALGORITHM_SETTINGS).containsOnlyKeys(StudySpecValidator.ALGORITHMS);
    }

    @Test
    void gridNeedsGridPointsForContinuousParameters() {
        var yaml = VALID_YAML.replace("name: random", "name: grid");
        var errors = StudySpecValidator.validate(StudySpecParser.parse(yaml, StudySpecParser.Format.YAML));
        assertThat(errors).extracting(FieldError::message).containsExactly(
                "searchSpace.lr.gridPoints is required for a float parameter without step when algorithm is grid");
        var fixed = yaml.replace("log: true}", "log: true, gridPoints: 4}");
        assertThat(StudySpecValidator.validate(StudySpecParser.parse(fixed, StudySpecParser.Format.YAML))).isEmpty();
    }

    @Test
    void emptyAndMalformedDocumentsAreRejected() {
        assertThatThrownBy(() -> StudySpecParser.parse("  ", StudySpecParser.Format.JSON)).hasMessage("the study spec is empty");
        assertThatThrownBy(() -> StudySpecParser.parse("{\"name\": ", StudySpecParser.Format.JSON))
                .isInstanceOf(InvalidStudySpecException.class)
                .hasMessageStartingWith("the study spec is not valid JSON");
        assertThat(List.of()).isEmpty();
    }
}

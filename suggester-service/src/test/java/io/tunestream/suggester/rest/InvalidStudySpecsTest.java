package io.tunestream.suggester.rest;

import static io.restassured.RestAssured.given;
import static io.tunestream.testing.ApiTestTokens.authorized;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tunestream.contracts.Topics;
import io.tunestream.kafka.embedded.KafkaTestResource;
import io.tunestream.suggester.recovery.RecoveryState;

/**
 * A table of invalid study specs, each one rule broken in an otherwise valid spec, sent to
 * {@code POST /api/studies} as a user would: every one is answered 400 with an error that names the
 * field and the rule, and nothing reaches Kafka (no study record, no suggestion, for any of them).
 * Every spec is named {@code invalid-...} (or breaks the name rule) so that the topics can be searched.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class InvalidStudySpecsTest {

    static final String BASE = """
            name: invalid-spec
            objective: {metric: val_loss, direction: minimize}
            searchSpace:
              lr: {type: float, low: 0.0001, high: 0.1, log: true}
              layers: {type: int, low: 1, high: 4}
              act: {type: categorical, choices: [relu, tanh]}
            algorithm: {name: random}
            budget: {maxTrials: 5, maxParallel: 2, maxEpochs: 9}
            trainer: {backend: synthetic, settings: {epochMillis: 10}}
            seed: 5
            """;
    static final String LR = "  lr: {type: float, low: 0.0001, high: 0.1, log: true}";
    static final String LAYERS = "  layers: {type: int, low: 1, high: 4}";
    static final String ACT = "  act: {type: categorical, choices: [relu, tanh]}";
    static final String ALGORITHM = "algorithm: {name: random}";
    static final String BUDGET = "budget: {maxTrials: 5, maxParallel: 2, maxEpochs: 9}";
    static final String TRAINER = "trainer: {backend: synthetic, settings: {epochMillis: 10}}";
    static final String OBJECTIVE = "objective: {metric: val_loss, direction: minimize}";

    /** Cases tried (for the figures printed at the end). */
    static int tried;

    record Case(String field, String rule, String document) {
        @Override
        public String toString() {
            return field + ": " + rule;
        }
    }

    static Case replace(String line, String by, String field, String rule) {
        if (!BASE.contains(line + "\n")) {
            throw new IllegalArgumentException("the base spec has no line " + line);
        }
        return new Case(field, rule, BASE.replace(line + "\n", by.isEmpty() ? "" : by + "\n"));
    }

    static Case add(String line, String field, String rule) {
        return new Case(field, rule, BASE + line + "\n");
    }

    static Stream<Case> invalidSpecs() {
        return Stream.of(
                // name
                replace("name: invalid-spec", "name: \"invalid spec!\"", "name", "must be 1-100 letters, digits"),
                replace("name: invalid-spec", "name: invalid" + "x".repeat(100), "name", "must be 1-100 letters, digits"),
                replace("name: invalid-spec", "name: \"-invalid\"", "name", "starting with a letter or digit"),
                replace("name: invalid-spec", "", "name", "name is required"),
                replace("name: invalid-spec", "name: [invalid]", "name", "name must be a string, but was a list"),
                // objective
                replace(OBJECTIVE, "", "objective", "objective is required"),
                replace(OBJECTIVE, "objective: {direction: minimize}", "objective.metric", "objective.metric is required"),
                replace(OBJECTIVE, "objective: {metric: \"val loss\", direction: minimize}", "objective.metric", "must be an identifier"),
                replace(OBJECTIVE, "objective: {metric: val_loss}", "objective.direction", "objective.direction is required"),
                replace(OBJECTIVE, "objective: {metric: val_loss, direction: lowest}", "objective.direction", "must be one of minimize, maximize"),
                replace(OBJECTIVE, "objective: {metric: val_loss, direction: minimize, goal: 0.1}", "objective.goal", "is not a known field"),
                // search space
                new Case("searchSpace", "must define at least one parameter",
                        BASE.replace("searchSpace:\n" + LR + "\n" + LAYERS + "\n" + ACT + "\n", "searchSpace: {}\n")),
                replace(LR, "  lr: {type: float, low: 0, high: 0.1, log: true}", "searchSpace.lr.low", "must be > 0 when log=true"),
                replace(LR, "  lr: {type: float, low: 0.1, high: 0.01}", "searchSpace.lr.high", "must be > low"),
                replace(LR, "  lr: {type: float, high: 0.1}", "searchSpace.lr.low", "searchSpace.lr.low is required"),
                replace(LR, "  lr: {type: float, low: 0.1}", "searchSpace.lr.high", "searchSpace.lr.high is required"),
                replace(LR, "  lr: {low: 0.1, high: 1}", "searchSpace.lr.type", "searchSpace.lr.type is required"),
                replace(LR, "  lr: {type: double, low: 0.1, high: 1}", "searchSpace.lr.type", "must be one of float, int, categorical"),
                replace(LR, "  lr: {type: float, low: 0.0001, high: 0.1, log: true, step: 0.01}", "searchSpace.lr.step", "cannot be combined with log=true"),
                replace(LR, "  lr: {type: float, low: 0.0, high: 1.0, step: -0.1}", "searchSpace.lr.step", "must be > 0"),
                replace(LR, "  lr: {type: float, low: 0.0, high: 1.0, step: 2.0}", "searchSpace.lr.step", "must be <= high - low"),
                replace(LR, "  lr: {type: float, low: -1e999, high: 1.0}", "searchSpace.lr.low", "must be a finite number"),
                replace(LR, "  lr: {type: float, low: 0.0, high: 1e999}", "searchSpace.lr.high", "must be a finite number"),
                replace(LR, "  lr: {type: float, low: 0.1, high: 1, choices: [0.1, 0.5]}", "searchSpace.lr.choices", "only allowed for type categorical"),
                replace(LR, "  lr: {type: float, low: small, high: 1}", "searchSpace.lr.low", "must be a number"),
                replace(LR, "  lr: {type: float, low: 0.1, high: 1, logarithmic: true}", "searchSpace.lr.logarithmic", "is not a known field"),
                replace(LR, "  \"1lr\": {type: float, low: 0.1, high: 1}", "searchSpace.1lr", "parameter names must be identifiers"),
                replace(LAYERS, "  layers: {type: int, low: 1.5, high: 4}", "searchSpace.layers.low", "must be an integer for type int"),
                replace(LAYERS, "  layers: {type: int, low: 4, high: 1}", "searchSpace.layers.high", "must be >= low"),
                replace(LAYERS, "  layers: {type: int, low: 1, high: 4, step: 0.5}", "searchSpace.layers.step", "must be an integer for type int"),
                replace(LAYERS, "  layers: {type: int, low: 0, high: 4, log: true}", "searchSpace.layers.low", "must be > 0 when log=true"),
                replace(ACT, "  act: {type: categorical, choices: []}", "searchSpace.act.choices", "must list at least one value"),
                replace(ACT, "  act: {type: categorical, choices: [relu, relu]}", "searchSpace.act.choices[1]", "must not repeat an earlier choice"),
                replace(ACT, "  act: {type: categorical, choices: [relu, tanh], low: 1}", "searchSpace.act", "takes only choices"),
                replace(ACT, "  act: {type: categorical, choices: [relu, {x: 1}]}", "searchSpace.act.choices[1]", "must be a string, a boolean or a finite number"),
                new Case("searchSpace.lr.gridPoints", "is required for a float parameter without step when algorithm is grid",
                        BASE.replace(ALGORITHM, "algorithm: {name: grid}")),
                new Case("searchSpace.lr.gridPoints", "must be >= 2", BASE.replace(ALGORITHM, "algorithm: {name: grid}")
                        .replace(LR, "  lr: {type: float, low: 0.0001, high: 0.1, log: true, gridPoints: 1}")),
                // algorithm
                replace(ALGORITHM, "algorithm: {}", "algorithm.name", "algorithm.name is required"),
                replace(ALGORITHM, "algorithm: {name: bayes}", "algorithm.name", "must be one of"),
                replace(ALGORITHM, "algorithm: {name: random, settings: {gamma: 0.2}}", "algorithm.settings.gamma", "is not a setting of random"),
                replace(ALGORITHM, "algorithm: {name: tpe, settings: {gamma: 1.5}}", "algorithm.settings.gamma", "must be in (0, 1]"),
                replace(ALGORITHM, "algorithm: {name: tpe, settings: {nStartupTrials: -1}}", "algorithm.settings.nStartupTrials", "must be an integer between 0"),
                replace(ALGORITHM, "algorithm: {name: tpe, settings: {nEiCandidates: 2.5}}", "algorithm.settings.nEiCandidates", "must be an integer between 1 and 10000"),
                replace(ALGORITHM, "algorithm: {name: tpe, settings: {priorWeight: 0}}", "algorithm.settings.priorWeight", "must be > 0 and finite"),
                replace(ALGORITHM, "algorithm: {name: tpe, settings: {multivariate: 1}}", "algorithm.settings.multivariate", "must be true or false"),
                replace(ALGORITHM, "algorithm: {name: tpe, settings: {nRestarts: 3}}", "algorithm.settings.nRestarts", "is not a setting of tpe"),
                replace(ALGORITHM, "algorithm: {name: gp, settings: {nRestarts: 50}}", "algorithm.settings.nRestarts", "must be an integer between 1 and 20"),
                replace(ALGORITHM, "algorithm: {name: bohb, settings: {randomFraction: 2}}", "algorithm.settings.randomFraction", "must be in [0, 1]"),
                new Case("scheduler.name", "must be hyperband (or absent, which implies hyperband) when algorithm.name is bohb",
                        BASE.replace(ALGORITHM, "algorithm: {name: bohb}") + "scheduler: {name: asha}\n"),
                new Case("budget.maxEpochs", "must be >= 3 when algorithm.name is bohb",
                        BASE.replace(ALGORITHM, "algorithm: {name: bohb}").replace(BUDGET, "budget: {maxTrials: 5, maxParallel: 2, maxEpochs: 2}")),
                // budget
                replace(BUDGET, "", "budget", "budget is required"),
                replace(BUDGET, "budget: {maxTrials: 0, maxParallel: 2, maxEpochs: 9}", "budget.maxTrials", "must be between 1 and 100000, but was 0"),
                replace(BUDGET, "budget: {maxTrials: 100001, maxParallel: 2, maxEpochs: 9}", "budget.maxTrials", "must be between 1 and 100000, but was 100001"),
                replace(BUDGET, "budget: {maxParallel: 2, maxEpochs: 9}", "budget.maxTrials", "budget.maxTrials is required"),
                replace(BUDGET, "budget: {maxTrials: 5, maxParallel: 1001, maxEpochs: 9}", "budget.maxParallel", "must be between 1 and 1000"),
                replace(BUDGET, "budget: {maxTrials: 5, maxParallel: -1, maxEpochs: 9}", "budget.maxParallel", "must be between 1 and 1000, but was -1"),
                replace(BUDGET, "budget: {maxTrials: 5, maxParallel: 2, maxEpochs: 0}", "budget.maxEpochs", "must be between 1 and 100000"),
                replace(BUDGET, "budget: {maxTrials: 5, maxParallel: 2, maxEpochs: 9, maxEpochsTotal: 0}", "budget.maxEpochsTotal", "must be >= 1"),
                replace(BUDGET, "budget: {maxTrials: many, maxParallel: 2, maxEpochs: 9}", "budget.maxTrials", "must be"),
                replace(BUDGET, "budget: {maxTrials: 5, maxParallel: 2, maxEpochs: 9, maxHours: 1}", "budget.maxHours", "is not a known field"),
                // trainer
                replace(TRAINER, "trainer: {settings: {epochMillis: 10}}", "trainer.backend", "trainer.backend is required"),
                replace(TRAINER, "trainer: {backend: docker}", "trainer.backend", "must be one of"),
                replace(TRAINER, "trainer: {backend: synthetic, settings: {epochMillis: -1}}", "trainer.settings.epochMillis", "must be between 0 and 3600000"),
                replace(TRAINER, "trainer: {backend: synthetic, settings: {noise: 11}}", "trainer.settings.noise", "must be between 0 and 10"),
                replace(TRAINER, "trainer: {backend: synthetic, settings: {failureProbability: 1.5}}", "trainer.settings.failureProbability", "must be between 0 and 1"),
                replace(TRAINER, "trainer: {backend: synthetic, settings: {speed: 3}}", "trainer.settings.speed", "is not a setting of the synthetic backend"),
                replace(TRAINER, "trainer: {backend: synthetic, settings: {targets: {momentum: 0.9}}}", "trainer.settings.targets.momentum", "must name a parameter of searchSpace"),
                replace(TRAINER, "trainer: {backend: command}", "trainer.settings.program", "trainer.settings.program is required"),
                replace(TRAINER, "trainer: {backend: command, settings: {program: ../../bin/sh}}", "trainer.settings.program", "registered on the trainers"),
                replace(TRAINER, "trainer: {backend: command, settings: {program: train, args: [--rm]}}", "trainer.settings.args", "is not a setting of the command backend"),
                // scheduler
                add("scheduler: {name: pbt}", "scheduler.name", "must be one of"),
                add("scheduler: {name: asha, eta: 1}", "scheduler.eta", "must be >= 2"),
                add("scheduler: {name: asha, minEpochs: 0}", "scheduler.minEpochs", "must be >= 1"),
                add("scheduler: {name: asha, maxEpochs: 20}", "scheduler.maxEpochs", "must be <= budget.maxEpochs (9)"),
                add("scheduler: {name: median, eta: 3}", "scheduler.eta", "is not a setting of median"),
                add("scheduler: {name: median, warmupEpochs: -1}", "scheduler.warmupEpochs", "must be >= 0"),
                add("scheduler: {name: median, minTrials: 0}", "scheduler.minTrials", "must be >= 1"),
                add("scheduler: {name: hyperband, warmupEpochs: 2}", "scheduler.warmupEpochs", "is not a setting of hyperband"),
                // YAML's not-a-number and infinities (.nan, .inf, -.inf) are numbers to YAML, never valid here
                replace(LR, "  lr: {type: float, low: .nan, high: 0.1}", "searchSpace.lr.low", "searchSpace.lr.low must be a finite number, but was .nan"),
                replace(LR, "  lr: {type: float, low: 0.0001, high: .inf}", "searchSpace.lr.high", "searchSpace.lr.high must be a finite number, but was .inf"),
                replace(LR, "  lr: {type: float, low: -.inf, high: 0.1}", "searchSpace.lr.low", "searchSpace.lr.low must be a finite number, but was -.inf"),
                replace(LAYERS, "  layers: {type: int, low: 1, high: .inf}", "searchSpace.layers.high", "searchSpace.layers.high must be a finite number, but was .inf"),
                replace(ACT, "  act: {type: categorical, choices: [relu, .nan]}", "searchSpace.act.choices[1]", "must be a finite number, but was .nan"),
                replace(BUDGET, "budget: {maxTrials: .nan, maxParallel: 2, maxEpochs: 9}", "budget.maxTrials", "budget.maxTrials must be a finite number, but was .nan"),
                replace(BUDGET, "budget: {maxTrials: 5, maxParallel: 2, maxEpochs: -.inf}", "budget.maxEpochs", "budget.maxEpochs must be a finite number, but was -.inf"),
                replace(ALGORITHM, "algorithm: {name: tpe, settings: {gamma: .nan}}", "algorithm.settings.gamma", "must be a finite number, but was .nan"),
                replace(TRAINER, "trainer: {backend: synthetic, settings: {noise: .inf}}", "trainer.settings.noise", "must be a finite number, but was .inf"),
                add("scheduler: {name: asha, eta: .nan}", "scheduler.eta", "scheduler.eta must be a finite number, but was .nan"),
                add("scheduler: {name: hyperband, minEpochs: .inf}", "scheduler.minEpochs", "scheduler.minEpochs must be a finite number, but was .inf"),
                add("scheduler: {name: median, warmupEpochs: -.inf}", "scheduler.warmupEpochs", "scheduler.warmupEpochs must be a finite number, but was -.inf"),
                // the document as a whole
                add("sampler: tpe", "sampler", "is not a known field"),
                replace("seed: 5", "seed: abc", "seed", "must be"),
                new Case("", "the study spec is empty", "\n"));
    }

    @Inject
    RecoveryState recovery;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void awaitRecovery() {
        assertThat(recovery.await(Duration.ofSeconds(60))).as("recovery done").isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidSpecs")
    void isRefusedWithTheFieldAndTheRule(Case invalid) {
        tried++;
        var body = authorized().contentType("application/yaml").body(invalid.document().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/studies")
                .then().statusCode(400).extract().asString();
        List<Map<String, String>> errors = JsonPath.from(body).getList("errors");
        assertThat(errors).as("errors of " + invalid.document()).isNotEmpty()
                .anySatisfy(error -> {
                    assertThat(error.get("field")).isEqualTo(invalid.field());
                    assertThat(error.get("message")).contains(invalid.rule());
                });
    }

    @Test
    void theTableHasAtLeastFiftyCasesAndNoneReachedKafka() {
        assertThat(invalidSpecs().count()).isGreaterThanOrEqualTo(50);
        // Whatever ran before in this JVM, no study named invalid-* exists anywhere.
        given().when().get("/api/studies").then().statusCode(200);
        List<String> names = given().when().get("/api/studies").then().extract().jsonPath().getList("spec.name");
        assertThat(names).noneMatch(InvalidStudySpecsTest::isInvalidName);
        assertThat(keysOf(Topics.STUDY_CHANGED)).noneMatch(InvalidStudySpecsTest::isInvalidName);
        assertThat(keysOf(Topics.TRIAL_SUGGESTED)).noneMatch(InvalidStudySpecsTest::isInvalidName);
    }

    @AfterAll
    static void figures() {
        System.out.printf("[invalid-specs] %d invalid study specs tried, %d rejected with 400 naming field and rule%n",
                invalidSpecs().count(), tried);
    }

    private static boolean isInvalidName(String name) {
        return name != null && name.startsWith("invalid");
    }

    private List<String> keysOf(String topic) {
        var keys = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "group.id", "t-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var ends = new java.util.HashMap<org.apache.kafka.common.TopicPartition, Long>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                if (ends.isEmpty() && !consumer.assignment().isEmpty()) {
                    ends.putAll(consumer.endOffsets(consumer.assignment()));
                }
            } while (System.nanoTime() < deadline && (ends.isEmpty()
                    || ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())));
        }
        return keys;
    }
}

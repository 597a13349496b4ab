package io.tunestream.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.Json;

/** {@code algorithm: bohb}: its settings, the hyperband scheduler it implies, and the schedulers it refuses. */
class BohbSpecTest {

    private static final String BOHB = StudySpecParserTest.VALID_YAML.replace("{name: random}",
            "{name: bohb, settings: {randomFraction: 0.25, minPoints: 6, nStartupTrials: 0, gamma: 0.2, nEiCandidates: 32,"
                    + " priorWeight: 1, multivariate: true, constantLiar: true}}");

    private static StudySpec parse(String yaml) {
        return StudySpecParser.parse(yaml, StudySpecParser.Format.YAML);
    }

    private static java.util.List<String> messages(String yaml) {
        return StudySpecValidator.validate(parse(yaml)).stream().map(FieldError::message).toList();
    }

    @Test
    void bohbTakesEveryOneOfItsSettingsAndImpliesHyperband() {
        StudySpec spec = StudySpecParser.parseAndValidate(BOHB, StudySpecParser.Format.YAML);

        assertThat(spec.scheduler()).isNull();
        assertThat(spec.schedulerName()).isEqualTo("hyperband");
        assertThat(spec.effectiveScheduler()).hasValueSatisfying(s -> {
            assertThat(s.name()).isEqualTo("hyperband");
            assertThat(s.minEpochsOrDefault()).isEqualTo(1);
            assertThat(s.etaOrDefault()).isEqualTo(3);
            assertThat(s.maxEpochsOr(spec.budget().maxEpochs())).isEqualTo(5);
        });
    }

    @Test
    void anExplicitHyperbandSchedulerIsKeptAndItIsTheOnlyOneAllowed() {
        StudySpec spec = StudySpecParser.parseAndValidate(BOHB + "scheduler: {name: hyperband, minEpochs: 1, eta: 2}\n",
                StudySpecParser.Format.YAML);
        assertThat(spec.effectiveScheduler()).hasValue(spec.scheduler());

        assertThat(messages(BOHB + "scheduler: {name: asha}\n")).containsExactly(
                "scheduler.name must be hyperband (or absent, which implies hyperband) when algorithm.name is bohb, but was \"asha\"");
        assertThat(messages(BOHB + "scheduler: {name: none}\n")).containsExactly(
                "scheduler.name must be hyperband (or absent, which implies hyperband) when algorithm.name is bohb, but was \"none\"");
    }

    @Test
    void badBohbSettingsAreNamed() {
        String bad = StudySpecParserTest.VALID_YAML.replace("{name: random}",
                "{name: bohb, settings: {randomFraction: 2, minPoints: 0, gamma: 0, nGrid: 3}}");
        assertThat(messages(bad)).containsExactly(
                "algorithm.settings.nGrid is not a setting of bohb (known: randomFraction, minPoints, nStartupTrials, gamma,"
                        + " nEiCandidates, priorWeight, multivariate, constantLiar)",
                "algorithm.settings.randomFraction must be in [0, 1], but was 2",
                "algorithm.settings.minPoints must be an integer between 1 and 100000, but was 0",
                "algorithm.settings.gamma must be in (0, 1], but was 0");
        assertThat(messages(bad.replace("randomFraction: 2", "randomFraction: \"half\""))).contains(
                "algorithm.settings.randomFraction must be in [0, 1], but was \"half\"");
    }

    @Test
    void theImpliedHyperbandNeedsTwoBracketsOfEpochs() {
        assertThat(messages(BOHB.replace("maxEpochs: 5", "maxEpochs: 2"))).containsExactly(
                "budget.maxEpochs must be >= 3 when algorithm.name is bohb (its implied hyperband scheduler needs minEpochs * eta = 3 epochs), but was 2");
        assertThat(messages(StudySpecParserTest.VALID_YAML + "scheduler: {name: hyperband, minEpochs: 2, eta: 3}\n")).containsExactly(
                "scheduler.maxEpochs must be >= scheduler.minEpochs * scheduler.eta (6) so that hyperband has more than one bracket, but was 5");
    }

    @Test
    void tpeAndGpMayRunUnderAshaOrHyperbandAndOtherAlgorithmsImplyNoScheduler() {
        for (String algorithm : new String[] {"tpe", "gp"}) {
            for (String scheduler : new String[] {"asha", "hyperband"}) {
                String yaml = StudySpecParserTest.VALID_YAML.replace("{name: random}", "{name: " + algorithm + "}")
                        + "scheduler: {name: " + scheduler + ", minEpochs: 1, eta: 2}\n";
                assertThat(messages(yaml)).as("%s under %s", algorithm, scheduler).isEmpty();
                assertThat(parse(yaml).schedulerName()).isEqualTo(scheduler);
            }
        }
        assertThat(parse(StudySpecParserTest.VALID_YAML.replace("{name: random}", "{name: tpe}")).effectiveScheduler()).isEmpty();
    }

    @Test
    void theImpliedSchedulerIsNotWrittenIntoTheStoredSpec() throws Exception {
        String json = Json.mapper().writeValueAsString(parse(BOHB));

        assertThat(json).doesNotContain("effectiveScheduler").doesNotContain("hyperband");
        assertThat(Json.mapper().readValue(json, StudySpec.class)).isEqualTo(parse(BOHB));
    }
}

package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunestream.optimizer.history.StudyHistory;
import io.tunestream.optimizer.history.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupSamplerTest extends SamplerContractTest {

    private static final Map<String, Object> FROM_STARTUP = pointAt(1_000);
    private static final Map<String, Object> FROM_MODEL = pointAt(2_000);
    private static final Sampler STARTUP = (space, history, context) -> Optional.of(FROM_STARTUP);
    private static final Sampler MODEL = (space, history, context) -> Optional.of(FROM_MODEL);

    @Override
    protected Sampler sampler() {
        return StartupSampler.of(RandomSampler.create(), TpeSampler.create(), 10);
    }

    @Test
    void asksTheStartupSamplerUntilEnoughTrialsHaveALoss() {
        StartupSampler sampler = StartupSampler.of(STARTUP, MODEL, 10);
        List<TrialRecord> trials = new ArrayList<>(completedHistory(9).trials());
        // Running and failed trials have no loss: they do not count, however many there are.
        for (long n = 9; n < 20; n++) {
            trials.add(n % 2 == 0 ? TrialRecord.running(n, pointAt(n)) : TrialRecord.failed(n, pointAt(n)));
        }
        assertThat(sampler.sample(MIXED, StudyHistory.of(trials), SuggestionContext.of(SEED, 20))).hasValue(FROM_STARTUP);

        // A stopped trial has a loss: the tenth.
        trials.add(TrialRecord.stopped(20, pointAt(20), 1.0, 2));
        assertThat(sampler.sample(MIXED, StudyHistory.of(trials), SuggestionContext.of(SEED, 21))).hasValue(FROM_MODEL);
    }

    @Test
    void withNoStartupTrialsTheModelAnswersFromTheFirstTrial() {
        assertThat(StartupSampler.of(STARTUP, MODEL, 0).sample(MIXED, StudyHistory.empty(), SuggestionContext.of(SEED, 0)))
                .hasValue(FROM_MODEL);
    }

    @Test
    void theModelGetsTheSameContextAndHistory() {
        StudyHistory history = completedHistory(12);
        SuggestionContext context = SuggestionContext.of(SEED, 12);
        Sampler tpe = TpeSampler.create();

        assertThat(StartupSampler.of(RandomSampler.create(), tpe, 12).sample(MIXED, history, context))
                .isEqualTo(tpe.sample(MIXED, history, context));
        assertThat(StartupSampler.of(RandomSampler.create(), tpe, 13).sample(MIXED, history, context))
                .isEqualTo(RandomSampler.create().sample(MIXED, history, context));
    }

    @Test
    void rejectsANegativeCountAndMissingSamplers() {
        assertThatThrownBy(() -> StartupSampler.of(STARTUP, MODEL, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`nStartupTrials` must be >= 0, but was -1");
        assertThatThrownBy(() -> StartupSampler.of(null, MODEL, 1)).hasMessage("`startup` must not be null");
        assertThatThrownBy(() -> StartupSampler.of(STARTUP, null, 1)).hasMessage("`model` must not be null");
    }
}

package io.tunestream.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MethodTest {

    @Test
    void labelsRoundTrip() {
        for (String label : new String[] {"ts-tpe", "ts-gp/b4", "optuna-tpe-mv", "optuna-cmaes/b4"}) {
            assertThat(Method.parse(label).label()).isEqualTo(label);
        }
        assertThat(Method.parse("optuna-tpe-mv/b4"))
                .isEqualTo(new Method(Method.Engine.OPTUNA, "tpe-mv", 4));
    }

    @Test
    void rejectsUnknownEnginesAndBadBatches() {
        assertThatThrownBy(() -> Method.parse("hyperopt-tpe")).hasMessageContaining("must start with ts- or optuna-");
        assertThatThrownBy(() -> Method.parse("ts-tpe/bx")).hasMessageContaining("/b<batch size>");
        assertThatThrownBy(() -> Method.parse("ts-tpe/b0")).hasMessageContaining("`batch` must be >= 1, but was 0");
    }

    @Test
    void tunestreamSamplersRejectUnknownNames() {
        assertThatThrownBy(() -> TunestreamSamplers.create("smac"))
                .hasMessageContaining("Tunestream sampler must be one of").hasMessageContaining("smac");
    }
}

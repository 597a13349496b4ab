package io.tunestream.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLogTest {

    @Test
    void studiesSurviveARoundTripThroughTheFile(@TempDir Path dir) {
        Path file = dir.resolve("sub/studies.tsv");
        StudyResult a = new StudyResult("branin", "ts-tpe/b4", 3, new double[] {1.5, -0.25, 1e-300}, 0.125, 2.5);
        try (StudyLog log = StudyLog.append(file)) {
            log.write(a);
        }
        try (StudyLog log = StudyLog.append(file)) {
            log.write(new StudyResult("levy6", "optuna-tpe", 0, new double[] {3}, 0, 0));
        }

        List<StudyResult> read = StudyLog.read(file);

        assertThat(read).hasSize(2);
        assertThat(read.get(0).problem()).isEqualTo("branin");
        assertThat(read.get(0).method()).isEqualTo("ts-tpe/b4");
        assertThat(read.get(0).seed()).isEqualTo(3);
        assertThat(read.get(0).losses()).containsExactly(1.5, -0.25, 1e-300);
        assertThat(read.get(0).suggestSeconds()).isEqualTo(0.125);
        assertThat(StudyLog.read(dir.resolve("missing.tsv"))).isEmpty();
    }
}

package io.tunestream.results.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    @Test
    void withoutBacklogItIsCaughtUpAtOnceAndNeverReportsTheEnd() {
        var progress = new ReplayProgress(Map.of());

        assertThat(progress.isCaughtUp()).isTrue();
        assertThat(progress.record("t", 0, 5)).isFalse();
    }

    @Test
    void reportsTheEndOnceWhenEveryPartitionReachedItsLastOffset() {
        var progress = new ReplayProgress(Map.of(new TopicPartition("a", 0), 4L, new TopicPartition("b", 1), 0L));

        assertThat(progress.record("a", 0, 3)).isFalse();
        assertThat(progress.record("a", 1, 9)).isFalse();
        assertThat(progress.record("b", 1, 0)).isFalse();
        assertThat(progress.partitionsBehind()).isEqualTo(1);
        assertThat(progress.record("a", 0, 4)).isTrue();
        assertThat(progress.isCaughtUp()).isTrue();
        assertThat(progress.record("a", 0, 5)).isFalse();
    }
}

package io.tunestream.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.tunestream.cli.client.LeaderboardRow;

class LeaderboardTableTest {

    private static final String NL = System.lineSeparator();

    static LeaderboardRow row(int number, String state, Double value, int epochs, Map<String, Object> params) {
        return new LeaderboardRow("demo-1-t" + number, number, state, value, params, epochs, 1, "w", null);
    }

    static Map<String, Object> params(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void alignsColumnsAndFormatsValuesAndParams() {
        var rows = List.of(
                row(3, "COMPLETED", 0.0123456789, 10, params("learning_rate", 0.0098765, "batch_size", 64, "activation", "relu")),
                row(12, "STOPPED", 0.25, 3, params("learning_rate", 0.05, "batch_size", 128, "activation", "tanh")),
                row(7, "FAILED", Double.NaN, 2, params()),
                row(1, "RUNNING", null, 0, params("learning_rate", 0.001)));

        var table = LeaderboardTable.format(rows, 10, Optional.of("val_loss"));

        assertThat(table).isEqualTo(String.join(NL,
                "rank  trial       state       val_loss  epochs  params",
                "   1  demo-1-t3   COMPLETED  0.0123457      10  learning_rate=0.009877 batch_size=64 activation=relu",
                "   2  demo-1-t12  STOPPED         0.25       3  learning_rate=0.05 batch_size=128 activation=tanh",
                "   3  demo-1-t7   FAILED           NaN       2",
                "   4  demo-1-t1   RUNNING            -       0  learning_rate=0.001",
                ""));
    }

    @Test
    void showsTheTopRowsAndSaysHowManyWereLeftOut() {
        var rows = IntStream.range(0, 13).mapToObj(i -> row(i, "COMPLETED", 0.1 * (i + 1), 10, params("x", i))).toList();

        var lines = LeaderboardTable.format(rows, 10, Optional.empty()).split(NL);

        assertThat(lines).hasSize(12);
        assertThat(lines[0]).contains("value").doesNotContain("val_loss");
        assertThat(lines[1]).startsWith("   1  demo-1-t0 ");
        assertThat(lines[10]).startsWith("  10  demo-1-t9 ").endsWith("x=9");
        assertThat(lines[11]).isEqualTo("... and 3 more");
    }

    @Test
    void anEmptyLeaderboardSaysSo() {
        assertThat(LeaderboardTable.format(List.of(), 10, Optional.of("val_loss"))).isEqualTo("(no trials)" + NL);
        assertThatThrownBy(() -> LeaderboardTable.format(List.of(), 0, Optional.empty())).hasMessageContaining("`limit` must be >= 1");
    }

    @Test
    void theBestConfigListsEveryParameterOnItsOwnLine() {
        var best = row(3, "COMPLETED", 0.0123456789, 10, params("learning_rate", 0.0098765, "batch_size", 64, "activation", "relu"));

        assertThat(LeaderboardTable.bestConfig(best, Optional.of("val_loss"))).isEqualTo(String.join(NL,
                "Best trial demo-1-t3: val_loss = 0.0123457 (COMPLETED, 10 epochs)",
                "  learning_rate  0.009877",
                "  batch_size     64",
                "  activation     relu",
                ""));
    }
}

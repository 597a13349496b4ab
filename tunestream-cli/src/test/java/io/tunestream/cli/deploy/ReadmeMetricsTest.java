package io.tunestream.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tunestream.contracts.MetricNames;

/** The README's "Metrics" section documents every metric the services export. */
class ReadmeMetricsTest {

    @Test
    void everyMetricIsDocumented() {
        String readme = Repo.text(Repo.root().resolve("README.md"));
        int start = readme.indexOf("## Metrics");
        assertThat(start).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        for (MetricNames.Metric metric : MetricNames.ALL) {
            assertThat(section).as(metric.name()).contains("| `" + metric.name() + "` (`");
        }
    }
}

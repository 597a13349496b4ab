package io.tunestream.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tunestream.contracts.MetricNames;

/** The Grafana dashboard is valid JSON with the panels we promise, and queries only metrics the services export. */
class GrafanaDashboardTest {

    private static final JsonNode DASHBOARD = read();

    private static JsonNode read() {
        try {
            return Repo.JSON.readTree(Repo.root().resolve("deploy/grafana/tunestream-dashboard.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void isADashboardWithUniquePanelsEachQueryingPrometheus() {
        assertThat(DASHBOARD.path("uid").asText()).isEqualTo("tunestream");
        assertThat(DASHBOARD.path("title").asText()).isNotBlank();
        assertThat(DASHBOARD.path("templating").path("list").get(0).path("type").asText()).isEqualTo("datasource");
        var ids = new HashSet<Integer>();
        for (JsonNode panel : DASHBOARD.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id %s", panel.path("id")).isTrue();
            assertThat(panel.path("type").asText()).isIn("timeseries", "stat", "bargauge", "piechart", "gauge", "table");
            assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).isNotBlank();
                assertThat(target.path("datasource").path("type").asText()).isEqualTo("prometheus");
            }
        }
    }

    @Test
    void hasThePanelsOfTheIssue() {
        var titles = new ArrayList<String>();
        DASHBOARD.path("panels").forEach(p -> titles.add(p.path("title").asText().toLowerCase()));
        assertThat(titles).anyMatch(t -> t.contains("study progress"))
                .anyMatch(t -> t.contains("best objective"))
                .anyMatch(t -> t.contains("trials by state"))
                .anyMatch(t -> t.contains("queue depth vs trainer replicas"))
                .anyMatch(t -> t.contains("epoch time"))
                .anyMatch(t -> t.contains("decision latency p50 / p99"))
                .anyMatch(t -> t.contains("pruned vs completed"))
                .anyMatch(t -> t.contains("gpu-seconds saved"))
                .anyMatch(t -> t.contains("dead-lettered"));
        assertThat(exprs()).anyMatch(e -> e.contains("histogram_quantile(0.99") && e.contains("hpo_decision_latency_seconds_bucket"));
    }

    @Test
    void everyQueriedMetricIsExported() {
        Set<String> exported = Set.copyOf(MetricNames.prometheusNames());
        var queried = new HashSet<String>();
        for (String expr : exprs()) {
            Set<String> names = PromQl.metricNames(expr);
            assertThat(names).as("metrics of %s", expr).isNotEmpty();
            assertThat(exported).as("exported metrics, for %s", expr).containsAll(names);
            queried.addAll(names);
        }
        // the histograms the dashboard takes percentiles from are declared as timers
        assertThat(queried).contains("hpo_decision_latency_seconds_bucket", "hpo_trainer_epoch_duration_seconds_bucket");
    }

    @Test
    void theKubernetesCopyIsTheSameFile() throws Exception {
        var root = Repo.root();
        assertThat(Files.mismatch(root.resolve("deploy/grafana/tunestream-dashboard.json"),
                root.resolve("k8s/base/grafana/tunestream-dashboard.json"))).isEqualTo(-1L);
    }

    @Test
    void promQlNamesAreExtracted() {
        assertThat(PromQl.metricNames("sum by (le, backend) (rate(a_b_bucket{x=\"y\"}[$__rate_interval])) * 2 / max(c)"))
                .containsExactlyInAnyOrder("a_b_bucket", "c");
        assertThat(PromQl.metricNames("histogram_quantile(0.5, sum by (le) (rate(x_seconds_bucket[5m]))) + 1e-3"))
                .containsExactly("x_seconds_bucket");
    }

    private static List<String> exprs() {
        var exprs = new ArrayList<String>();
        DASHBOARD.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        return exprs;
    }
}

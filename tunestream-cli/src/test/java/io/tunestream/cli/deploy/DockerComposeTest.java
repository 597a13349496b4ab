package io.tunestream.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docker-compose.yml, checked without a Docker engine: services, images, builds, ports (the services'
 * own), environment, volumes that name files of the repository, and the Prometheus configuration
 * scraping every service (trainers through DNS, so that {@code --scale} is followed).
 */
class DockerComposeTest {

    private final Path root = Repo.root();
    private final JsonNode services = Repo.yaml(root.resolve("docker-compose.yml")).path("services");

    @Test
    void hasKafkaTheThreeServicesPrometheusAndGrafana() {
        var names = new ArrayList<String>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("kafka", "suggester-service", "results-service", "trainer-service",
                "prometheus", "grafana");
        assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:4.3.1");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(services.path("kafka").path("healthcheck").path("test")).isNotEmpty();
        assertThat(services.path("prometheus").path("image").asText()).matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
        assertThat(services.path("grafana").path("image").asText()).matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void servicesAreBuiltFromTheirModulesAndListenOnTheirOwnPorts() {
        for (String service : List.of("suggester-service", "results-service", "trainer-service")) {
            JsonNode node = services.path(service);
            Path context = root.resolve(node.path("build").path("context").asText());
            Path dockerfile = context.resolve(node.path("build").path("dockerfile").asText());
            assertThat(dockerfile).as(service).isRegularFile();
            String port = httpPort(context);
            assertThat(Repo.text(dockerfile)).contains("EXPOSE " + port);
            assertThat(node.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            assertThat(node.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
            if (service.equals("trainer-service")) {
                assertThat(node.has("ports")).as("a scalable service publishes no host port").isFalse();
                assertThat(node.path("stop_grace_period").asText()).as("time to release running trials").isNotEmpty();
            } else {
                assertThat(node.path("ports").get(0).asText()).isEqualTo(port + ":" + port);
                assertThat(node.path("environment").path("TUNESTREAM_API_TOKENS").asText())
                        .as(service + " takes its REST token from the environment and refuses to start without one")
                        .startsWith("${TUNESTREAM_API_TOKEN:?");
            }
        }
    }

    @Test
    void volumesMountFilesOfTheRepository() {
        var mounted = new ArrayList<String>();
        services.forEach(service -> service.path("volumes").forEach(volume -> {
            String host = volume.asText().split(":")[0];
            assertThat(host).startsWith("./");
            assertThat(root.resolve(host)).as(volume.asText()).exists();
            mounted.add(host);
        }));
        assertThat(mounted).contains("./deploy/prometheus/prometheus.yml", "./deploy/grafana/tunestream-dashboard.json",
                "./deploy/grafana/provisioning/datasources", "./deploy/grafana/provisioning/dashboards");
        // Grafana's dashboard provider reads the folder where the dashboard is mounted
        String dashboardMount = mountOf("./deploy/grafana/tunestream-dashboard.json");
        JsonNode provider = Repo.yaml(root.resolve("deploy/grafana/provisioning/dashboards/tunestream.yml")).path("providers").get(0);
        assertThat(dashboardMount).startsWith(provider.path("options").path("path").asText() + "/");
        JsonNode datasource = Repo.yaml(root.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")).path("datasources").get(0);
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
    }

    @Test
    void prometheusScrapesEveryServiceAndFollowsScaledTrainers() {
        JsonNode jobs = Repo.yaml(root.resolve("deploy/prometheus/prometheus.yml")).path("scrape_configs");
        var targets = new ArrayList<String>();
        jobs.forEach(job -> {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
            job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            job.path("dns_sd_configs").forEach(c -> c.path("names").forEach(n -> targets.add(n.asText() + ":" + c.path("port").asText())));
        });
        assertThat(targets).containsExactlyInAnyOrder(
                "suggester-service:" + httpPort(root.resolve("suggester-service")),
                "results-service:" + httpPort(root.resolve("results-service")),
                "trainer-service:" + httpPort(root.resolve("trainer-service")));
        JsonNode trainerJob = null;
        for (JsonNode job : jobs) {
            if (job.path("job_name").asText().equals("trainer-service")) {
                trainerJob = job;
            }
        }
        assertThat(trainerJob).isNotNull();
        assertThat(trainerJob.path("dns_sd_configs").get(0).path("type").asText()).isEqualTo("A");
    }

    private String mountOf(String host) {
        for (JsonNode volume : services.path("grafana").path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].equals(host)) {
                return parts[1];
            }
        }
        throw new AssertionError(host + " is not mounted into grafana");
    }

    static String httpPort(Path module) {
        var m = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)$")
                .matcher(Repo.text(module.resolve("src/main/resources/application.properties")));
        assertThat(m.find()).as("quarkus.http.port of " + module).isTrue();
        return m.group(1);
    }
}

package io.tunestream.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.tunestream.contracts.MetricNames;
import io.tunestream.contracts.Topics;

/**
 * Renders k8s/base and every overlay ({@link Kustomize}) and validates each manifest: core kinds against
 * fabric8's Kubernetes model with unknown fields rejected; Strimzi, KEDA and Prometheus-operator custom
 * resources structurally (known fields only, required fields, cross references). Then what the issue
 * asks of the deployment: topics, probes, security, the KEDA query, the GPU overlay.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper STRICT = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static final Map<String, Class<?>> CORE = Map.of(
            "Namespace", Namespace.class, "ConfigMap", ConfigMap.class, "Secret", Secret.class, "Service", Service.class,
            "Deployment", Deployment.class, "PodDisruptionBudget", PodDisruptionBudget.class, "NetworkPolicy", NetworkPolicy.class);

    /** Known spec fields of the custom resources (their CRDs' top-level spec properties). */
    private static final Map<String, Set<String>> CRD_SPEC = Map.of(
            "Kafka", Set.of("kafka", "entityOperator", "cruiseControl", "kafkaExporter", "clusterCa", "clientsCa"),
            "KafkaNodePool", Set.of("replicas", "roles", "storage", "resources", "jvmOptions", "template"),
            "KafkaTopic", Set.of("partitions", "replicas", "config", "topicName"),
            "KafkaUser", Set.of("authentication", "authorization", "quotas", "template"),
            "ScaledObject", Set.of("scaleTargetRef", "minReplicaCount", "maxReplicaCount", "idleReplicaCount", "pollingInterval",
                    "cooldownPeriod", "initialCooldownPeriod", "fallback", "advanced", "triggers"),
            "ServiceMonitor", Set.of("selector", "endpoints", "namespaceSelector", "jobLabel", "podTargetLabels", "targetLabels",
                    "sampleLimit"));
    private static final Map<String, String> CRD_API = Map.of(
            "Kafka", "kafka.strimzi.io/v1beta2", "KafkaNodePool", "kafka.strimzi.io/v1beta2", "KafkaTopic", "kafka.strimzi.io/v1beta2",
            "KafkaUser", "kafka.strimzi.io/v1beta2", "ScaledObject", "keda.sh/v1alpha1", "ServiceMonitor", "monitoring.coreos.com/v1");
    private static final Set<String> KAFKA_SPEC = Set.of("version", "metadataVersion", "listeners", "config", "authorization",
            "template", "resources", "jvmOptions", "metricsConfig", "logging", "rack", "brokerRackInitImage", "image");

    static Stream<String> overlays() {
        return Stream.of("k8s/base", "k8s/overlays/local", "k8s/overlays/gpu");
    }

    private static List<ObjectNode> render(String dir) {
        return Kustomize.build(Repo.root().resolve(dir));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyManifestIsValid(String dir) throws Exception {
        var resources = render(dir);
        assertThat(resources).isNotEmpty();
        var names = new ArrayList<String>();
        for (ObjectNode r : resources) {
            String kind = r.path("kind").asText();
            String id = kind + "/" + r.path("metadata").path("name").asText();
            assertThat(names).as("duplicate " + id).doesNotContain(id);
            names.add(id);
            assertThat(r.path("metadata").path("name").asText()).as(id).matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
            if (!kind.equals("Namespace")) {
                assertThat(r.path("metadata").path("namespace").asText()).as(id).isEqualTo("tunestream");
            }
            if (CORE.containsKey(kind)) {
                Object model = STRICT.treeToValue(r, CORE.get(kind));
                assertThat(unknownFields(model, id)).as("fields the Kubernetes model does not know").isEmpty();
            } else {
                assertThat(CRD_API).as("a kind this test knows").containsKey(kind);
                assertThat(r.path("apiVersion").asText()).as(id).isEqualTo(CRD_API.get(kind));
                assertThat(fieldNames(r)).as(id).isSubsetOf("apiVersion", "kind", "metadata", "spec");
                assertThat(fieldNames(r.path("spec"))).as(id + " spec").isSubsetOf(CRD_SPEC.get(kind));
            }
        }
        assertThat(names).contains("Namespace/tunestream", "Kafka/tunestream", "KafkaNodePool/dual-role", "KafkaUser/tunestream-app",
                "Deployment/suggester-service", "Deployment/results-service", "Deployment/trainer-service",
                "Service/suggester-service", "Service/results-service", "Service/trainer-service",
                "PodDisruptionBudget/trainer-service", "NetworkPolicy/trainer-service", "ServiceMonitor/tunestream",
                "ScaledObject/trainer-service", "ConfigMap/tunestream-kafka", "ConfigMap/tunestream-grafana-dashboard");
        checkKafka(resources);
        checkDeployments(resources);
        checkScaledObject(resources);
        checkServiceMonitorAndPolicies(resources);
    }

    @Test
    void theGpuOverlayPutsOneTrainerOnEachGpu() {
        var trainer = deployment(render("k8s/overlays/gpu"), "trainer-service");
        var pod = trainer.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);
        assertThat(container.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(container.getResources().getRequests()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(pod.getNodeSelector()).containsKey("nvidia.com/gpu.present");
        assertThat(pod.getTolerations()).anyMatch(t -> t.getKey().equals("nvidia.com/gpu") && t.getEffect().equals("NoSchedule"));
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(300L);
        assertThat(env(container.getEnv(), "TUNESTREAM_TRAINER_SLOTS")).contains("1");
        assertThat(container.getImage()).isEqualTo("tunestream/trainer-service-cuda:0.1.0-SNAPSHOT");
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).contains("tmp", "dshm");
    }

    @Test
    void theLocalOverlayRunsOnOneCpuNode() {
        var resources = render("k8s/overlays/local");
        var trainer = deployment(resources, "trainer-service");
        var container = trainer.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getResources().getLimits()).doesNotContainKey("nvidia.com/gpu");
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(one(resources, "KafkaNodePool", "dual-role").path("spec").path("replicas").asInt()).isEqualTo(1);
        resources.stream().filter(r -> r.path("kind").asText().equals("KafkaTopic"))
                .forEach(t -> assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(1));
        assertThat(one(resources, "ScaledObject", "trainer-service").path("spec").path("maxReplicaCount").asInt()).isEqualTo(3);
    }

    private static void checkKafka(List<ObjectNode> resources) {
        JsonNode kafka = one(resources, "Kafka", "tunestream");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        assertThat(fieldNames(kafka.path("spec").path("kafka"))).isSubsetOf(KAFKA_SPEC);
        assertThat(kafka.path("spec").path("kafka").path("version").asText()).startsWith("4.");
        assertThat(kafka.path("spec").path("kafka").path("listeners").get(0).path("authentication").path("type").asText())
                .isEqualTo("scram-sha-512");
        JsonNode pool = one(resources, "KafkaNodePool", "dual-role");
        assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("tunestream");
        assertThat(pool.path("spec").path("roles")).extracting(JsonNode::asText).contains("controller", "broker");
        int brokers = pool.path("spec").path("replicas").asInt();
        var topics = new ArrayList<String>();
        for (ObjectNode topic : kinds(resources, "KafkaTopic")) {
            String name = topic.path("metadata").path("name").asText();
            topics.add(name);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("tunestream");
            assertThat(topic.path("spec").path("partitions").asInt()).as(name).isPositive();
            assertThat(topic.path("spec").path("replicas").asInt()).as(name).isBetween(1, brokers);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt())
                    .isLessThanOrEqualTo(topic.path("spec").path("replicas").asInt());
        }
        var expected = new ArrayList<>(Topics.EVENT_TOPICS);
        expected.addAll(Topics.deadLetterTopics());
        assertThat(topics).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(one(resources, "KafkaTopic", Topics.TRIAL_SUGGESTED).path("spec").path("partitions").asInt())
                .as("a share group shares a partition only when its members outnumber the partitions").isEqualTo(1);
        assertThat(one(resources, "KafkaTopic", Topics.STUDY_CHANGED).path("spec").path("config").path("cleanup.policy").asText())
                .isEqualTo("compact");
    }

    private static void checkDeployments(List<ObjectNode> resources) {
        var config = STRICT.convertValue(one(resources, "ConfigMap", "tunestream-kafka"), ConfigMap.class).getData();
        assertThat(config).containsKey("KAFKA_BOOTSTRAP_SERVERS").containsEntry("TUNESTREAM_TOPICS_PROVISION", "false");
        assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS")).startsWith("tunestream-kafka-bootstrap:");
        for (String name : List.of("suggester-service", "results-service", "trainer-service")) {
            var deployment = deployment(resources, name);
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app.kubernetes.io/name", name));
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", name);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            var container = pod.getContainers().get(0);
            String port = DockerComposeTest.httpPort(Repo.root().resolve(name));
            assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(Integer.parseInt(port));
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(container.getEnvFrom()).anyMatch(e -> e.getConfigMapRef().getName().equals("tunestream-kafka"));
            assertThat(container.getEnv()).anyMatch(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG")
                    && e.getValueFrom().getSecretKeyRef().getName().equals("tunestream-app"));
            if (!name.equals("trainer-service")) {
                assertThat(container.getEnv()).as(name + " REST tokens from a Secret").anyMatch(e -> e.getName().equals("TUNESTREAM_API_TOKENS")
                        && e.getValueFrom().getSecretKeyRef().getName().equals("tunestream-api")
                        && e.getValueFrom().getSecretKeyRef().getKey().equals("tokens"));
            }
            var service = STRICT.convertValue(one(resources, "Service", name), Service.class);
            assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("app.kubernetes.io/name", name));
            assertThat(service.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "tunestream");
        }
        var trainer = deployment(resources, "trainer-service");
        assertThat(trainer.getSpec().getReplicas()).as("KEDA owns the trainers' replicas").isNull();
        assertThat(trainer.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("time to release running trials").isGreaterThanOrEqualTo(60L);
    }

    private static void checkScaledObject(List<ObjectNode> resources) {
        JsonNode spec = one(resources, "ScaledObject", "trainer-service").path("spec");
        assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo("trainer-service");
        assertThat(spec.path("minReplicaCount").asInt(-1)).as("no trainer when no trial waits or runs").isZero();
        assertThat(spec.path("maxReplicaCount").asInt()).isPositive();
        assertThat(spec.path("cooldownPeriod").asInt()).isGreaterThanOrEqualTo(60);
        JsonNode trigger = spec.path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("prometheus");
        String query = trigger.path("metadata").path("query").asText();
        assertThat(PromQl.metricNames(query)).containsExactlyInAnyOrder(
                MetricNames.require(MetricNames.TRIALS_QUEUED).prometheusBase(),
                MetricNames.require(MetricNames.TRIALS_RUNNING).prometheusBase());
        assertThat(MetricNames.prometheusNames()).containsAll(PromQl.metricNames(query));
        assertThat(trigger.path("metadata").path("threshold").asText()).matches("\\d+");
        JsonNode scaleDown = spec.path("advanced").path("horizontalPodAutoscalerConfig").path("behavior").path("scaleDown");
        assertThat(scaleDown.path("stabilizationWindowSeconds").asInt()).isGreaterThanOrEqualTo(60);
    }

    private static void checkServiceMonitorAndPolicies(List<ObjectNode> resources) {
        JsonNode monitor = one(resources, "ServiceMonitor", "tunestream").path("spec");
        var selector = Repo.JSON.convertValue(monitor.path("selector").path("matchLabels"), Map.class);
        for (ObjectNode service : kinds(resources, "Service")) {
            var labels = Repo.JSON.convertValue(service.path("metadata").path("labels"), Map.class);
            assertThat(labels).as("ServiceMonitor selects " + service.path("metadata").path("name")).containsAllEntriesOf(selector);
            assertThat(service.path("spec").path("ports").findValuesAsText("name")).contains(monitor.path("endpoints").get(0).path("port").asText());
        }
        assertThat(monitor.path("endpoints").get(0).path("path").asText()).isEqualTo("/q/metrics");
        var pdb = STRICT.convertValue(one(resources, "PodDisruptionBudget", "trainer-service"), PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "trainer-service");
    }

    private static Deployment deployment(List<ObjectNode> resources, String name) {
        return STRICT.convertValue(one(resources, "Deployment", name), Deployment.class);
    }

    private static Optional<String> env(List<io.fabric8.kubernetes.api.model.EnvVar> env, String name) {
        return env.stream().filter(e -> e.getName().equals(name)).map(e -> e.getValue()).findFirst();
    }

    private static ObjectNode one(List<ObjectNode> resources, String kind, String name) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind) && r.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static List<ObjectNode> kinds(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * fabric8's model keeps fields it does not know in {@code additionalProperties} rather than failing;
     * this walks the model and lists every such field, with its path.
     */
    static List<String> unknownFields(Object model, String path) {
        var found = new ArrayList<String>();
        walk(model, path, found, 0);
        return found;
    }

    private static void walk(Object value, String path, List<String> found, int depth) {
        if (value == null || depth > 30) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found, depth + 1));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = method.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> found.add(path + "." + k));
                }
            } else if (!(value instanceof Quantity)) {
                walk(child, path + "." + method.getName().substring(3), found, depth + 1);
            }
        }
    }

    @Test
    void unknownFieldsAreFound() throws Exception {
        var doc = (ObjectNode) Repo.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - {name: c, image: i, readinesProbe: {}}
                """);
        assertThat(unknownFields(STRICT.treeToValue(doc, Deployment.class), "Deployment/x"))
                .containsExactly("Deployment/x.Spec.Template.Spec.Containers[0].readinesProbe");
    }

    static Path root() {
        return Repo.root();
    }
}

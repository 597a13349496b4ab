package io.tunestream.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Renders a kustomization the way {@code kustomize build} does for the features k8s/ uses (there is no
 * kustomize binary in CI): resources (files and directories), configMapGenerator (files), patches
 * (strategic-merge files matched by kind and name, lists of named items merged by name; and JSON 6902
 * patches on a kind target), images, namespace and labels. Every file a kustomization names must exist.
 */
final class Kustomize {

    private static final List<String> CLUSTER_SCOPED = List.of("Namespace");

    private Kustomize() {
    }

    static List<ObjectNode> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        assertThat(file).as("kustomization of " + dir).isRegularFile();
        JsonNode k = Repo.yaml(file);
        assertThat(k.path("kind").asText()).isEqualTo("Kustomization");
        var resources = new ArrayList<ObjectNode>();
        for (JsonNode r : k.path("resources")) {
            Path path = dir.resolve(r.asText()).normalize();
            assertThat(path).as(file + " names " + r.asText()).exists();
            resources.addAll(Files.isDirectory(path) ? build(path) : Repo.yamlDocuments(path));
        }
        for (JsonNode gen : k.path("configMapGenerator")) {
            ObjectNode cm = Repo.JSON.createObjectNode();
            cm.put("apiVersion", "v1").put("kind", "ConfigMap");
            ObjectNode meta = cm.putObject("metadata");
            meta.put("name", gen.path("name").asText());
            if (gen.path("options").has("labels")) {
                meta.set("labels", gen.path("options").path("labels").deepCopy());
            }
            ObjectNode data = cm.putObject("data");
            for (JsonNode f : gen.path("files")) {
                Path path = dir.resolve(f.asText());
                assertThat(path).as(file + " generates from " + f.asText()).isRegularFile();
                data.put(path.getFileName().toString(), Repo.text(path));
            }
            resources.add(cm);
        }
        for (JsonNode patch : k.path("patches")) {
            if (patch.has("path")) {
                Path path = dir.resolve(patch.path("path").asText());
                assertThat(path).as(file + " patches with " + patch.path("path").asText()).isRegularFile();
                for (ObjectNode p : Repo.yamlDocuments(path)) {
                    ObjectNode target = find(resources, p.path("kind").asText(), p.path("metadata").path("name").asText(), path);
                    merge(target, p);
                }
            } else {
                JsonNode ops = Repo.yaml(writeTemp(patch.path("patch").asText()));
                String kind = patch.path("target").path("kind").asText();
                int applied = 0;
                for (ObjectNode r : resources) {
                    if (r.path("kind").asText().equals(kind)) {
                        ops.forEach(op -> jsonPatch(r, op));
                        applied++;
                    }
                }
                assertThat(applied).as("resources of kind " + kind + " patched by " + file).isPositive();
            }
        }
        for (JsonNode image : k.path("images")) {
            int replaced = 0;
            for (ObjectNode r : resources) {
                for (JsonNode c : r.path("spec").path("template").path("spec").path("containers")) {
                    String current = c.path("image").asText();
                    if (current.split(":")[0].equals(image.path("name").asText())) {
                        ((ObjectNode) c).put("image", image.path("newName").asText(current.split(":")[0]) + ":"
                                + image.path("newTag").asText(current.contains(":") ? current.split(":")[1] : "latest"));
                        replaced++;
                    }
                }
            }
            assertThat(replaced).as("containers using image " + image.path("name").asText()).isPositive();
        }
        if (k.has("namespace")) {
            for (ObjectNode r : resources) {
                if (!CLUSTER_SCOPED.contains(r.path("kind").asText())) {
                    ((ObjectNode) r.path("metadata")).put("namespace", k.path("namespace").asText());
                }
            }
        }
        for (JsonNode label : k.path("labels")) {
            for (ObjectNode r : resources) {
                ObjectNode meta = (ObjectNode) r.path("metadata");
                ObjectNode labels = meta.has("labels") ? (ObjectNode) meta.get("labels") : meta.putObject("labels");
                label.path("pairs").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
            }
        }
        return resources;
    }

    private static Path writeTemp(String text) {
        try {
            Path tmp = Files.createTempFile("patch", ".yaml");
            Files.writeString(tmp, text);
            tmp.toFile().deleteOnExit();
            return tmp;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name, Path patch) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(patch + " patches " + kind + "/" + name + ", which no resource is"));
    }

    /** Strategic merge: objects merge, lists of named (or id'd) objects merge by that key, anything else is replaced. */
    static void merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode current = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (current instanceof ObjectNode currentObject && value.isObject()) {
                merge(currentObject, value);
            } else if (current instanceof ArrayNode currentArray && value.isArray() && keyOf(value) != null && keyOf(current) != null) {
                String key = keyOf(value);
                for (JsonNode item : value) {
                    JsonNode match = null;
                    for (JsonNode existing : currentArray) {
                        if (existing.path(key).equals(item.path(key))) {
                            match = existing;
                        }
                    }
                    if (match == null) {
                        currentArray.add(item.deepCopy());
                    } else {
                        merge((ObjectNode) match, item);
                    }
                }
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static String keyOf(JsonNode array) {
        if (array.isEmpty() || !array.get(0).isObject()) {
            return null;
        }
        return array.get(0).has("name") ? "name" : array.get(0).has("id") ? "id" : null;
    }

    private static void jsonPatch(ObjectNode resource, JsonNode op) {
        String[] tokens = op.path("path").asText().substring(1).split("/");
        JsonNode parent = resource;
        for (int i = 0; i < tokens.length - 1; i++) {
            String token = tokens[i].replace("~1", "/").replace("~0", "~");
            parent = parent.isArray() ? parent.get(Integer.parseInt(token)) : parent.get(token);
            assertThat(parent).as("path " + op.path("path").asText() + " in " + resource.path("metadata").path("name")).isNotNull();
        }
        String last = tokens[tokens.length - 1].replace("~1", "/").replace("~0", "~");
        switch (op.path("op").asText()) {
            case "replace" -> {
                assertThat(parent.has(last)).as("replace needs " + op.path("path").asText()).isTrue();
                ((ObjectNode) parent).set(last, op.path("value").deepCopy());
            }
            case "add" -> ((ObjectNode) parent).set(last, op.path("value").isTextual() ? TextNode.valueOf(op.path("value").asText())
                    : op.path("value").deepCopy());
            default -> throw new AssertionError("unsupported JSON patch op " + op.path("op").asText());
        }
    }
}

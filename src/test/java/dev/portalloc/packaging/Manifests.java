package dev.portalloc.packaging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads Kubernetes manifests: YAML files of one or more documents. */
final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    static JsonNode find(List<JsonNode> documents, String kind, String name) {
        return documents.stream()
                .filter(document -> kind.equals(document.path("kind").asText()))
                .filter(document -> name.equals(document.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + documents.size()
                        + " documents"));
    }

    /** Finds a container of a pod template among its containers and init containers. */
    static JsonNode container(JsonNode podTemplate, String name) {
        List<JsonNode> containers = new ArrayList<>();
        podTemplate.path("spec").path("containers").forEach(containers::add);
        podTemplate.path("spec").path("initContainers").forEach(containers::add);
        return containers.stream()
                .filter(container -> name.equals(container.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container named " + name));
    }

    /** Returns the entry of an environment variable, or a missing node. */
    static JsonNode env(JsonNode container, String variable) {
        for (JsonNode entry : container.path("env")) {
            if (variable.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        return MissingNode.getInstance();
    }
}

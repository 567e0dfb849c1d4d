package io.serverpulse.interactions.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.serverpulse.common.config.ReferenceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SAM project's JSON schema (draft-04) for templates: validates a whole template, and each
 * {@code AWS::Serverless::*} resource against its own definition (the whole-template check goes through an
 * {@code anyOf} over every resource kind, whose messages say little; the per-resource one names the property).
 */
final class SamSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "AWS::Serverless::";

    private final ObjectNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final JsonSchema root;
    private final Map<String, JsonSchema> resources = new ConcurrentHashMap<>();

    private SamSchema(ObjectNode document) {
        this.document = document;
        this.root = factory.getSchema(document);
    }

    /** The schema found by {@link ReferenceFiles#samSchema()}, or empty when it is not beside the repository. */
    static Optional<SamSchema> find() throws IOException {
        Optional<Path> path = ReferenceFiles.samSchema();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(path.get())) {
            return Optional.of(new SamSchema((ObjectNode) JSON.readTree(in)));
        }
    }

    /** Every problem, one readable line each; empty when the template is valid. */
    List<String> validate(JsonNode template) {
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText("");
            if (!type.startsWith(PREFIX)) {
                continue;
            }
            Optional<JsonSchema> schema = resourceSchema(type);
            if (schema.isEmpty()) {
                problems.add(resource.getKey() + ": the SAM schema has no resource type " + type);
                continue;
            }
            for (ValidationMessage message : schema.get().validate(resource.getValue())) {
                problems.add(resource.getKey() + ": " + message.getMessage());
            }
        }
        if (problems.isEmpty()) {
            for (ValidationMessage message : root.validate(template)) {
                problems.add("template: " + message.getMessage());
            }
        }
        return problems;
    }

    private Optional<JsonSchema> resourceSchema(String type) {
        String definition = "samtranslator__internal__schema_source__aws_serverless_"
                + type.substring(PREFIX.length()).toLowerCase(Locale.ROOT) + "__Resource";
        if (!document.path("definitions").has(definition)) {
            return Optional.empty();
        }
        return Optional.of(resources.computeIfAbsent(definition, name -> {
            ObjectNode wrapper = JSON.createObjectNode();
            wrapper.put("$schema", document.path("$schema").asText());
            wrapper.set("definitions", document.get("definitions"));
            wrapper.put("$ref", "#/definitions/" + name);
            return factory.getSchema(wrapper);
        }));
    }
}

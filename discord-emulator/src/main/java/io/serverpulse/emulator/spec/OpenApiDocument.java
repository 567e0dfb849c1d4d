package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discord's OpenAPI 3.1 document, parsed once, with one JSON Schema (2020-12, OpenAPI 3.1 dialect)
 * over the whole document so that every {@code $ref} into {@code #/components/schemas} resolves in
 * place. The schema of each operation's request body is compiled on first use and cached.
 */
final class OpenApiDocument {

    /** The document's base IRI; only a name, nothing is fetched from it. */
    static final String BASE_IRI = "https://discord.com/api/v10/openapi.json";

    private static final String JSON = "application/json";
    private static final String MULTIPART = "multipart/form-data";
    /** Top-level OpenAPI keys and Discord's extension: not schema keywords, so they neither validate nor warn. */
    private static final List<String> NON_SCHEMA_KEYWORDS = List.of("openapi", "info", "externalDocs", "servers", "paths",
            "components", "x-discord-union");

    private final Path source;
    private final JsonNode document;
    private final JsonSchema root;
    private final RouteTable routes;
    private final Map<String, Optional<JsonSchema>> bodySchemas = new ConcurrentHashMap<>();

    private OpenApiDocument(Path source, JsonNode document, JsonSchema root) {
        this.source = source;
        this.document = document;
        this.root = root;
        this.routes = RouteTable.of(document.path("paths"));
    }

    static OpenApiDocument load(Path source, ObjectMapper mapper) throws IOException {
        JsonNode document;
        try (InputStream in = Files.newInputStream(source)) {
            document = mapper.readTree(in);
        }
        if (document == null || !document.path("paths").isObject() || !document.path("components").path("schemas").isObject()) {
            throw new IOException(source + " is not an OpenAPI document with paths and components.schemas");
        }
        JsonMetaSchema dialect = OpenApi31.getInstance();
        JsonMetaSchema.Builder metaSchema = JsonMetaSchema.builder(dialect.getIri(), dialect);
        NON_SCHEMA_KEYWORDS.forEach(keyword -> metaSchema.keyword(new NonValidationKeyword(keyword)));
        JsonMetaSchema meta = metaSchema.build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(meta).defaultMetaSchemaIri(meta.getIri()));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        JsonSchema root = factory.getSchema(SchemaLocation.of(BASE_IRI), document, config);
        return new OpenApiDocument(source, document, root);
    }

    Path source() {
        return source;
    }

    RouteTable routes() {
        return routes;
    }

    int schemaCount() {
        return document.path("components").path("schemas").size();
    }

    /** The node at a fragment such as {@code /components/schemas/SnowflakeType}, or a missing node. */
    JsonNode at(String pointer) {
        return document.at(pointer);
    }

    /** The compiled schema {@code #/components/schemas/<name>}, if the spec has one by that name. */
    Optional<JsonSchema> componentSchema(String name) {
        if (!document.path("components").path("schemas").path(name).isObject()) {
            return Optional.empty();
        }
        return bodySchemas.computeIfAbsent("#/components/schemas/" + name, key -> {
            JsonSchema schema = root.getSubSchema(new JsonNodePath(PathType.JSON_POINTER).append("components").append("schemas").append(name));
            schema.initializeValidators();
            return Optional.of(schema);
        });
    }

    /**
     * The compiled schema of an operation's JSON body. For a JSON request: its
     * {@code application/json} content (else its {@code multipart/form-data} content). For the
     * {@code payload_json} part of a multipart request: that part's own schema where the spec gives
     * one, else the operation's {@code application/json} schema, else the multipart schema.
     */
    Optional<JsonSchema> bodySchema(Operation operation, boolean multipartPayload) {
        return bodySchemas.computeIfAbsent(operation.method() + " " + operation.template() + (multipartPayload ? " payload_json" : ""),
                key -> compile(operation, multipartPayload));
    }

    /** The compiled {@code application/json} schema of an operation's response with this status, if it declares one. */
    Optional<JsonSchema> responseSchema(Operation operation, int status) {
        String method = operation.method().toLowerCase(Locale.ROOT);
        String code = Integer.toString(status);
        return bodySchemas.computeIfAbsent(operation.method() + " " + operation.template() + " response " + code, key -> {
            JsonNode schema = document.path("paths").path(operation.template()).path(method).path("responses").path(code)
                    .path("content").path(JSON).path("schema");
            if (!schema.isObject()) {
                return Optional.empty();
            }
            JsonSchema compiled = root.getSubSchema(new JsonNodePath(PathType.JSON_POINTER).append("paths").append(operation.template())
                    .append(method).append("responses").append(code).append("content").append(JSON).append("schema"));
            compiled.initializeValidators();
            return Optional.of(compiled);
        });
    }

    private Optional<JsonSchema> compile(Operation operation, boolean multipartPayload) {
        String method = operation.method().toLowerCase(Locale.ROOT);
        JsonNode content = document.path("paths").path(operation.template()).path(method).path("requestBody").path("content");
        List<List<String>> candidates = multipartPayload
                ? List.of(List.of(MULTIPART, "schema", "properties", "payload_json"), List.of(JSON, "schema"), List.of(MULTIPART, "schema"))
                : List.of(List.of(JSON, "schema"), List.of(MULTIPART, "schema"));
        for (List<String> candidate : candidates) {
            JsonNode node = content;
            for (String segment : candidate) {
                node = node.path(segment);
            }
            if (node.isObject()) {
                JsonNodePath path = new JsonNodePath(PathType.JSON_POINTER)
                        .append("paths").append(operation.template()).append(method).append("requestBody").append("content");
                for (String segment : candidate) {
                    path = path.append(segment);
                }
                JsonSchema schema = root.getSubSchema(path);
                schema.initializeValidators();
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }
}

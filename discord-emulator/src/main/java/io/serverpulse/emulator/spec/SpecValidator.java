package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.serverpulse.common.config.ReferenceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates what a bot sends to Discord's REST API against Discord's own OpenAPI description (read
 * at run time from the reference file, never bundled), plus the {@link StricterRules limits Discord
 * applies to bots} and minus the {@link Leniencies places where the spec is stricter than Discord}.
 * A rejected body gets Discord's own 50035 error shape.
 *
 * <p>When the spec is absent, every call answers {@link Result.Outcome#SKIPPED} and the one line of
 * {@link ReferenceFiles#openApiMissingNotice()} is printed once — never silently.
 *
 * <p>Thread-safe; {@link #shared()} loads the spec once per JVM.
 */
public final class SpecValidator implements RequestBodyValidator {

    private static final Logger LOG = LoggerFactory.getLogger(SpecValidator.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CALLBACK_PATH = "/interactions/1/token/callback";

    private static SpecValidator shared;

    private final OpenApiDocument document;
    private final String skipNotice;
    private final Duration loadTime;
    private final Leniencies leniencies;
    private final StricterRules rules;

    private SpecValidator(OpenApiDocument document, String skipNotice, Duration loadTime, Leniencies leniencies, StricterRules rules) {
        this.document = document;
        this.skipNotice = skipNotice;
        this.loadTime = loadTime;
        this.leniencies = leniencies;
        this.rules = rules;
    }

    /**
     * The validator for this JVM: the reference spec loaded once, with Discord's default leniencies
     * and stricter rules; or, when the spec is absent, a skipping validator whose notice was printed
     * to standard error once.
     *
     * @throws UncheckedIOException if the spec file exists but cannot be read as an OpenAPI document
     */
    public static synchronized SpecValidator shared() {
        if (shared == null) {
            shared = fromReferenceFiles(System.err::println);
        }
        return shared;
    }

    /** Forgets the shared validator, so the next {@link #shared()} looks for the spec again (tests). */
    static synchronized void resetShared() {
        shared = null;
    }

    /** A new validator from the reference file; hands the skip notice to {@code notices} if there is none. */
    public static SpecValidator fromReferenceFiles(Consumer<String> notices) {
        Optional<Path> spec = ReferenceFiles.discordOpenApi();
        if (spec.isEmpty()) {
            String notice = ReferenceFiles.openApiMissingNotice();
            notices.accept(notice);
            return new SpecValidator(null, notice, Duration.ZERO, Leniencies.discordDefaults(), StricterRules.botDefaults());
        }
        try {
            return load(spec.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Discord's OpenAPI spec at " + spec.get() + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Loads the spec at {@code spec} with Discord's default leniencies and stricter rules. */
    public static SpecValidator load(Path spec) throws IOException {
        long start = System.nanoTime();
        OpenApiDocument document = OpenApiDocument.load(spec, MAPPER);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Loaded Discord's OpenAPI spec from {} ({} paths, {} schemas) in {} ms", spec, document.routes().size(),
                document.schemaCount(), took.toMillis());
        return new SpecValidator(document, null, took, Leniencies.discordDefaults(), StricterRules.botDefaults());
    }

    /** The same loaded spec with other leniencies (e.g. {@link Leniencies#none()} to see the spec as written). */
    public SpecValidator withLeniencies(Leniencies other) {
        return new SpecValidator(document, skipNotice, loadTime, other, rules);
    }

    /** The same loaded spec with other stricter rules. */
    public SpecValidator withStricterRules(StricterRules other) {
        return new SpecValidator(document, skipNotice, loadTime, leniencies, other);
    }

    /** Whether the spec was found: if not, everything is {@link Result.Outcome#SKIPPED}. */
    public boolean enabled() {
        return document != null;
    }

    /** The spec file validated against (empty when it was absent). */
    public Optional<Path> source() {
        return document == null ? Optional.empty() : Optional.of(document.source());
    }

    /** The line printed when the spec was absent. */
    public Optional<String> skipNotice() {
        return Optional.ofNullable(skipNotice);
    }

    /** How long reading and compiling the spec took (zero when skipped). */
    public Duration loadTime() {
        return loadTime;
    }

    public Leniencies leniencies() {
        return leniencies;
    }

    public StricterRules stricterRules() {
        return rules;
    }

    /** The operation a concrete request maps to, e.g. POST /api/v10/channels/1/messages → create_message. */
    public Optional<Operation> findOperation(String method, String path) {
        if (document == null) {
            return Optional.empty();
        }
        return document.routes().match(path).flatMap(route -> route.operation(method));
    }

    @Override
    public Result validate(String method, String path, JsonNode body) {
        return validate(method, path, body, false);
    }

    /** Validates a raw JSON body; one that is not JSON gets Discord's 50109. */
    public Result validateJson(String method, String path, String rawBody) {
        return validateRaw(method, path, rawBody, false);
    }

    /** Validates the {@code payload_json} part of a {@code multipart/form-data} request. */
    public Result validateMultipartPayload(String method, String path, String payloadJson) {
        return validateRaw(method, path, payloadJson, true);
    }

    /**
     * Validates the already parsed {@code payload_json} part of a {@code multipart/form-data} request
     * (a missing node when the request has none).
     */
    public Result validateMultipartPayload(String method, String path, JsonNode payload) {
        return validate(method, path, payload, true);
    }

    /**
     * Validates what the emulator answers to a request against the response schema the operation
     * declares for that status ({@code application/json}). A status or operation without a declared
     * JSON schema is VALID with a detail saying nothing was checked; leniencies apply.
     */
    public Result validateResponse(String method, String path, int status, JsonNode body) {
        Lookup lookup = lookup(method, path);
        if (lookup.result != null) {
            return lookup.result;
        }
        Operation operation = lookup.operation;
        Optional<JsonSchema> schema = document.responseSchema(operation, status);
        if (schema.isEmpty()) {
            return new Result(Result.Outcome.VALID, operation.method(), path, Optional.of(operation), List.of(), List.of(),
                    "the operation declares no JSON response for status " + status + "; the response was not validated");
        }
        Checked checked = checkAgainst(operation.operationId(), schema.get(), body == null ? MissingNode.getInstance() : body,
                StricterRules.none());
        return new Result(checked.problems().isEmpty() ? Result.Outcome.VALID : Result.Outcome.INVALID, operation.method(), path,
                Optional.of(operation), checked.problems(), checked.leniencies(), "");
    }

    /**
     * Validates an interaction response (what an endpoint answers to an interaction, or POSTs to
     * {@code /interactions/{id}/{token}/callback}) against that operation's request body schema.
     */
    public Result validateInteractionCallback(JsonNode callback) {
        return validate("POST", CALLBACK_PATH, callback);
    }

    /** The same for a raw response body; one that is not JSON gets Discord's 50109. */
    public Result validateInteractionCallback(String rawCallback) {
        return validateJson("POST", CALLBACK_PATH, rawCallback);
    }

    private Result validateRaw(String method, String path, String rawBody, boolean multipart) {
        Lookup lookup = lookup(method, path);
        if (lookup.result != null) {
            return lookup.result;
        }
        JsonNode body;
        try {
            body = rawBody == null || rawBody.isBlank() ? MissingNode.getInstance() : MAPPER.readTree(rawBody);
        } catch (JsonProcessingException notJson) {
            return new Result(Result.Outcome.INVALID_JSON, lookup.operation.method(), path, Optional.of(lookup.operation), List.of(), List.of(),
                    "the body is not JSON: " + notJson.getOriginalMessage());
        }
        return check(lookup.operation, method, path, body, multipart);
    }

    private Result validate(String method, String path, JsonNode body, boolean multipart) {
        Lookup lookup = lookup(method, path);
        return lookup.result != null ? lookup.result : check(lookup.operation, method, path, body, multipart);
    }

    private record Lookup(Operation operation, Result result) {
    }

    private Lookup lookup(String method, String path) {
        String verb = method == null ? "" : method.toUpperCase(Locale.ROOT);
        if (document == null) {
            return new Lookup(null, new Result(Result.Outcome.SKIPPED, verb, path, Optional.empty(), List.of(), List.of(), skipNotice));
        }
        Optional<RouteTable.Route> route = document.routes().match(path);
        if (route.isEmpty()) {
            return new Lookup(null, new Result(Result.Outcome.UNKNOWN_ROUTE, verb, path, Optional.empty(), List.of(), List.of(),
                    "no route in Discord's OpenAPI spec matches " + RouteTable.normalize(path)));
        }
        Optional<Operation> operation = route.get().operation(verb);
        if (operation.isEmpty()) {
            return new Lookup(null, new Result(Result.Outcome.METHOD_NOT_ALLOWED, verb, path, Optional.empty(), List.of(), List.of(),
                    route.get().template() + " allows " + String.join(", ", route.get().operations().keySet()) + ", not " + verb));
        }
        return new Lookup(operation.get(), null);
    }

    private Result check(Operation operation, String method, String path, JsonNode body, boolean multipart) {
        String verb = operation.method();
        Optional<JsonSchema> schema = document.bodySchema(operation, multipart);
        boolean absent = body == null || body.isMissingNode();
        if (schema.isEmpty() || absent && !operation.bodyRequired()) {
            return new Result(Result.Outcome.VALID, verb, path, Optional.of(operation), List.of(), List.of(),
                    absent ? "" : "the operation declares no JSON body; the body was not validated");
        }
        if (absent) {
            return new Result(Result.Outcome.INVALID, verb, path, Optional.of(operation),
                    List.of(new Problem(List.of(), "BASE_TYPE_REQUIRED", "A JSON body is required")), List.of(), "");
        }
        Checked checked = checkAgainst(operation.operationId(), schema.get(), body, rules);
        List<Problem> sorted = checked.problems();
        Result.Outcome outcome = sorted.isEmpty() ? Result.Outcome.VALID : Result.Outcome.INVALID;
        if (outcome == Result.Outcome.INVALID && LOG.isDebugEnabled()) {
            LOG.debug("{} {} rejected: {}", verb, operation.template(),
                    sorted.stream().map(p -> p.location() + "[" + p.code() + "]").collect(Collectors.joining(", ")));
        }
        return new Result(outcome, verb, path, Optional.of(operation), sorted, checked.leniencies(), "");
    }

    /**
     * Validates a value against one schema of the spec's {@code #/components/schemas}, e.g. what the
     * emulator itself sends ({@code UserResponse}, {@code GuildMemberResponse}, {@code MessageResponse}).
     * Leniencies apply; the stricter rules, which are about requests, do not.
     *
     * @throws IllegalArgumentException if the spec has no schema of that name
     */
    public Result validateAgainstComponent(String schemaName, JsonNode value) {
        String location = "#/components/schemas/" + schemaName;
        if (document == null) {
            return new Result(Result.Outcome.SKIPPED, "SCHEMA", location, Optional.empty(), List.of(), List.of(), skipNotice);
        }
        JsonSchema schema = document.componentSchema(schemaName)
                .orElseThrow(() -> new IllegalArgumentException("Discord's OpenAPI spec has no schema " + location));
        Checked checked = checkAgainst(schemaName, schema, value, StricterRules.none());
        return new Result(checked.problems().isEmpty() ? Result.Outcome.VALID : Result.Outcome.INVALID, "SCHEMA", location,
                Optional.empty(), checked.problems(), checked.leniencies(), "");
    }

    private record Checked(List<Problem> problems, List<String> leniencies) {
    }

    private Checked checkAgainst(String operationId, JsonSchema schema, JsonNode body, StricterRules stricter) {
        List<Finding> findings = findings(operationId, schema.validate(body), body);
        Set<String> usedLeniencies = new TreeSet<>();
        findings.stream().filter(Finding::excused).forEach(finding -> usedLeniencies.add(finding.excusedBy()));
        Set<Problem> problems = new LinkedHashSet<>();
        CombinatorReducer.reduce(findings).forEach(finding -> problems.add(ProblemMapper.toProblem(finding.violation())));
        for (StricterRule rule : stricter.all()) {
            for (Problem tighter : rule.check(operationId, body)) {
                problems.removeIf(p -> p.path().equals(tighter.path()) && p.code().equals(tighter.code()));
                problems.add(tighter);
            }
        }
        return new Checked(problems.stream().sorted().toList(), List.copyOf(usedLeniencies));
    }

    private List<Finding> findings(String operationId, Set<ValidationMessage> messages, JsonNode body) {
        List<Finding> findings = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            JsonNodePath fragment = message.getSchemaLocation().getFragment();
            JsonNode schema = fragment.getNameCount() == 0 ? MissingNode.getInstance() : document.at(fragment.getParent().toString());
            List<String> at = segments(message.getInstanceLocation());
            JsonNode value = message.getInstanceNode() != null ? message.getInstanceNode() : body.at(pointer(at));
            String keyword = message.getType();
            Violation violation = new Violation(operationId, keyword, at, value, "#" + fragment, schema,
                    arguments(keyword, schema, message));
            String excusedBy = leniencies.excusing(violation).map(Leniency::name).orElse(null);
            findings.add(new Finding(violation, segments(message.getEvaluationPath()), excusedBy));
        }
        return findings;
    }

    private static List<String> arguments(String keyword, JsonNode schema, ValidationMessage message) {
        JsonNode declared = schema.path(keyword);
        List<String> arguments = new ArrayList<>();
        switch (keyword) {
            case "required" -> arguments.add(message.getProperty() != null ? message.getProperty()
                    : String.valueOf(message.getArguments()[0]));
            case "enum", "const" -> {
                if (declared.isArray()) {
                    declared.forEach(value -> arguments.add(value.toString()));
                } else if (!declared.isMissingNode()) {
                    arguments.add(declared.toString());
                }
            }
            default -> {
                if (declared.isArray()) {
                    declared.forEach(value -> arguments.add(value.asText()));
                } else if (declared.isValueNode()) {
                    arguments.add(declared.asText());
                } else if (message.getArguments() != null) {
                    for (Object argument : message.getArguments()) {
                        arguments.add(String.valueOf(argument));
                    }
                }
            }
        }
        return arguments;
    }

    private static List<String> segments(JsonNodePath path) {
        List<String> segments = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            segments.add(String.valueOf(path.getElement(i)));
        }
        return segments;
    }

    private static String pointer(List<String> segments) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    /**
     * What the validator found.
     *
     * @param outcome     VALID, INVALID (a 50035), INVALID_JSON (a 50109), UNKNOWN_ROUTE, METHOD_NOT_ALLOWED or SKIPPED
     * @param method      the request's method, upper case
     * @param path        the request's path as given
     * @param operation   the spec operation it matched
     * @param problems    what Discord would report, sorted by field
     * @param leniencies  the names of the {@link Leniency leniencies} that excused something in this body
     * @param detail      a sentence for the outcomes without problems (why skipped, which route is unknown, …)
     */
    public record Result(Outcome outcome, String method, String path, Optional<Operation> operation, List<Problem> problems,
                         List<String> leniencies, String detail) {

        public enum Outcome { VALID, INVALID, INVALID_JSON, UNKNOWN_ROUTE, METHOD_NOT_ALLOWED, SKIPPED }

        public Result {
            problems = List.copyOf(problems);
            leniencies = List.copyOf(leniencies);
        }

        /** The body is acceptable to Discord. */
        public boolean isValid() {
            return outcome == Outcome.VALID;
        }

        /** Discord would answer 400 to this body. */
        public boolean rejected() {
            return outcome == Outcome.INVALID || outcome == Outcome.INVALID_JSON;
        }

        /** The status Discord would answer with: 400, 404 or 405, or 200 when the body is fine or was not checked. */
        public int httpStatus() {
            return switch (outcome) {
                case INVALID, INVALID_JSON -> 400;
                case UNKNOWN_ROUTE -> 404;
                case METHOD_NOT_ALLOWED -> 405;
                case VALID, SKIPPED -> 200;
            };
        }

        /** Discord's error body for this outcome: 50035 with nested field errors, 50109, or the 404/405 body. */
        public Optional<JsonNode> errorBody() {
            return switch (outcome) {
                case INVALID -> Optional.of(DiscordErrors.invalidFormBody(problems));
                case INVALID_JSON -> Optional.of(DiscordErrors.invalidJson());
                case UNKNOWN_ROUTE -> Optional.of(DiscordErrors.notFound());
                case METHOD_NOT_ALLOWED -> Optional.of(DiscordErrors.methodNotAllowed());
                case VALID, SKIPPED -> Optional.empty();
            };
        }

        /** The problems, one line each, as discord.js prints them. */
        public List<String> readableProblems() {
            return problems.stream().map(Problem::toString).toList();
        }

        /** One paragraph for a test failure or a log line. */
        public String describe() {
            String where = method + " " + operation.map(op -> op.template() + " (" + op.operationId() + ")").orElse(path);
            StringBuilder out = new StringBuilder(where).append(": ").append(outcome);
            if (!detail.isEmpty()) {
                out.append(" — ").append(detail);
            }
            for (Problem problem : problems) {
                out.append(System.lineSeparator()).append("  ").append(problem);
            }
            if (!leniencies.isEmpty()) {
                out.append(System.lineSeparator()).append("  accepted thanks to leniencies: ").append(String.join(", ", leniencies));
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}

package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Says a failed keyword the way Discord says it in a 50035 body. The codes and wording follow what
 * Discord returns where it is known ({@code BASE_TYPE_REQUIRED} "This field is required",
 * {@code BASE_TYPE_MAX_LENGTH} "Must be 2000 or fewer in length.", {@code BASE_TYPE_CHOICES},
 * {@code NUMBER_TYPE_COERCE} 'Value "x" is not int.', {@code MODEL_TYPE_CONVERT},
 * {@code LIST_TYPE_CONVERT}, {@code UNION_TYPE_CHOICES}); other keywords get a code of the same
 * family and the validator's own explanation.
 */
final class ProblemMapper {

    private ProblemMapper() {
    }

    static Problem toProblem(Violation violation) {
        List<String> at = violation.instancePath();
        List<String> args = violation.arguments();
        String first = args.isEmpty() ? "" : args.get(0);
        JsonNode schema = violation.schema();
        return switch (violation.keyword()) {
            case "required" -> new Problem(append(at, first), "BASE_TYPE_REQUIRED", "This field is required");
            case "maxLength", "maxItems" -> new Problem(at, "BASE_TYPE_MAX_LENGTH", "Must be " + first + " or fewer in length.");
            case "minLength", "minItems" -> new Problem(at, "BASE_TYPE_MIN_LENGTH", "Must be " + first + " or more in length.");
            case "maximum" -> new Problem(at, "NUMBER_TYPE_MAX", numberKind(schema) + " value should be less than or equal to " + first + ".");
            case "minimum" -> new Problem(at, "NUMBER_TYPE_MIN", numberKind(schema) + " value should be greater than or equal to " + first + ".");
            case "exclusiveMaximum" -> new Problem(at, "NUMBER_TYPE_MAX", numberKind(schema) + " value should be less than " + first + ".");
            case "exclusiveMinimum" -> new Problem(at, "NUMBER_TYPE_MIN", numberKind(schema) + " value should be greater than " + first + ".");
            case "enum", "const", Finding.CHOICES -> new Problem(at, "BASE_TYPE_CHOICES", "Value must be one of (" + choices(args) + ").");
            case Finding.UNION_CHOICES -> new Problem(at, "UNION_TYPE_CHOICES",
                    "Value of field \"" + (at.isEmpty() ? "type" : at.get(at.size() - 1)) + "\" must be one of (" + choices(args) + ").");
            case "type", Finding.NO_TYPE -> typeProblem(at, args, violation.value(), schema);
            case "pattern" -> isSnowflake(schema)
                    ? new Problem(at, "NUMBER_TYPE_COERCE", "Value \"" + text(violation.value()) + "\" is not snowflake.")
                    : new Problem(at, "STRING_TYPE_REGEX", "String value did not match validation regex.");
            case "format" -> formatProblem(at, first, violation.value());
            case "uniqueItems" -> new Problem(at, "LIST_TYPE_DUPLICATE_VALUES", "List items must be unique.");
            case "additionalProperties", "unevaluatedProperties" -> new Problem(at, "BASE_TYPE_UNKNOWN_FIELD", "This field is not allowed.");
            case "oneOf" -> new Problem(at, "UNION_TYPE_AMBIGUOUS", "Value matches more than one of the allowed forms.");
            default -> new Problem(at, "BASE_TYPE_INVALID", "Value is invalid (" + violation.keyword() + ").");
        };
    }

    private static Problem typeProblem(List<String> at, List<String> expected, JsonNode value, JsonNode schema) {
        List<String> wanted = new ArrayList<>(expected);
        if (wanted.size() > 1) {
            wanted.remove("null");
        }
        String type = wanted.isEmpty() ? "" : wanted.get(0);
        return switch (type) {
            case "object" -> new Problem(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            case "array" -> new Problem(at, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            case "integer" -> new Problem(at, "NUMBER_TYPE_COERCE", "Value \"" + text(value) + "\" is not int.");
            case "number" -> new Problem(at, "NUMBER_TYPE_COERCE", "Value \"" + text(value) + "\" is not a valid number.");
            case "boolean" -> new Problem(at, "BOOLEAN_TYPE_CONVERT", "Value \"" + text(value) + "\" is not a valid boolean.");
            case "string" -> isSnowflake(schema)
                    ? new Problem(at, "NUMBER_TYPE_COERCE", "Value \"" + text(value) + "\" is not snowflake.")
                    : new Problem(at, "STRING_TYPE_CONVERT", "Value \"" + text(value) + "\" is not a string.");
            case "null" -> new Problem(at, "BASE_TYPE_NULL_REQUIRED", "Value must be null.");
            default -> new Problem(at, "BASE_TYPE_BAD_TYPE", "Value \"" + text(value) + "\" has the wrong type; expected "
                    + String.join(" or ", wanted) + ".");
        };
    }

    private static Problem formatProblem(List<String> at, String format, JsonNode value) {
        return switch (format) {
            case "uri" -> new Problem(at, "URL_TYPE_INVALID_URL", "Not a well formed URL.");
            case "date-time" -> new Problem(at, "DATE_TIME_TYPE_PARSE", "Could not parse " + text(value) + ". Should be ISO8601.");
            case "int32", "int64" -> new Problem(at, "NUMBER_TYPE_COERCE", "Value \"" + text(value) + "\" is not int" + format.substring(3) + ".");
            default -> new Problem(at, "BASE_TYPE_BAD_FORMAT", "Value \"" + text(value) + "\" is not a valid " + format + ".");
        };
    }

    private static String numberKind(JsonNode schema) {
        JsonNode type = schema.path("type");
        boolean integer = type.asText().equals("integer")
                || type.isArray() && java.util.stream.StreamSupport.stream(type.spliterator(), false).anyMatch(t -> t.asText().equals("integer"));
        return integer ? "int" : "float";
    }

    /** Python-style, as Discord prints them: numbers bare, strings in single quotes. */
    private static String choices(List<String> jsonValues) {
        return jsonValues.stream()
                .map(value -> value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                        ? "'" + value.substring(1, value.length() - 1) + "'" : value)
                .collect(Collectors.joining(", "));
    }

    private static boolean isSnowflake(JsonNode schema) {
        return "snowflake".equals(schema.path("format").asText());
    }

    private static String text(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "";
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() > 64 ? text.substring(0, 61) + "..." : text;
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> out = new ArrayList<>(path);
        if (!segment.isEmpty()) {
            out.add(segment);
        }
        return out;
    }
}

package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One failed JSON Schema keyword, before it is turned into a Discord {@link Problem}: what a
 * {@link Leniency} looks at to decide whether Discord would in fact accept the value.
 *
 * @param operationId    the OpenAPI operation, e.g. {@code create_message}
 * @param keyword        the failed keyword ({@code type}, {@code maxLength}, {@code const}, …)
 * @param instancePath   where in the body, as keys and array indexes
 * @param value          the offending value in the body ({@code MissingNode} for a missing one)
 * @param schemaLocation the failed keyword's location in the spec, e.g.
 *                       {@code #/components/schemas/SnowflakeType/type}
 * @param schema         the schema object holding the failed keyword
 * @param arguments      the keyword's arguments as the validator reports them (e.g. the expected type)
 */
public record Violation(String operationId, String keyword, List<String> instancePath, JsonNode value,
                        String schemaLocation, JsonNode schema, List<String> arguments) {

    public Violation {
        instancePath = List.copyOf(instancePath);
        arguments = List.copyOf(arguments);
    }

    /** The JSON Pointer of the offending value, e.g. {@code /attachments/0/id}. */
    public String pointer() {
        StringBuilder out = new StringBuilder();
        for (String segment : instancePath) {
            out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}

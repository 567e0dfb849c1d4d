package io.serverpulse.common.commands.interaction;

import java.util.List;
import java.util.Map;

/**
 * The {@code data} of an interaction, for the three kinds ServerPulse handles. Fields that do not
 * apply to a kind are empty (never null).
 *
 * @param name the invoked command (application commands); "" otherwise
 * @param options the command's options, sub commands included
 * @param resolvedChannels channels Discord resolved for options or channel selects, by id
 * @param customId the component's or modal's {@code custom_id}; "" otherwise
 * @param componentType the component type (message components); 0 otherwise
 * @param values what was picked in a select (message components)
 * @param fields the submitted text inputs of a modal by {@code custom_id}
 */
public record InteractionData(String name, List<CommandOption> options, Map<Long, ResolvedChannel> resolvedChannels,
                              String customId, int componentType, List<String> values, Map<String, String> fields) {

    public static final InteractionData EMPTY = new InteractionData("", List.of(), Map.of(), "", 0, List.of(), Map.of());

    public InteractionData {
        name = name == null ? "" : name;
        options = options == null ? List.of() : List.copyOf(options);
        resolvedChannels = resolvedChannels == null ? Map.of() : Map.copyOf(resolvedChannels);
        customId = customId == null ? "" : customId;
        values = values == null ? List.of() : List.copyOf(values);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    @Override
    public String toString() {
        // modal fields may hold a secret (an AI key): only their names are ever printed
        return "InteractionData[name=" + name + ", options=" + options.size() + ", customId=" + customId
                + ", componentType=" + componentType + ", values=" + values.size() + ", fields=" + fields.keySet() + "]";
    }
}

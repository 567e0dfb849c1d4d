package io.serverpulse.common.commands.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A popup form (interaction callback type 9). */
public record Modal(String customId, String title, List<Component> components) {

    public Modal {
        components = List.copyOf(components);
    }

    public ObjectNode toJson() {
        return DiscordJson.tree(this);
    }
}

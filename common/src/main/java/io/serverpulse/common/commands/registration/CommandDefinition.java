package io.serverpulse.common.commands.registration;

import java.util.List;
import java.util.Objects;

/**
 * A slash command as registered with Discord. Its localized name and description come from the
 * texts {@code cmd.<name>.name} and {@code cmd.<name>.description}.
 *
 * @param admin registered with {@code default_member_permissions} = Manage Server, and re-checked
 *     from the payload on every use (commands, their components and their modals)
 */
public record CommandDefinition(String name, boolean admin, List<OptionDefinition> options) {

    public CommandDefinition {
        Objects.requireNonNull(name, "name");
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static CommandDefinition admin(String name, OptionDefinition... options) {
        return new CommandDefinition(name, true, List.of(options));
    }

    public static CommandDefinition everyone(String name, OptionDefinition... options) {
        return new CommandDefinition(name, false, List.of(options));
    }

    public String key() {
        return "cmd." + name;
    }
}

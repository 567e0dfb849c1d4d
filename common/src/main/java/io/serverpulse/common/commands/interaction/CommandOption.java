package io.serverpulse.common.commands.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One option of an application command as the member filled it in. {@code value} is kept as the raw
 * JSON value: the command that reads it checks its type, so a malformed value is a clear message to
 * the member instead of a parse failure.
 *
 * @param type Discord's option type (1 sub command, 2 group, 3 string, 4 integer, 7 channel, 10 number, …); 0 if absent
 * @param value null for sub commands and groups
 */
public record CommandOption(String name, int type, JsonNode value, List<CommandOption> options) {

    public static final int SUB_COMMAND = 1;
    public static final int SUB_COMMAND_GROUP = 2;

    public CommandOption {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean isSubCommand() {
        return type == SUB_COMMAND || type == SUB_COMMAND_GROUP;
    }
}

package io.serverpulse.interactions.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.discord.rest.CompiledRoute;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Registers the slash commands with a bulk overwrite: {@code PUT applications/{id}/commands} (global)
 * or {@code PUT applications/{id}/guilds/{guild}/commands} (one guild, shown there at once). Commands
 * that are not in the body are deleted by Discord, so running it again is safe.
 */
public final class CommandRegistrar {

    private final DiscordRest rest;
    private final String applicationId;

    public CommandRegistrar(DiscordRest rest, String applicationId) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
    }

    /**
     * @param guildId one guild, or empty for global commands
     * @return the names Discord now has registered, in its order
     * @throws RegistrationException if Discord refused the registration
     */
    public List<String> register(OptionalLong guildId, ArrayNode commands) {
        CompiledRoute route = guildId.isPresent()
                ? Routes.GUILD_COMMANDS_OVERWRITE.compile(applicationId, guildId.getAsLong())
                : Routes.GLOBAL_COMMANDS_OVERWRITE.compile(applicationId);
        RestResult result = rest.send(RestCall.json(route, commands.toString()));
        if (!result.ok()) {
            throw new RegistrationException(describe(result));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode command : result.json().orElseThrow(() -> new RegistrationException("Discord answered "
                + result.status() + " without a command list"))) {
            names.add(command.path("name").asText());
        }
        return names;
    }

    private static String describe(RestResult result) {
        String hint = switch (result.status()) {
            case 401 -> " (check DISCORD_TOKEN: it must be the bot token of this application)";
            case 403 -> " (the application may not be in that guild with the applications.commands scope)";
            case 404 -> " (check DISCORD_APPLICATION_ID and the guild id)";
            case 429 -> " (rate limited for longer than this tool waits: try again later)";
            default -> "";
        };
        String detail = result.errorMessage().isEmpty() ? "" : ": " + result.errorMessage()
                + (result.errorCode() == 0 ? "" : " (code " + result.errorCode() + ")");
        return "Discord refused the registration with HTTP " + result.status() + detail + hint;
    }

    /** Discord refused; the message says why in one line. */
    public static final class RegistrationException extends RuntimeException {
        public RegistrationException(String message) {
            super(message);
        }
    }
}

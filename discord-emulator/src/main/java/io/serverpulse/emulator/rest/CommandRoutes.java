package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.state.CommandRegistry;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.Json;

import java.util.List;
import java.util.regex.Pattern;

/** Application commands, global and per guild: list, create (upsert) and bulk overwrite. */
final class CommandRoutes {

    /** Discord's name rule for command and option names (lowercase for chat-input commands). */
    private static final Pattern NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$");

    private final EmulatorState state;

    CommandRoutes(EmulatorState state) {
        this.state = state;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/applications/{application_id}/commands", true, r -> list(r, false)),
                new Route("POST", "/applications/{application_id}/commands", true, r -> create(r, false)),
                new Route("PUT", "/applications/{application_id}/commands", true, r -> overwrite(r, false)),
                new Route("GET", "/applications/{application_id}/guilds/{guild_id}/commands", true, r -> list(r, true)),
                new Route("POST", "/applications/{application_id}/guilds/{guild_id}/commands", true, r -> create(r, true)),
                new Route("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", true, r -> overwrite(r, true)));
    }

    private Long scope(RestRequest request, boolean guild) {
        long appId = request.snowflake("application_id", ErrorBody.unknownApplication());
        if (appId != state.application().id()) {
            throw new DiscordException(ErrorBody.missingAccess());
        }
        if (!guild) {
            return null;
        }
        long guildId = request.snowflake("guild_id", ErrorBody.unknownGuild());
        if (state.guild(guildId).isEmpty()) {
            throw new DiscordException(ErrorBody.missingAccess());
        }
        return guildId;
    }

    private RestResponse list(RestRequest request, boolean guild) {
        ArrayNode array = Json.array();
        state.listCommands(scope(request, guild)).forEach(array::add);
        return RestResponse.ok(array);
    }

    private RestResponse create(RestRequest request, boolean guild) {
        Long scope = scope(request, guild);
        ObjectNode errors = Json.object();
        if (!request.body().isObject()) {
            FormErrors.add(errors, "", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
        } else {
            check(request.body(), "", errors);
        }
        if (!errors.isEmpty()) {
            throw new DiscordException(ErrorBody.invalidFormBody(errors));
        }
        CommandRegistry.Upsert upsert = state.upsertCommand(scope, request.body());
        return RestResponse.json(upsert.created() ? 201 : 200, upsert.command());
    }

    private RestResponse overwrite(RestRequest request, boolean guild) {
        Long scope = scope(request, guild);
        JsonNode body = request.body();
        ObjectNode errors = Json.object();
        if (!body.isArray()) {
            FormErrors.add(errors, "", "BASE_TYPE_LIST", "Must be an array.");
        } else {
            for (int i = 0; i < body.size(); i++) {
                check(body.get(i), i + ".", errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new DiscordException(ErrorBody.invalidFormBody(errors));
        }
        ArrayNode array = Json.array();
        state.overwriteCommands(scope, body).forEach(array::add);
        return RestResponse.ok(array);
    }

    private static void check(JsonNode command, String prefix, ObjectNode errors) {
        int type = command.path("type").asInt(1);
        String name = Json.text(command, "name");
        if (name == null) {
            FormErrors.add(errors, prefix + "name", "BASE_TYPE_REQUIRED", "This field is required");
        } else if (type == 1 && (!NAME.matcher(name).matches() || !name.equals(name.toLowerCase(java.util.Locale.ROOT)))) {
            FormErrors.add(errors, prefix + "name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
        if (type == 1) {
            String description = Json.text(command, "description");
            if (description == null) {
                FormErrors.add(errors, prefix + "description", "BASE_TYPE_REQUIRED", "This field is required");
            } else if (description.isEmpty() || description.codePointCount(0, description.length()) > 100) {
                FormErrors.add(errors, prefix + "description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }
        }
    }
}

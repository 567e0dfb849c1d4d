package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.gateway.GatewayHub;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.GuildState;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MemberRecord;
import io.serverpulse.emulator.state.Permissions;

import java.util.List;
import java.util.Set;

/** Guilds, their channels and members, and users. */
final class GuildRoutes {

    private static final Set<Integer> CREATABLE_TYPES = Set.of(ChannelRecord.GUILD_TEXT, ChannelRecord.GUILD_VOICE,
            ChannelRecord.GUILD_CATEGORY, ChannelRecord.GUILD_ANNOUNCEMENT, ChannelRecord.GUILD_STAGE_VOICE);

    private final EmulatorState state;
    private final GatewayHub hub;

    GuildRoutes(EmulatorState state, GatewayHub hub) {
        this.state = state;
        this.hub = hub;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/guilds/{guild_id}", true, this::getGuild),
                new Route("GET", "/guilds/{guild_id}/channels", true, this::listChannels),
                new Route("POST", "/guilds/{guild_id}/channels", true, this::createChannel),
                new Route("GET", "/guilds/{guild_id}/members", true, this::listMembers),
                new Route("GET", "/guilds/{guild_id}/members/{user_id}", true, this::getMember),
                new Route("GET", "/users/{user_id}", true, this::getUser));
    }

    private GuildState guild(RestRequest request) {
        long id = request.snowflake("guild_id", ErrorBody.unknownGuild());
        return state.guild(id).orElseThrow(() -> new DiscordException(ErrorBody.unknownGuild()));
    }

    private RestResponse getGuild(RestRequest request) {
        GuildState guild = guild(request);
        return RestResponse.ok(state.locked(() -> {
            ObjectNode json = state.payloads().guild(guild);
            if (request.queryFlag("with_counts")) {
                json.put("approximate_member_count", guild.memberCount());
                json.put("approximate_presence_count", 0);
            }
            return json;
        }));
    }

    private RestResponse listChannels(RestRequest request) {
        GuildState guild = guild(request);
        ArrayNode array = Json.array();
        state.locked(() -> guild.channels().forEach(c -> array.add(state.payloads().channel(c))));
        return RestResponse.ok(array);
    }

    private RestResponse createChannel(RestRequest request) {
        GuildState guild = guild(request);
        JsonNode body = request.body();
        ObjectNode errors = Json.object();
        String name = Json.text(body, "name");
        if (name == null) {
            FormErrors.add(errors, "name", "BASE_TYPE_REQUIRED", "This field is required");
        } else if (name.isEmpty() || name.codePointCount(0, name.length()) > 100) {
            FormErrors.add(errors, "name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }
        int type = body.path("type").asInt(ChannelRecord.GUILD_TEXT);
        if (!CREATABLE_TYPES.contains(type)) {
            FormErrors.add(errors, "type", "BASE_TYPE_CHOICES", "Value must be one of " + CREATABLE_TYPES + ".");
        }
        Long parentId = Json.snowflake(body, "parent_id").orElse(null);
        if (parentId != null && guild.channel(parentId).filter(c -> c.type() == ChannelRecord.GUILD_CATEGORY).isEmpty()) {
            FormErrors.add(errors, "parent_id", "CHANNEL_PARENT_INVALID", "Category does not exist");
        }
        if (!errors.isEmpty()) {
            throw new DiscordException(ErrorBody.invalidFormBody(errors));
        }
        if (!Permissions.has(guild.permissionsOf(state.application().botUserId()), Permissions.MANAGE_CHANNELS)) {
            throw new DiscordException(ErrorBody.missingPermissions());
        }
        Integer position = body.path("position").canConvertToInt() ? body.get("position").asInt() : null;
        ObjectNode json = state.locked(() -> {
            ChannelRecord channel = state.createChannel(guild.id(), name, type, parentId, Json.text(body, "topic"), position);
            ObjectNode created = state.payloads().channel(channel);
            hub.dispatchGuild(guild.id(), "CHANNEL_CREATE", created);
            return created;
        });
        return RestResponse.json(201, json);
    }

    private RestResponse listMembers(RestRequest request) {
        GuildState guild = guild(request);
        if (!Intents.has(state.application().grantedPrivilegedIntents(), Intents.GUILD_MEMBERS)) {
            throw new DiscordException(ErrorBody.missingAccess());
        }
        int limit = Math.max(1, Math.min(1000, request.queryParam("limit").map(Integer::parseInt).orElse(1)));
        long after = request.queryParam("after").map(Long::parseUnsignedLong).orElse(0L);
        ArrayNode array = Json.array();
        state.locked(() -> guild.members().stream()
                .filter(m -> Long.compareUnsigned(m.userId(), after) > 0)
                .sorted((a, b) -> Long.compareUnsigned(a.userId(), b.userId()))
                .limit(limit)
                .forEach(m -> array.add(state.payloads().member(guild, m, true))));
        return RestResponse.ok(array);
    }

    private RestResponse getMember(RestRequest request) {
        GuildState guild = guild(request);
        long userId = request.snowflake("user_id", ErrorBody.unknownMember());
        return RestResponse.ok(state.locked(() -> {
            MemberRecord member = guild.member(userId).orElseThrow(() -> new DiscordException(ErrorBody.unknownMember()));
            return state.payloads().member(guild, member, true);
        }));
    }

    private RestResponse getUser(RestRequest request) {
        if (request.param("user_id").equals("@me")) {
            return RestResponse.ok(state.payloads().selfUser());
        }
        long userId = request.snowflake("user_id", ErrorBody.unknownUser());
        boolean known = state.locked(() -> state.guilds().stream().anyMatch(g -> g.member(userId).isPresent()))
                || !state.user(userId).username().startsWith("user-");
        if (!known) {
            throw new DiscordException(ErrorBody.unknownUser());
        }
        return RestResponse.ok(state.payloads().user(state.user(userId)));
    }
}

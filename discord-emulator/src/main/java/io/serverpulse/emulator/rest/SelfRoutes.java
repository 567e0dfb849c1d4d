package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.gateway.ApplicationFlags;
import io.serverpulse.emulator.state.Application;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.Json;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** The bot itself: GET /users/@me, its guilds, its application, and where the gateway is. */
final class SelfRoutes {

    private final EmulatorState state;
    private final Supplier<String> gatewayUrl;
    private final IntSupplier recommendedShards;

    SelfRoutes(EmulatorState state, Supplier<String> gatewayUrl, IntSupplier recommendedShards) {
        this.state = state;
        this.gatewayUrl = gatewayUrl;
        this.recommendedShards = recommendedShards;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/users/@me", true, r -> RestResponse.ok(state.payloads().selfUser())),
                new Route("GET", "/users/@me/guilds", true, this::guilds),
                new Route("GET", "/gateway", false, r -> RestResponse.ok(Json.object().put("url", gatewayUrl.get()))),
                new Route("GET", "/gateway/bot", true, this::gatewayBot),
                new Route("GET", "/oauth2/applications/@me", true, r -> RestResponse.ok(application())),
                new Route("GET", "/applications/@me", true, r -> RestResponse.ok(application())));
    }

    private RestResponse guilds(RestRequest request) {
        ArrayNode array = Json.array();
        state.locked(() -> state.guilds().forEach(g -> {
            ObjectNode json = array.addObject();
            json.put("id", Json.id(g.id()));
            json.put("name", g.name());
            json.putNull("icon");
            json.putNull("banner");
            json.put("owner", false);
            json.put("permissions", Long.toString(g.permissionsOf(state.application().botUserId())));
            json.putArray("features");
        }));
        return RestResponse.ok(array);
    }

    private RestResponse gatewayBot(RestRequest request) {
        ObjectNode json = Json.object();
        json.put("url", gatewayUrl.get());
        json.put("shards", recommendedShards.getAsInt());
        ObjectNode limit = json.putObject("session_start_limit");
        limit.put("total", 1000);
        limit.put("remaining", 1000);
        limit.put("reset_after", 86_400_000);
        limit.put("max_concurrency", 1);
        return RestResponse.ok(json);
    }

    private ObjectNode application() {
        Application app = state.application();
        ObjectNode json = Json.object();
        json.put("id", Json.id(app.id()));
        json.put("name", app.botName());
        json.putNull("icon");
        json.put("description", "");
        json.put("summary", "");
        json.put("type", (String) null);
        json.put("bot_public", true);
        json.put("bot_require_code_grant", false);
        json.put("verify_key", app.publicKeyHex());
        int flags = ApplicationFlags.of(app.grantedPrivilegedIntents());
        json.put("flags", flags);
        json.put("flags_new", Integer.toString(flags));
        json.set("owner", state.payloads().user(state.user(app.botUserId())));
        json.set("bot", state.payloads().selfUser());
        json.putNull("team");
        json.put("hook", true);
        json.putArray("redirect_uris");
        json.putArray("tags");
        json.putNull("interactions_endpoint_url");
        json.putNull("role_connections_verification_url");
        json.put("approximate_guild_count", state.guildIds().size());
        json.put("approximate_user_install_count", 0);
        json.put("approximate_user_authorization_count", 0);
        json.put("explicit_content_filter", 0);
        json.putArray("eligible_oauth2_scopes").add("bot").add("applications.commands");
        ObjectNode install = json.putObject("install_params");
        install.putArray("scopes").add("bot").add("applications.commands");
        install.put("permissions", "0");
        return json;
    }
}

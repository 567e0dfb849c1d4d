package io.serverpulse.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.support.RawGateway;
import io.serverpulse.emulator.support.TestCommunities;
import io.serverpulse.emulator.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the emulator answers is what Discord's OpenAPI description says Discord answers: every REST
 * response below is validated against its operation's declared response schema, and the objects
 * inside gateway dispatches against the spec's schemas for the same objects.
 */
class ResponsesMatchSpecTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestCommunities.Ids ids = TestCommunities.ids(5, 2);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> problems = new ArrayList<>();
    private final List<RawGateway> sockets = new ArrayList<>();
    private DiscordEmulator emulator;
    private SpecValidator spec;

    @BeforeEach
    void start() {
        emulator = DiscordEmulator.builder(List.of(TestCommunities.community(ids))).grantPrivilegedIntents(Intents.GUILD_MEMBERS).start();
        spec = emulator.specValidator();
        assumeTrue(spec.enabled(), () -> spec.skipNotice().orElse(""));
    }

    @AfterEach
    void stop() {
        sockets.forEach(RawGateway::close);
        emulator.close();
    }

    /** Calls the emulator and checks its answer against the spec; returns the answer's JSON. */
    private JsonNode call(String method, String path, String body, boolean auth) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.restBaseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth) {
            request.header("Authorization", "Bot " + emulator.token());
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        JsonNode json = response.body().isEmpty() ? null : Json.parse(response.body());
        SpecValidator.Result result = spec.validateResponse(method, "/api/v10/" + path, response.statusCode(), json);
        if (!result.isValid() || !result.detail().isEmpty()) {
            problems.add(result.describe());
        }
        return json;
    }

    @Test
    void everyAnswerMatchesItsOperationsResponseSchema() throws Exception {
        String guild = Long.toUnsignedString(ids.guildId());
        String channel = Long.toUnsignedString(ids.generalId());
        String member = Long.toUnsignedString(ids.memberIds().get(0));
        String app = Long.toUnsignedString(emulator.applicationId());

        // WHEN the bot reads itself, its guilds, channels and members
        call("GET", "users/@me", null, true);
        call("GET", "users/" + member, null, true);
        call("GET", "users/@me/guilds", null, true);
        call("GET", "applications/@me", null, true);
        call("GET", "oauth2/applications/@me", null, true);
        call("GET", "gateway", null, false);
        call("GET", "gateway/bot", null, true);
        call("GET", "guilds/" + guild, null, true);
        call("GET", "guilds/" + guild + "/channels", null, true);
        call("GET", "guilds/" + guild + "/members?limit=10", null, true);
        call("GET", "guilds/" + guild + "/members/" + member, null, true);
        call("GET", "channels/" + channel, null, true);

        // AND posts, reads, edits and lists messages, creates a channel, registers commands
        String message = call("POST", "channels/" + channel + "/messages",
                "{\"content\":\"hello\",\"embeds\":[{\"title\":\"Activity\",\"fields\":[{\"name\":\"Messages\",\"value\":\"42\"}]}]}", true)
                .path("id").asText();
        call("GET", "channels/" + channel + "/messages/" + message, null, true);
        call("PATCH", "channels/" + channel + "/messages/" + message, "{\"content\":\"edited\"}", true);
        call("GET", "channels/" + channel + "/messages?limit=5", null, true);
        call("POST", "guilds/" + guild + "/channels", "{\"name\":\"pulse-alerts\",\"type\":0}", true);
        call("PUT", "applications/" + app + "/commands", "[{\"name\":\"stats\",\"description\":\"Server activity\"}]", true);
        call("POST", "applications/" + app + "/guilds/" + guild + "/commands", "{\"name\":\"top\",\"description\":\"Top members\"}", true);
        call("GET", "applications/" + app + "/commands", null, true);

        // AND answers an interaction: callback with its response, follow-up, edit of @original
        PendingInteraction interaction = emulator.newSlashCommand(ids.generalId(), ids.memberIds().get(0), "top", Json.array());
        String token = interaction.token();
        call("POST", "interactions/" + Long.toUnsignedString(interaction.id()) + "/" + token + "/callback?with_response=true",
                "{\"type\":4,\"data\":{\"content\":\"Top: member0\"}}", false);
        call("POST", "webhooks/" + app + "/" + token + "?wait=true", "{\"content\":\"more\"}", false);
        call("PATCH", "webhooks/" + app + "/" + token + "/messages/@original", "{\"content\":\"Top: member1\"}", false);
        call("GET", "webhooks/" + app + "/" + token + "/messages/@original", null, false);

        // THEN every answer has the shape Discord's spec gives for it
        assertThat(problems).isEmpty();
    }

    /** Checks an object of a dispatch against one of the spec's component schemas. */
    private void check(String where, String schema, JsonNode value) {
        SpecValidator.Result result = spec.validateAgainstComponent(schema, value);
        if (!result.isValid()) {
            problems.add(where + " as " + result.describe());
        }
    }

    @Test
    void theObjectsInGatewayDispatchesMatchTheSpecsSchemas() throws Exception {
        // GIVEN a bare gateway client identified with guilds, members and messages
        RawGateway socket = new RawGateway(emulator.gatewayUrl() + "/?v=10&encoding=json");
        sockets.add(socket);
        socket.next(WAIT);
        socket.send("{\"op\":2,\"d\":{\"token\":\"" + emulator.token() + "\",\"intents\":"
                + (Intents.GUILDS | Intents.GUILD_MEMBERS | Intents.GUILD_MESSAGES)
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}}}");
        JsonNode ready = socket.nextDispatch("READY", WAIT).path("d");
        JsonNode guild = socket.nextDispatch("GUILD_CREATE", WAIT).path("d");

        // WHEN the bot posts a message with an embed, and a member joins
        call("POST", "channels/" + Long.toUnsignedString(ids.generalId()) + "/messages",
                "{\"content\":\"hello\",\"embeds\":[{\"title\":\"Activity\",\"fields\":[{\"name\":\"Messages\",\"value\":\"42\"}]}]}",
                true);
        JsonNode message = socket.nextDispatch("MESSAGE_CREATE", WAIT).path("d");
        long newcomer = Snowflake.of(Instant.parse("2024-01-01T00:00:00Z"), 77);
        emulator.apply(new TimelineEvent.MemberAdd(ids.guildId(), newcomer, "newcomer", false, Instant.parse("2025-05-05T10:00:00Z")));
        JsonNode joined = socket.nextDispatch("GUILD_MEMBER_ADD", WAIT).path("d");

        // THEN READY's user, GUILD_CREATE's channels, roles and members, the message and the new member have Discord's shapes
        check("READY.user", "UserPIIResponse", ready.path("user"));
        guild.path("channels").forEach(channel -> check("GUILD_CREATE.channels[" + channel.path("name").asText() + "]",
                "GuildChannelResponse", channel));
        guild.path("roles").forEach(role -> check("GUILD_CREATE.roles[" + role.path("name").asText() + "]", "GuildRoleResponse", role));
        guild.path("members").forEach(member -> check("GUILD_CREATE.members[]", "GuildMemberResponse", member));
        check("MESSAGE_CREATE", "MessageResponse", message);
        check("GUILD_MEMBER_ADD", "GuildMemberResponse", joined);
        assertThat(problems).isEmpty();
    }
}

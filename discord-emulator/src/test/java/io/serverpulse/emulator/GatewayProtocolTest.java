package io.serverpulse.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.gateway.CloseCodes;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.gateway.Shards;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.support.Awaits;
import io.serverpulse.emulator.support.RawGateway;
import io.serverpulse.emulator.support.TestCommunities;
import io.serverpulse.emulator.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway protocol as a bare client sees it: HELLO, identify checks and close codes, intents filtering, resume. */
class GatewayProtocolTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-05-05T10:00:00Z");
    private static final int BASIC = Intents.GUILDS | Intents.GUILD_MESSAGES;

    private final TestCommunities.Ids one = TestCommunities.ids(1, 2);
    private final TestCommunities.Ids two = TestCommunities.ids(2, 2);
    private DiscordEmulator emulator;
    private final List<RawGateway> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        List<Community> communities = List.of(TestCommunities.community(one), TestCommunities.community(two));
        emulator = DiscordEmulator.builder(communities).grantPrivilegedIntents(Intents.GUILD_MEMBERS).start();
    }

    @AfterEach
    void stop() {
        sockets.forEach(RawGateway::close);
        emulator.close();
    }

    private RawGateway connect() throws InterruptedException {
        RawGateway socket = new RawGateway(emulator.gatewayUrl() + "/?v=10&encoding=json");
        sockets.add(socket);
        JsonNode hello = socket.next(WAIT);
        assertThat(hello.path("op").asInt()).isEqualTo(10);
        assertThat(hello.path("d").path("heartbeat_interval").asInt()).isPositive();
        return socket;
    }

    private String identify(int intents, String shard) {
        return "{\"op\":2,\"d\":{\"token\":\"" + emulator.token() + "\",\"intents\":" + intents
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}"
                + (shard == null ? "" : ",\"shard\":" + shard) + "}}";
    }

    @Test
    void identifyGetsReadyThenOneGuildCreatePerGuild() throws Exception {
        // GIVEN a connected socket WHEN it identifies
        RawGateway socket = connect();
        socket.send(identify(BASIC, null));

        // THEN READY carries the session, the bot user, the application and both guilds as unavailable
        JsonNode ready = socket.nextDispatch("READY", WAIT);
        assertThat(ready.path("s").asInt()).isEqualTo(1);
        JsonNode d = ready.path("d");
        assertThat(d.path("session_id").asText()).isNotBlank();
        assertThat(d.path("resume_gateway_url").asText()).isEqualTo(emulator.gatewayUrl());
        assertThat(d.path("user").path("id").asText()).isEqualTo(Long.toUnsignedString(emulator.botUserId()));
        assertThat(d.path("application").path("id").asText()).isEqualTo(Long.toUnsignedString(emulator.applicationId()));
        assertThat(d.path("private_channels").isArray()).isTrue();
        assertThat(d.path("guilds")).extracting(g -> g.path("unavailable").asBoolean()).containsExactly(true, true);
        // AND each guild arrives in a GUILD_CREATE with channels, roles, emojis, voice states, and (no presences intent) only the bot as member
        JsonNode first = socket.nextDispatch("GUILD_CREATE", WAIT).path("d");
        JsonNode second = socket.nextDispatch("GUILD_CREATE", WAIT).path("d");
        assertThat(List.of(first.path("id").asText(), second.path("id").asText()))
                .containsExactlyInAnyOrder(Long.toUnsignedString(one.guildId()), Long.toUnsignedString(two.guildId()));
        assertThat(first.path("channels")).hasSize(4);
        assertThat(first.path("roles")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(first.path("emojis")).hasSize(1);
        assertThat(first.path("voice_states").isArray()).isTrue();
        assertThat(first.path("member_count").asInt()).isEqualTo(4);
        assertThat(first.path("members")).extracting(m -> m.path("user").path("id").asText())
                .containsExactly(Long.toUnsignedString(emulator.botUserId()));
    }

    @Test
    void aBadTokenIsClosedWith4004() throws Exception {
        RawGateway socket = connect();
        socket.send("{\"op\":2,\"d\":{\"token\":\"not-the-token\",\"intents\":1,\"properties\":{}}}");
        assertThat(socket.awaitClose(WAIT)).isEqualTo(CloseCodes.AUTHENTICATION_FAILED);
    }

    @Test
    void aPrivilegedIntentTheAppIsNotGrantedIsClosedWith4014() throws Exception {
        // GIVEN the app is granted GUILD_MEMBERS only WHEN it asks for MESSAGE_CONTENT
        RawGateway socket = connect();
        socket.send(identify(BASIC | Intents.MESSAGE_CONTENT, null));
        assertThat(socket.awaitClose(WAIT)).isEqualTo(CloseCodes.DISALLOWED_INTENTS);
    }

    @Test
    void undefinedIntentBitsAreClosedWith4013AndBadShardsWith4010() throws Exception {
        RawGateway unknownBits = connect();
        unknownBits.send(identify(1 << 30, null));
        assertThat(unknownBits.awaitClose(WAIT)).isEqualTo(CloseCodes.INVALID_INTENTS);

        RawGateway badShard = connect();
        badShard.send(identify(BASIC, "[2,2]"));
        assertThat(badShard.awaitClose(WAIT)).isEqualTo(CloseCodes.INVALID_SHARD);
    }

    @Test
    void anUnknownOpcodeIsClosedWith4001AndAPayloadBeforeIdentifyWith4003() throws Exception {
        RawGateway unknown = connect();
        unknown.send("{\"op\":42,\"d\":null}");
        assertThat(unknown.awaitClose(WAIT)).isEqualTo(CloseCodes.UNKNOWN_OPCODE);

        RawGateway early = connect();
        early.send("{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"\",\"limit\":0}}");
        assertThat(early.awaitClose(WAIT)).isEqualTo(CloseCodes.NOT_AUTHENTICATED);
    }

    @Test
    void heartbeatsAreAcknowledged() throws Exception {
        RawGateway socket = connect();
        socket.send("{\"op\":1,\"d\":null}");
        assertThat(socket.next(WAIT).path("op").asInt()).isEqualTo(11);
    }

    @Test
    void dispatchesAreFilteredByIntentsAndContentIsEmptyWithoutMessageContent() throws Exception {
        // GIVEN a session without GUILD_MEMBERS and without MESSAGE_CONTENT
        RawGateway socket = connect();
        socket.send(identify(BASIC, null));
        socket.nextDispatch("GUILD_CREATE", WAIT);
        socket.nextDispatch("GUILD_CREATE", WAIT);

        // WHEN a member joins, then posts a message, then mentions the bot
        emulator.apply(new TimelineEvent.MemberAdd(one.guildId(), Snowflake.of(T0, 99), "joiner", false, T0));
        emulator.apply(new TimelineEvent.MessageCreate(one.guildId(), one.generalId(), Snowflake.of(T0, 1), one.ownerId(), false,
                "secret text", T0));
        String mention = "hey <@" + Long.toUnsignedString(emulator.botUserId()) + ">";
        emulator.apply(new TimelineEvent.MessageCreate(one.guildId(), one.generalId(), Snowflake.of(T0, 2), one.ownerId(), false,
                mention, T0));

        // THEN the join is not dispatched; the first message comes with empty content, the mention with its content
        JsonNode message = socket.next(WAIT);
        assertThat(message.path("t").asText()).isEqualTo("MESSAGE_CREATE");
        assertThat(message.path("d").path("content").asText()).isEmpty();
        assertThat(message.path("d").path("guild_id").asText()).isEqualTo(Long.toUnsignedString(one.guildId()));
        assertThat(message.path("d").path("member").path("joined_at").asText()).isNotBlank();
        JsonNode mentioned = socket.next(WAIT);
        assertThat(mentioned.path("d").path("content").asText()).isEqualTo(mention);
    }

    @Test
    void eachShardGetsOnlyItsGuilds() throws Exception {
        // GIVEN the two guilds are on different shards of 2
        assertThat(Shards.shardOf(one.guildId(), 2)).isNotEqualTo(Shards.shardOf(two.guildId(), 2));
        RawGateway shardOfOne = connect();
        shardOfOne.send(identify(BASIC, "[" + Shards.shardOf(one.guildId(), 2) + ",2]"));

        // THEN READY lists only guild one, and its GUILD_CREATE follows
        JsonNode ready = shardOfOne.nextDispatch("READY", WAIT).path("d");
        assertThat(ready.path("guilds")).extracting(g -> g.path("id").asText()).containsExactly(Long.toUnsignedString(one.guildId()));
        assertThat(ready.path("shard")).extracting(JsonNode::asInt).containsExactly(Shards.shardOf(one.guildId(), 2), 2);
        assertThat(shardOfOne.nextDispatch("GUILD_CREATE", WAIT).path("d").path("id").asText())
                .isEqualTo(Long.toUnsignedString(one.guildId()));

        // WHEN messages happen in both guilds THEN only guild one's reaches this shard
        emulator.apply(new TimelineEvent.MessageCreate(two.guildId(), two.generalId(), Snowflake.of(T0, 3), two.ownerId(), false, "x", T0));
        emulator.apply(new TimelineEvent.MessageCreate(one.guildId(), one.generalId(), Snowflake.of(T0, 4), one.ownerId(), false, "y", T0));
        JsonNode next = shardOfOne.nextDispatch("MESSAGE_CREATE", WAIT);
        assertThat(next.path("d").path("id").asText()).isEqualTo(Long.toUnsignedString(Snowflake.of(T0, 4)));
    }

    @Test
    void resumeReplaysMissedDispatchesAndAnUnknownSessionGetsInvalidSession() throws Exception {
        // GIVEN an identified session that saw READY and two GUILD_CREATEs (seq 3)
        RawGateway socket = connect();
        socket.send(identify(BASIC, null));
        String sessionId = socket.nextDispatch("READY", WAIT).path("d").path("session_id").asText();
        socket.nextDispatch("GUILD_CREATE", WAIT);
        int seen = socket.nextDispatch("GUILD_CREATE", WAIT).path("s").asInt();

        // WHEN the connection drops and two messages happen meanwhile
        var session = emulator.sessions().get(0);
        emulator.forceDisconnect(session);
        Awaits.until(session::connected, connected -> !connected, WAIT, "the server to notice the dropped connection");
        emulator.apply(new TimelineEvent.MessageCreate(one.guildId(), one.generalId(), Snowflake.of(T0, 5), one.ownerId(), false, "a", T0));
        emulator.apply(new TimelineEvent.MessageCreate(one.guildId(), one.generalId(), Snowflake.of(T0, 6), one.ownerId(), false, "b", T0));

        // THEN a RESUME from the last seen seq replays both, in order, then RESUMED
        RawGateway again = connect();
        again.send("{\"op\":6,\"d\":{\"token\":\"" + emulator.token() + "\",\"session_id\":\"" + sessionId + "\",\"seq\":" + seen + "}}");
        JsonNode a = again.next(WAIT);
        JsonNode b = again.next(WAIT);
        JsonNode resumed = again.next(WAIT);
        assertThat(List.of(a.path("s").asInt(), b.path("s").asInt(), resumed.path("s").asInt())).containsExactly(seen + 1, seen + 2, seen + 3);
        assertThat(a.path("d").path("id").asText()).isEqualTo(Long.toUnsignedString(Snowflake.of(T0, 5)));
        assertThat(b.path("d").path("id").asText()).isEqualTo(Long.toUnsignedString(Snowflake.of(T0, 6)));
        assertThat(resumed.path("t").asText()).isEqualTo("RESUMED");

        // AND resuming a session that does not exist gets op 9 with d=false
        RawGateway stranger = connect();
        stranger.send("{\"op\":6,\"d\":{\"token\":\"" + emulator.token() + "\",\"session_id\":\"nope\",\"seq\":1}}");
        JsonNode invalid = stranger.next(WAIT);
        assertThat(invalid.path("op").asInt()).isEqualTo(9);
        assertThat(invalid.path("d").asBoolean()).isFalse();
    }

    @Test
    void requestGuildMembersAnswersWithAChunk() throws Exception {
        // GIVEN a session with GUILD_MEMBERS
        RawGateway socket = connect();
        socket.send(identify(BASIC | Intents.GUILD_MEMBERS, null));
        socket.nextDispatch("GUILD_CREATE", WAIT);
        socket.nextDispatch("GUILD_CREATE", WAIT);

        // WHEN it requests the whole member list of guild one
        socket.send("{\"op\":8,\"d\":{\"guild_id\":\"" + Long.toUnsignedString(one.guildId()) + "\",\"query\":\"\",\"limit\":0,\"nonce\":\"n1\"}}");

        // THEN one chunk carries all four members (owner, two members, the bot)
        JsonNode chunk = socket.nextDispatch("GUILD_MEMBERS_CHUNK", WAIT).path("d");
        assertThat(chunk.path("members")).hasSize(4);
        assertThat(chunk.path("chunk_index").asInt()).isZero();
        assertThat(chunk.path("chunk_count").asInt()).isEqualTo(1);
        assertThat(chunk.path("nonce").asText()).isEqualTo("n1");
    }
}

package io.serverpulse.interactions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.interactions.Delivery;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSender;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.interactions.local.LocalServerMain;
import io.serverpulse.interactions.register.RegisterCommandsProbe;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.MongoStandIn;
import io.serverpulse.interactions.support.TestGuild;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As Discord does, the emulator resolves a channel option only among the interaction's guild's channels (as a
 * partial channel, without {@code guild_id}): a channel of another guild arrives unresolved, as a bare id. The
 * endpoint then asks Discord's REST API with the bot token where it belongs and refuses it; without a bot token it
 * cannot place it and refuses it as unverified. A channel of the guild is accepted. Nothing is stored on a
 * refusal. Through the local server as its main builds it, on the MongoDB stand-in.
 */
class ChannelOwnershipEndToEndTest {

    private static final long OTHER_GUILD = Snowflake.of(Instant.parse("2024-02-01T00:00:00Z"), 7);
    private static final long OTHER_CHANNEL = Snowflake.of(Instant.parse("2024-02-01T00:00:02Z"), 7);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InteractionKeyPair keys = InteractionKeyPair.generate();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private MongoStandIn mongo;
    private DiscordEmulator discord;
    private InteractionSender sender;
    private LocalServerMain.Running running;
    private String mongoUri;

    @BeforeEach
    void standUp() {
        mongo = new MongoStandIn();
        Community other = new Community(OTHER_GUILD, "Elsewhere", TestGuild.OWNER,
                List.of(new Community.Channel(OTHER_CHANNEL, "their-updates", ChannelType.GUILD_TEXT, 0)),
                List.of(new Community.Member(TestGuild.OWNER, "owner", false)), List.of());
        discord = DiscordEmulator.builder(List.of(TestGuild.community(), other)).start();
        RegisterCommandsProbe.register(discord, "--guild", Long.toUnsignedString(TestGuild.GUILD));
        sender = new InteractionSender(http, new InteractionSigner(keys, Clock.systemUTC()), SpecValidator.shared(), EndToEnd.TIMEOUT);
        mongoUri = mongo.freshDatabaseUri();
    }

    @AfterEach
    void tearDown() {
        if (running != null) {
            running.close();
        }
        discord.close();
        mongo.close();
    }

    private void start(boolean withBotToken) {
        Map<String, String> env = new HashMap<>();
        env.put(ServerPulseConfig.DISCORD_PUBLIC_KEY, keys.publicKeyHex());
        env.put(ServerPulseConfig.MONGODB_URI, mongoUri);
        env.put(ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl());
        env.put(LocalServerMain.PORT, "0");
        if (withBotToken) {
            env.put(ServerPulseConfig.DISCORD_TOKEN, discord.token());
        }
        EnvSource source = EnvSource.of(env);
        running = LocalServerMain.start(ServerPulseConfig.load(source), source);
        assertThat(running.commands().awaitReady(EndToEnd.TIMEOUT)).isTrue();
    }

    /** The owner runs /set-update-channel naming a channel by id (resolved by the emulator if it is this guild's). */
    private JsonNode setUpdateChannel(long channel) throws IOException {
        ArrayNode options = Json.array();
        options.addObject().put("name", "channel").put("type", 7).put("value", Long.toUnsignedString(channel));
        PendingInteraction command = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.OWNER, "set-update-channel", options);
        Delivery delivery = sender.send(running.server().uri(), command.payload());
        assertThat(delivery.status()).isEqualTo(200);
        JsonNode answer = JSON.readTree(delivery.body());
        assertThat(answer.path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        return answer;
    }

    private Long storedUpdateChannel() {
        try (MongoStore store = MongoStores.connect(mongoUri)) {
            return store.findSettings(TestGuild.GUILD).map(s -> s.updateChannelId()).orElse(null);
        }
    }

    @Test
    void aChannelOfAnotherGuildIsRefusedAfterAskingDiscord() throws IOException {
        // GIVEN the endpoint with the bot token
        start(true);

        // WHEN the owner names the other guild's channel as this guild's update channel
        JsonNode answer = setUpdateChannel(OTHER_CHANNEL);

        // THEN refused, privately, and nothing is stored
        assertThat(answer.path("data").path("content").asText())
                .isEqualTo("<#" + OTHER_CHANNEL + "> isn’t a channel of this server. Pick one of this server’s channels. Nothing was changed.");
        assertThat(storedUpdateChannel()).isNull();
    }

    @Test
    void aChannelOfThisGuildIsAccepted() throws IOException {
        // GIVEN the endpoint with the bot token
        start(true);

        // WHEN the owner names #random
        JsonNode answer = setUpdateChannel(TestGuild.RANDOM);

        // THEN it is saved
        assertThat(answer.path("data").path("content").asText()).contains("<#" + TestGuild.RANDOM + ">")
                .doesNotContain("isn’t a channel").doesNotContain("couldn’t confirm");
        assertThat(storedUpdateChannel()).isEqualTo(TestGuild.RANDOM);
    }

    @Test
    void withoutABotTokenAnUnresolvedChannelIsRefusedAsUnverified() throws IOException {
        // GIVEN the endpoint without a bot token (it cannot ask Discord)
        start(false);

        // WHEN the owner names the other guild's channel (Discord does not resolve it here)
        JsonNode answer = setUpdateChannel(OTHER_CHANNEL);

        // THEN refused as unverified, and nothing is stored
        assertThat(answer.path("data").path("content").asText()).startsWith("I couldn’t confirm that <#" + OTHER_CHANNEL + ">");
        assertThat(storedUpdateChannel()).isNull();
    }
}

package io.serverpulse.interactions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.interactions.Delivery;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSender;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.interactions.register.RegisterCommandsProbe;
import io.serverpulse.interactions.support.Await;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.MongoStandIn;
import io.serverpulse.interactions.support.TestGuild;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local server as its main builds it from settings: MongoDB, the worker threads, Discord's REST API. */
class LocalServerMainTest {

    private final InteractionKeyPair keys = InteractionKeyPair.generate();

    private Map<String, String> settings(MongoStandIn mongo, DiscordEmulator discord) {
        Map<String, String> env = new HashMap<>();
        env.put(ServerPulseConfig.DISCORD_PUBLIC_KEY, keys.publicKeyHex());
        env.put(ServerPulseConfig.MONGODB_URI, mongo.freshDatabaseUri());
        env.put(ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl());
        env.put(LocalServerMain.PORT, "0");
        return env;
    }

    private static LocalServerMain.Running start(Map<String, String> env) {
        EnvSource source = EnvSource.of(env);
        return LocalServerMain.start(ServerPulseConfig.load(source), source);
    }

    @Test
    void itAnswersPingsAndFinishesDeferredCommandsThroughDiscordsWebhook() {
        try (MongoStandIn mongo = new MongoStandIn();
             DiscordEmulator discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
             LocalServerMain.Running running = start(settings(mongo, discord))) {
            // GIVEN the server started from its settings, its storage connected, and the commands registered in the guild
            assertThat(running.commands().awaitReady(EndToEnd.TIMEOUT)).isTrue();
            assertThat(running.deferred().awaitReady(EndToEnd.TIMEOUT)).isTrue();
            RegisterCommandsProbe.register(discord, "--guild", Long.toUnsignedString(TestGuild.GUILD));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            InteractionSender sender = new InteractionSender(http, new InteractionSigner(keys, Clock.systemUTC()), SpecValidator.shared(),
                    EndToEnd.TIMEOUT);

            // WHEN Discord PINGs it
            Delivery pong = sender.send(running.server().uri(), new InteractionFactory(discord.applicationId(), Clock.systemUTC()).ping());

            // THEN PONG
            assertThat(pong.status()).isEqualTo(200);
            assertThat(pong.body()).isEqualTo("{\"type\":1}");

            // WHEN the owner runs /export-report json
            ArrayNode options = Json.array();
            options.addObject().put("name", "format").put("type", 3).put("value", "json");
            PendingInteraction export = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.OWNER, "export-report", options);
            Delivery deferred = sender.send(running.server().uri(), export.payload());
            EndToEnd.relayCallback(discord, http, export, deferred.body());

            // THEN it was deferred, and a worker thread edited @original with the JSON export attached
            assertThat(deferred.body()).isEqualTo("{\"type\":5,\"data\":{\"flags\":64}}");
            Await.until("the export's follow-up", () -> discord.recorded().webhookCalls().stream()
                    .anyMatch(call -> call.interactionId() == export.id() && call.status() == 200));
            assertThat(discord.recorded().messages().stream().filter(m -> Long.valueOf(export.id()).equals(m.interactionId()))
                    .findFirst().orElseThrow().attachments()).singleElement()
                    .satisfies(file -> assertThat(file.filename()).endsWith(".json"));
        }
    }

    @Test
    void withoutMongoDbItSaysWhereCommandsAreAnsweredInstead() {
        try (MongoStandIn mongo = new MongoStandIn();
             DiscordEmulator discord = DiscordEmulator.builder(List.of(TestGuild.community())).start()) {
            // GIVEN no MONGODB_URI
            Map<String, String> env = settings(mongo, discord);
            env.remove(ServerPulseConfig.MONGODB_URI);

            // WHEN / THEN one line that names the variable and the alternative
            assertThatThrownBy(() -> start(env)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("Missing required setting MONGODB_URI").hasMessageContaining("collector");
        }
    }

    @Test
    void aPublicKeyThatIsNotAKeyIsNamed() {
        try (MongoStandIn mongo = new MongoStandIn();
             DiscordEmulator discord = DiscordEmulator.builder(List.of(TestGuild.community())).start()) {
            // GIVEN 64 hex characters that are no Ed25519 public key
            Map<String, String> env = settings(mongo, discord);
            env.put(ServerPulseConfig.DISCORD_PUBLIC_KEY, "ff".repeat(32));

            // WHEN / THEN
            assertThatThrownBy(() -> start(env)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("Invalid DISCORD_PUBLIC_KEY");
        }
    }

    @Test
    void aPortOutOfRangeIsNamed() {
        try (MongoStandIn mongo = new MongoStandIn();
             DiscordEmulator discord = DiscordEmulator.builder(List.of(TestGuild.community())).start()) {
            Map<String, String> env = settings(mongo, discord);
            env.put(LocalServerMain.PORT, "70000");
            assertThatThrownBy(() -> start(env)).isInstanceOf(ConfigException.class).hasMessageContaining("INTERACTIONS_PORT");
        }
    }
}

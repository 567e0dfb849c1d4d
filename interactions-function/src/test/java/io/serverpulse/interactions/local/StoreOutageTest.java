package io.serverpulse.interactions.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.testing.LogCapture;
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
import io.serverpulse.interactions.support.StallingProxy;
import io.serverpulse.interactions.support.TestGuild;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local server as its main builds it, with MongoDB (the stand-in) behind a loopback proxy that can stop
 * answering while keeping its connections open: PINGs never wait for the store, every command is answered
 * within its budget, and the store coming back is picked up without a restart. Time bounds here are
 * behavioural with generous margins (a loaded machine must not fail a correct server); the real figures are
 * in BENCHMARKS.md.
 */
class StoreOutageTest {

    /** The budget (2.5 s) and a generous margin for a loaded machine: still inside Discord's patience for a test. */
    private static final Duration BUDGET_AND_MARGIN = Duration.ofMillis(2500 + 1500);
    private static final String STORAGE_SLOW = "⚠️ ServerPulse’s storage isn’t answering right now. Please try again in a moment.";
    private static final String STORAGE_DOWN = "⚠️ ServerPulse’s storage is unavailable right now, so nothing was changed."
            + " Please try again in a moment.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InteractionKeyPair keys = InteractionKeyPair.generate();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private MongoStandIn mongo;
    private StallingProxy proxy;
    private DiscordEmulator discord;
    private InteractionSender sender;
    private InteractionFactory factory;
    private LocalServerMain.Running running;

    @BeforeEach
    void standUp() throws Exception {
        mongo = new MongoStandIn();
        proxy = new StallingProxy(mongo.port());
        discord = DiscordEmulator.builder(List.of(TestGuild.community())).start();
        RegisterCommandsProbe.register(discord, "--guild", Long.toUnsignedString(TestGuild.GUILD));
        sender = new InteractionSender(http, new InteractionSigner(keys, Clock.systemUTC()), SpecValidator.shared(), EndToEnd.TIMEOUT);
        factory = new InteractionFactory(discord.applicationId(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (running != null) {
            running.close();
        }
        proxy.close();
        discord.close();
        mongo.close();
    }

    private LocalServerMain.Running start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put(ServerPulseConfig.DISCORD_PUBLIC_KEY, keys.publicKeyHex());
        env.put(ServerPulseConfig.MONGODB_URI, proxy.mongoUri("outage"));
        env.put(ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl());
        env.put(LocalServerMain.PORT, "0");
        env.putAll(extra);
        EnvSource source = EnvSource.of(env);
        running = LocalServerMain.start(ServerPulseConfig.load(source), source);
        return running;
    }

    private Delivery ping() {
        return sender.send(running.server().uri(), factory.ping());
    }

    private Delivery status() {
        ArrayNode options = Json.array();
        options.addObject().put("name", "status").put("type", 1).putArray("options");
        PendingInteraction status = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.OWNER, "serverpulse", options);
        return sender.send(running.server().uri(), status.payload());
    }

    /** A member's /topmessagers: reads the store (the guild's buckets). */
    private Delivery topMessagers() {
        PendingInteraction top = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.MEMBERS.get(0), "topmessagers", Json.array());
        return sender.send(running.server().uri(), top.payload());
    }

    private Delivery export() {
        ArrayNode options = Json.array();
        options.addObject().put("name", "format").put("type", 3).put("value", "json");
        PendingInteraction export = discord.newSlashCommand(TestGuild.GENERAL, TestGuild.OWNER, "export-report", options);
        return sender.send(running.server().uri(), export.payload());
    }

    private static JsonNode body(Delivery delivery) {
        try {
            return JSON.readTree(delivery.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + delivery.body(), e);
        }
    }

    /** What the member reads in an ephemeral text answer. */
    private static String ephemeralText(Delivery delivery) {
        JsonNode answer = body(delivery);
        assertThat(answer.path("type").asInt()).as("a message: %s", delivery.body()).isEqualTo(4);
        assertThat(answer.path("data").path("flags").asInt() & 64).as("ephemeral: %s", delivery.body()).isEqualTo(64);
        return answer.path("data").path("content").asText();
    }

    @Test
    void aPingIsAnsweredWithinASecondOfThePortOpeningWhileMongoDbHangs() {
        // GIVEN a MongoDB that accepts connections and never answers
        proxy.stall();

        // WHEN the server starts (its port is open when start returns) and Discord PINGs it at once
        long opened = System.nanoTime();
        start(Map.of());
        Delivery pong = ping();
        Duration sincePortOpened = Duration.ofNanos(System.nanoTime() - opened);

        // THEN PONG, within a second of the port opening, although storage never connected
        assertThat(pong.status()).isEqualTo(200);
        assertThat(pong.body()).isEqualTo("{\"type\":1}");
        assertThat(sincePortOpened).isLessThan(Duration.ofSeconds(1));
        assertThat(running.commands().answering()).isFalse();

        // AND a command meanwhile is told at once that storage is unavailable (no thread waits for a connection)
        Delivery command = topMessagers();
        assertThat(ephemeralText(command)).isEqualTo(STORAGE_DOWN);
        assertThat(command.latency()).isLessThan(BUDGET_AND_MARGIN);
    }

    @Test
    void aPingIsAnsweredWhileNothingListensWhereMongoDbShouldBe() throws Exception {
        // GIVEN MONGODB_URI pointing at a port where nothing listens
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        // WHEN the server starts and is PINGed
        start(Map.of(ServerPulseConfig.MONGODB_URI, "mongodb://127.0.0.1:" + closed + "/nowhere"));
        Delivery pong = ping();

        // THEN PONG
        assertThat(pong.status()).isEqualTo(200);
        assertThat(pong.body()).isEqualTo("{\"type\":1}");
    }

    @Test
    void aCommandUnderAHungStoreIsAnsweredWithinTheBudget() {
        // GIVEN a server whose storage connected, then hangs (connections open, no answers)
        start(Map.of());
        assertThat(running.commands().awaitReady(EndToEnd.TIMEOUT)).isTrue();
        proxy.stall();

        // WHEN a member runs /topmessagers, which reads the store
        Delivery answer = topMessagers();

        // THEN the member is told, privately and within the budget, that storage isn't answering (by the budget, or
        // by the driver's 2-second operation timeout when that comes first)
        assertThat(answer.status()).isEqualTo(200);
        assertThat(ephemeralText(answer)).isIn(STORAGE_SLOW, STORAGE_DOWN);
        assertThat(answer.latency()).isLessThan(BUDGET_AND_MARGIN);
    }

    @Test
    void pingsAreAnsweredWhileEveryCommandThreadIsStuckOnTheStore() {
        // GIVEN two command threads, two queue slots, and a storage that hangs
        start(Map.of(LocalServerMain.THREADS, "2", LocalServerMain.QUEUE, "2"));
        assertThat(running.commands().awaitReady(EndToEnd.TIMEOUT)).isTrue();
        proxy.stall();

        // WHEN four commands take every thread and slot, and PINGs come in meanwhile
        List<CompletableFuture<Delivery>> commands = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            commands.add(CompletableFuture.supplyAsync(this::topMessagers));
        }
        Await.until("the commands to be taken in", () -> running.lane().inFlight() >= 4, Duration.ofSeconds(10));
        List<Delivery> pongs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pongs.add(ping());
        }

        // THEN every PING is answered PONG at once, and every command gets an answer that is no internal error
        assertThat(pongs).allSatisfy(pong -> {
            assertThat(pong.body()).isEqualTo("{\"type\":1}");
            assertThat(pong.latency()).isLessThan(Duration.ofSeconds(1));
        });
        assertThat(commands).allSatisfy(command -> {
            Delivery answer = command.join();
            assertThat(ephemeralText(answer)).isIn(STORAGE_SLOW, STORAGE_DOWN);
            assertThat(answer.latency()).isLessThan(BUDGET_AND_MARGIN);
        });
    }

    @Test
    void theStoreComingBackIsPickedUpWithoutARestart() {
        // GIVEN a server whose storage hung long enough to be found not answering
        start(Map.of());
        assertThat(running.commands().awaitReady(EndToEnd.TIMEOUT)).isTrue();
        proxy.stall();
        assertThat(ephemeralText(topMessagers())).isIn(STORAGE_SLOW, STORAGE_DOWN);
        Await.until("the store to be found not answering", () -> !running.commands().answering());
        Delivery meanwhile = topMessagers();
        assertThat(ephemeralText(meanwhile)).isEqualTo(STORAGE_DOWN);
        assertThat(meanwhile.latency()).isLessThan(Duration.ofSeconds(1));

        // WHEN MongoDB answers again
        proxy.resume();

        // THEN, without a restart, commands are answered from the store again
        Await.until("the store to answer again", () -> running.commands().answering());
        assertThat(ephemeralText(topMessagers())).startsWith("No messages counted");
        Delivery answer = status();
        assertThat(body(answer).path("data").path("embeds").path(0).path("title").asText()).isEqualTo("ServerPulse status");
        assertThat(answer.body()).contains("Storage: answering");
    }

    @Test
    void aBurstLargerThanTheWorkerQueueGetsEveryMemberAnAnswerAndNoInternalError() {
        try (LogCapture log = new LogCapture()) {
            // GIVEN one worker with two queue slots, and a storage that answers
            start(Map.of(LocalServerMain.WORKERS, "1", LocalServerMain.WORKER_QUEUE, "2"));
            assertThat(running.commands().awaitReady(EndToEnd.TIMEOUT)).isTrue();
            assertThat(running.deferred().awaitReady(EndToEnd.TIMEOUT)).isTrue();

            // WHEN 24 members run a command that is finished by the worker (/export-report), all at once
            List<CompletableFuture<Delivery>> burst = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                burst.add(CompletableFuture.supplyAsync(this::export));
            }
            List<Delivery> answers = burst.stream().map(CompletableFuture::join).toList();

            // THEN every one got an answer: deferred ("thinking…"), or told privately to try again in a few seconds;
            // none was shown an internal error
            long deferred = answers.stream().filter(a -> body(a).path("type").asInt() == 5).count();
            List<String> told = answers.stream().filter(a -> body(a).path("type").asInt() != 5).map(StoreOutageTest::ephemeralText).toList();
            assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
            assertThat(told).allSatisfy(text -> assertThat(text)
                    .isEqualTo("⏳ ServerPulse is busy with other requests right now. Please try again in a few seconds."));
            assertThat(deferred).isGreaterThanOrEqualTo(1);
            assertThat(told).isNotEmpty();
            assertThat(answers).noneSatisfy(a -> assertThat(a.body()).contains("Something went wrong"));

            // AND the full queue was logged once for the burst, not once per member
            assertThat(log.lines().stream().filter(line -> line.contains("worker queue is full") && line.contains("further ones are counted")).count()).isEqualTo(1);
        }
    }
}

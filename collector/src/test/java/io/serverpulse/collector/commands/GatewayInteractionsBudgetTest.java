package io.serverpulse.collector.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.RateLimits;
import io.serverpulse.common.discord.rest.Sleeper;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interactions that arrive over the gateway (the self-hosted mode) are answered within Discord's 3 seconds
 * whatever the store does: Discord's callback route is a local HTTP server, the store one whose every call
 * waits until the test lets it go (a database that accepts and never answers).
 */
class GatewayInteractionsBudgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GUILD = 1176201535215009852L;
    private static final Instant NOW = Instant.parse("2026-03-09T12:00:00Z");

    private final BlockingQueue<Callback> callbacks = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger waiting = new AtomicInteger();
    private final InMemoryStore stored = new InMemoryStore();
    private HttpServer discord;
    private GatewayInteractions interactions;

    private record Callback(String path, JsonNode body, long atNanos) {
    }

    @BeforeEach
    void start() throws IOException {
        discord = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        discord.createContext("/api/v10/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            callbacks.add(new Callback(exchange.getRequestURI().getPath(), JSON.readTree(body), System.nanoTime()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        discord.start();
        DiscordRest rest = new DiscordRest(HttpClient.newHttpClient(), "http://127.0.0.1:" + discord.getAddress().getPort()
                + "/api/v10/", Optional.of("bot-token"), new RateLimits(), Sleeper.SYSTEM, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        InteractionHandler handler = new InteractionHandler(hung(stored), CommandRegistry.standard(Optional.empty(), false),
                Clock.fixed(NOW, ZoneOffset.UTC));
        interactions = new GatewayInteractions(handler, rest, guildId -> { });
    }

    @AfterEach
    void stop() {
        release.countDown();
        interactions.close();
        discord.stop(0);
    }

    @Test
    void aCommandWhoseStoreHangsIsAnsweredWithinDiscordsThreeSecondsInTheMembersLanguage() throws Exception {
        // GIVEN a store that does not answer
        // WHEN an admin's /serverpulse status arrives over the gateway
        long arrived = System.nanoTime();
        send("serverpulse-status.json");

        // THEN Discord gets the interaction's answer within 3 s: ephemeral, saying storage isn't answering
        Callback answer = callbacks.poll(5, TimeUnit.SECONDS);
        assertThat(answer).isNotNull();
        assertThat(Duration.ofNanos(answer.atNanos() - arrived)).isLessThan(Duration.ofSeconds(3));
        assertThat(answer.path()).isEqualTo("/api/v10/interactions/1180151035315077214/" + token("serverpulse-status.json")
                + "/callback");
        assertThat(answer.body().path("type").asInt()).isEqualTo(4);
        assertThat(answer.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(answer.body().path("data").path("content").asText()).isEqualTo(Texts.english().get("error.storage-slow"));
        assertThat(interactions.answeredAtBudget()).isEqualTo(1);
    }

    @Test
    void aCommandStillWaitingForAThreadAtItsBudgetIsAnsweredAndNeverChangesAnything() throws Exception {
        // GIVEN both command threads stuck on the hung store
        send("serverpulse-status.json");
        send("serverpulse-status.json");
        awaitCallsWaitingOnTheStore(2);

        // WHEN an admin sets daily digests behind them
        send("set-digest.json");

        // THEN all three are answered within their budgets
        for (int i = 0; i < 3; i++) {
            Callback answer = callbacks.poll(5, TimeUnit.SECONDS);
            assertThat(answer).isNotNull();
            assertThat(answer.body().path("data").path("content").asText()).isEqualTo(Texts.english().get("error.storage-slow"));
        }
        // AND once the store answers again, the waiting /set-digest does not run behind the member's back
        release.countDown();
        Thread.sleep(500);
        assertThat(stored.findSettings(GUILD).map(s -> s.digest())).isNotEqualTo(Optional.of(DigestFrequency.DAILY));
        assertThat(callbacks).isEmpty();
    }

    /** Both command threads are inside the store, so whatever is sent next waits for a thread. */
    private void awaitCallsWaitingOnTheStore(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waiting.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(waiting.get()).as("calls waiting on the hung store").isEqualTo(count);
    }

    private void send(String fixture) throws IOException {
        JsonNode interaction = JSON.readTree(fixture(fixture));
        interactions.accept(interaction.toString(), interaction.path("id").asText(), interaction.path("token").asText(),
                Long.parseUnsignedLong(interaction.path("guild_id").asText()));
    }

    private static String token(String fixture) throws IOException {
        return JSON.readTree(fixture(fixture)).path("token").asText();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = GatewayInteractionsBudgetTest.class.getResourceAsStream("/interactions/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every call waits until the test releases it, then goes to {@code delegate}. */
    private Store hung(Store delegate) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (proxy, method, args) -> {
            if (!method.getName().equals("close") && !method.getName().equals("describe")) {
                waiting.incrementAndGet();
                release.await();
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}

package io.serverpulse.interactions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.interactions.Delivery;
import io.serverpulse.emulator.interactions.Entities;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionSender;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.Invoker;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.interactions.deferred.DeferredRunner;
import io.serverpulse.interactions.deferred.ExecutorDeferredDispatcher;
import io.serverpulse.interactions.deferred.FollowUpSender;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.interactions.http.DeferredDispatcher;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.interactions.lambda.DeferredWorker;
import io.serverpulse.interactions.lambda.InteractionsFunction;
import io.serverpulse.interactions.local.LocalInteractionsServer;
import io.serverpulse.store.mongodb.MongoStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The interactions endpoint end to end, as Discord reaches it: the emulator's sender signs and POSTs
 * interactions to a real transport (the local HTTP server, or a function URL in front of the Lambda
 * handler), the command core reads and writes a MongoDB store (the wire-protocol stand-in), and deferred
 * work is finished by the worker, which edits {@code @original} on the emulator's REST API.
 */
public final class EndToEnd implements AutoCloseable {

    /** How the endpoint is served. */
    public enum Transport { LOCAL_SERVER, LAMBDA_FUNCTION_URL }

    public static final long MANAGE_GUILD = 1L << 5;
    public static final long VIEW_AND_SEND = (1L << 10) | (1L << 11);
    public static final String MASTER_KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    /** Generous: a loaded 2-core machine must not make a correct endpoint look late. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    public static final Entities.Guild GUILD = new Entities.Guild(1_200_000_000_000_000_001L, "en-US");
    public static final Entities.Channel GENERAL = Entities.Channel.text(1_200_000_000_000_000_101L, "general", GUILD.id());
    public static final Entities.Channel MEMES = Entities.Channel.text(1_200_000_000_000_000_102L, "memes", GUILD.id());
    public static final Entities.Channel ANNOUNCEMENTS = new Entities.Channel(1_200_000_000_000_000_103L, "announcements", 5,
            GUILD.id(), null, 3);
    public static final Entities.Channel LOUNGE = new Entities.Channel(1_200_000_000_000_000_104L, "Lounge",
            Entities.Channel.GUILD_VOICE, GUILD.id(), null, 4);
    public static final Entities.Member ADMIN = Entities.Member.of(Entities.User.human(1_100_000_000_000_000_001L, "ada"),
            MANAGE_GUILD | VIEW_AND_SEND, Instant.parse("2025-06-01T12:00:00Z"));
    public static final Entities.Member MEMBER = Entities.Member.of(Entities.User.human(1_100_000_000_000_000_002L, "bob"),
            VIEW_AND_SEND, Instant.parse("2025-09-15T08:00:00Z"));

    public final Transport transport;
    /** Signs with the emulated application's key pair: the endpoint verifies with {@code discord.publicKey()}. */
    public final InteractionSigner signer;
    public final InteractionSender sender;
    public final InteractionFactory factory;
    public final StoreCalls calls;
    public final Store store;
    public final InteractionHandler handler;
    /** What the worker reported for each deferred command, in order of completion. */
    public final List<String> workerResults = new CopyOnWriteArrayList<>();

    private final DiscordEmulator discord;
    private final MongoStore mongo;
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final AutoCloseable server;
    private final FunctionUrlAdapter adapter;
    private final URI uri;

    public EndToEnd(Transport transport, MongoStandIn mongoStandIn, DiscordEmulator discord) {
        this(transport, mongoStandIn, discord, FollowUpSender.NOT_YET_KNOWN_BACKOFF);
    }

    /** @param env settings beyond the test defaults (master key, the emulator's API), e.g. the operator's switches */
    public EndToEnd(Transport transport, MongoStandIn mongoStandIn, DiscordEmulator discord, Map<String, String> env) {
        this(transport, mongoStandIn, discord, FollowUpSender.NOT_YET_KNOWN_BACKOFF, env);
    }

    /** @param notYetKnownBackoff the worker's waits before re-sending an edit Discord does not know yet */
    public EndToEnd(Transport transport, MongoStandIn mongoStandIn, DiscordEmulator discord, List<Duration> notYetKnownBackoff) {
        this(transport, mongoStandIn, discord, notYetKnownBackoff, Map.of());
    }

    private EndToEnd(Transport transport, MongoStandIn mongoStandIn, DiscordEmulator discord, List<Duration> notYetKnownBackoff,
                     Map<String, String> env) {
        this.transport = transport;
        this.discord = discord;
        this.signer = discord.interactionSigner();
        this.sender = new InteractionSender(http, signer, discord.specValidator(), TIMEOUT);
        this.factory = new InteractionFactory(discord.applicationId(), Clock.systemUTC());
        this.mongo = mongoStandIn.freshStore();
        this.calls = new StoreCalls(mongo);
        this.store = calls.store();
        Map<String, String> settings = new java.util.HashMap<>(env);
        settings.put(ServerPulseConfig.MASTER_KEY, MASTER_KEY);
        settings.put(ServerPulseConfig.DISCORD_API_BASE_URL, discord.restBaseUrl());
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(settings));
        this.handler = InteractionHandler.create(config, store);
        DeferredRunner runner = new DeferredRunner(handler,
                new FollowUpSender(DiscordRest.create(config.discordApiBaseUrl(), java.util.Optional.empty()),
                        io.serverpulse.common.discord.rest.Sleeper.SYSTEM, notYetKnownBackoff));
        Ed25519SignatureVerifier verifier = new Ed25519SignatureVerifier(discord.publicKey());
        if (transport == Transport.LOCAL_SERVER) {
            DeferredDispatcher dispatcher = new ExecutorDeferredDispatcher(workers,
                    payload -> workerResults.add(runner.run(payload).status().name()));
            LocalInteractionsServer local = LocalInteractionsServer.start(new InetSocketAddress("127.0.0.1", 0),
                    new InteractionsEndpoint(verifier, handler, dispatcher), 4);
            this.server = local;
            this.adapter = null;
            this.uri = local.uri();
        } else {
            // the worker function receives exactly the bytes an asynchronous invoke would carry
            DeferredWorker worker = new DeferredWorker(runner);
            DeferredDispatcher dispatcher = new ExecutorDeferredDispatcher(workers, payload -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    worker.handleRequest(new ByteArrayInputStream(payload), out, null);
                    workerResults.add(JSON.readTree(out.toByteArray()).path("status").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            FunctionUrlAdapter functionUrl = new FunctionUrlAdapter(
                    new InteractionsFunction(new InteractionsEndpoint(verifier, handler, dispatcher)));
            this.server = functionUrl;
            this.adapter = functionUrl;
            this.uri = functionUrl.uri();
        }
    }

    public URI uri() {
        return uri;
    }

    public static Invoker as(Entities.Member member) {
        return as(member, GENERAL);
    }

    public static Invoker as(Entities.Member member, Entities.Channel channel) {
        return new Invoker(GUILD, channel, member, "en-US", VIEW_AND_SEND | (1L << 14) | (1L << 15));
    }

    /** Signs the interaction now and delivers it to the endpoint. */
    public Delivery send(JsonNode interaction) {
        return sender.send(uri, interaction);
    }

    /**
     * Delivers an interaction the emulator issued (its token works on the emulator's webhook routes), then
     * does what Discord does with a 200 answer: takes it as the interaction's callback. (The emulator's
     * {@code sendInteraction} does the same but refuses an answer later than Discord's 3 seconds, which a
     * loaded test machine must not decide; latency is the benchmarks' business.)
     */
    public Delivery sendRegistered(PendingInteraction interaction) {
        Delivery delivery = send(interaction.payload());
        if (delivery.status() == 200) {
            relayCallback(interaction, delivery.body());
        }
        return delivery;
    }

    private void relayCallback(PendingInteraction interaction, String body) {
        relayCallback(discord, http, interaction, body);
    }

    /** Posts an endpoint's 200 answer to the emulator's callback route, as Discord takes it. */
    public static void relayCallback(DiscordEmulator discord, HttpClient http, PendingInteraction interaction, String body) {
        URI callback = URI.create(discord.restBaseUrl() + "interactions/" + Long.toUnsignedString(interaction.id()) + "/"
                + interaction.token() + "/callback");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(callback)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("the emulator refused the endpoint's answer as a callback: " + response.statusCode()
                        + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Exceptions that escaped the Lambda handler (always empty for the local server, which has no such seam). */
    public List<Throwable> escaped() {
        return adapter == null ? List.of() : adapter.escaped();
    }

    /** Waits until the worker has finished {@code count} deferred commands. */
    public List<String> awaitWorker(int count) {
        Await.until(count + " deferred command(s) finished", () -> workerResults.size() >= count);
        return new ArrayList<>(workerResults);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        mongo.close();
    }
}

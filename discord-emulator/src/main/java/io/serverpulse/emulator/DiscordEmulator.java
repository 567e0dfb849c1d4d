package io.serverpulse.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.gateway.GatewayHub;
import io.serverpulse.emulator.gateway.GatewayServer;
import io.serverpulse.emulator.gateway.GatewaySession;
import io.serverpulse.emulator.gateway.Playback;
import io.serverpulse.emulator.gateway.PlaybackSpeed;
import io.serverpulse.emulator.gateway.TimelineApplier;
import io.serverpulse.emulator.interactions.EndpointCheck;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSender;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.ratelimit.RateLimiter;
import io.serverpulse.emulator.rest.BotMessageLimits;
import io.serverpulse.emulator.rest.InteractionCallbacks;
import io.serverpulse.emulator.rest.RequestBodyValidator;
import io.serverpulse.emulator.rest.RestServer;
import io.serverpulse.emulator.rest.SpecBodyValidator;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.emulator.state.Application;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.InteractionDelivery;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.Permissions;
import io.serverpulse.emulator.state.Recorded;
import io.serverpulse.emulator.state.EmulatorTime;
import io.serverpulse.emulator.timeline.TimelineEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A local Discord for a real bot: the gateway websocket and REST API v10 on 127.0.0.1 (free ports),
 * serving the given communities, playing timelines in simulated time, recording everything the
 * bot sends, and injecting faults (disconnects, op 7/9, 429s) on demand.
 *
 * <p>Every REST request body is checked against Discord's own OpenAPI description (see
 * {@link SpecValidator}; skipped with one printed line when the spec file is absent) and against
 * Discord's stricter limits for bots ({@link BotMessageLimits}): a body Discord would reject gets
 * 400 with Discord's error shape. Interactions can also be delivered over HTTP, signed with the
 * application's key ({@link #publicKey()} is what the bot verifies with), see
 * {@link #sendInteraction(URI, JsonNode)}.
 *
 * <pre>{@code
 * try (DiscordEmulator discord = DiscordEmulator.builder(communities).start()) {
 *     // point the bot at discord.restBaseUrl() and discord.gatewayUrl() with discord.token()
 *     discord.play(timeline).awaitCompletion(Duration.ofSeconds(30));
 *     discord.recorded().messages(channelId);
 * }
 * }</pre>
 */
public final class DiscordEmulator implements AutoCloseable {

    /** Default application (and bot user) id: a fixed snowflake, so demos and docs can name it. */
    public static final long DEFAULT_APPLICATION_ID = Snowflake.of(Instant.parse("2020-06-01T00:00:00Z"), 4242);

    private final EmulatorState state;
    private final GatewayHub hub;
    private final GatewayServer gateway;
    private final RestServer rest;
    private final RateLimiter rateLimiter;
    private final TimelineApplier applier;
    private final List<Playback> playbacks = new ArrayList<>();
    private final int recommendedShards;
    private final SpecValidator spec;
    private final Duration interactionTimeout;
    private final HttpInteractions httpInteractions;
    private HttpClient http;
    private InteractionSender quietSender;
    private InteractionSender recordingSender;

    private DiscordEmulator(Builder builder) {
        SecureRandom random = new SecureRandom();
        InteractionKeyPair keys = builder.keys == null ? InteractionKeyPair.generate() : builder.keys;
        String token = builder.token == null ? Application.randomToken(builder.applicationId, random) : builder.token;
        Application app = new Application(builder.applicationId, builder.botName, token, builder.privilegedIntents, keys);
        this.spec = builder.spec == null ? SpecValidator.shared() : builder.spec;
        this.interactionTimeout = builder.interactionTimeout;
        this.state = new EmulatorState(app, builder.communities, new EmulatorTime(), builder.botPermissions);
        this.hub = new GatewayHub(state, builder.resumeWindow);
        this.gateway = new GatewayServer(state, hub, new GatewayServer.Settings(
                (int) builder.heartbeatInterval.toMillis(), builder.maxGuildsPerShard, builder.maxReplay));
        this.rateLimiter = new RateLimiter(builder.defaultRateLimit);
        builder.routeLimits.forEach(rateLimiter::policy);
        List<RequestBodyValidator> validators = new ArrayList<>(builder.validators);
        validators.add(new SpecBodyValidator(spec));
        validators.add(new BotMessageLimits());
        this.recommendedShards = builder.recommendedShards > 0 ? builder.recommendedShards
                : Math.max(1, (builder.communities.size() + 999) / 1000);
        this.rest = new RestServer(state, rateLimiter, validators,
                RestServer.standardRoutes(state, hub, gateway::url, () -> recommendedShards));
        this.applier = new TimelineApplier(state, hub);
        this.httpInteractions = new HttpInteractions(state, new InteractionCallbacks(state, hub), validators);
    }

    /** An emulator with default settings, not yet started. */
    public DiscordEmulator(List<Community> communities) {
        this(new Builder(communities));
    }

    public static Builder builder(List<Community> communities) {
        return new Builder(communities);
    }

    /** Starts the gateway and the REST server on free ports of 127.0.0.1. */
    public DiscordEmulator start() {
        try {
            gateway.startAndWait();
            rest.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not start the Discord emulator", e);
        }
        return this;
    }

    @Override
    public void close() {
        playbacks.forEach(Playback::cancel);
        rest.stop();
        gateway.shutdown();
    }

    // ---- where and who

    /** The REST base URL, {@code http://127.0.0.1:PORT/api/v10/} (JDA: {@code RestConfig#setBaseUrl}). */
    public String restBaseUrl() {
        return rest.baseUrl();
    }

    /** The gateway URL, {@code ws://127.0.0.1:PORT} (JDA: {@code SessionController#getGateway}). */
    public String gatewayUrl() {
        return gateway.url();
    }

    public int restPort() {
        return rest.port();
    }

    public int gatewayPort() {
        return gateway.getPort();
    }

    public String token() {
        return state.application().token();
    }

    public long applicationId() {
        return state.application().id();
    }

    public long botUserId() {
        return state.application().botUserId();
    }

    /**
     * The application's Ed25519 public key, hex, as the developer portal shows it: what a bot
     * configures as {@code DISCORD_PUBLIC_KEY} to verify the interactions this emulator signs.
     */
    public String publicKey() {
        return state.application().publicKeyHex();
    }

    /** The validator every REST request body is checked against (its {@code enabled()} says whether the spec file was found). */
    public SpecValidator specValidator() {
        return spec;
    }

    public Application application() {
        return state.application();
    }

    /** The emulator's world (guilds, members, messages); for reading in tests. */
    public EmulatorState state() {
        return state;
    }

    /** Everything the bot sent. */
    public Recorded recorded() {
        return state.recorded();
    }

    // ---- gateway sessions

    /** The live gateway sessions (identified and not invalidated), oldest first. */
    public List<GatewaySession> sessions() {
        return hub.sessions();
    }

    /** Waits until {@code count} sessions are connected. */
    public List<GatewaySession> awaitSessions(int count, Duration timeout) {
        boolean ok = await(() -> hub.sessions().stream().filter(GatewaySession::connected).count() >= count, timeout);
        if (!ok) {
            throw new IllegalStateException("expected " + count + " connected gateway sessions within " + timeout
                    + ", have " + hub.sessions().stream().filter(GatewaySession::connected).count());
        }
        return hub.sessions().stream().filter(GatewaySession::connected).toList();
    }

    /** Waits until every connected session has had every dispatch written to its socket. */
    public boolean awaitDelivered(Duration timeout) {
        return hub.awaitDelivered(timeout);
    }

    /** Drops a session's connection without a close frame; the client should resume. */
    public void forceDisconnect(GatewaySession session) {
        hub.forceDisconnect(session.id());
    }

    /** Sends op 7 RECONNECT to a session. */
    public void sendReconnect(GatewaySession session) {
        hub.sendReconnect(session.id());
    }

    /** Sends op 9 INVALID_SESSION to a session; non-resumable sessions are dropped. */
    public void invalidateSession(GatewaySession session, boolean resumable) {
        hub.invalidateSession(session.id(), resumable);
    }

    // ---- timelines

    /** Plays a timeline in order, as fast as the connected clients keep up. */
    public Playback play(List<TimelineEvent> events) {
        return play(events, PlaybackSpeed.AS_FAST_AS_POSSIBLE);
    }

    /** Plays a timeline at a speed relative to its simulated time. */
    public Playback play(List<TimelineEvent> events, PlaybackSpeed speed) {
        Playback playback = new Playback(events, speed, applier, hub);
        synchronized (playbacks) {
            playbacks.add(playback);
        }
        return playback.start();
    }

    /** Applies and dispatches one event now, on the caller's thread. */
    public void apply(TimelineEvent event) {
        applier.apply(event);
    }

    // ---- interactions

    /**
     * A user runs the bot's registered slash command {@code name} in a channel: the interaction is
     * created and dispatched as INTERACTION_CREATE; the bot answers over REST.
     */
    public PendingInteraction slashCommand(long channelId, long userId, String name, Map<String, Object> options) {
        PendingInteraction interaction = state.newSlashCommand(channelId, userId, name, options(options));
        dispatchInteraction(interaction);
        return interaction;
    }

    /** A slash-command interaction, registered (its token works on the REST routes) but not dispatched. */
    public PendingInteraction newSlashCommand(long channelId, long userId, String name, ArrayNode options) {
        return state.newSlashCommand(channelId, userId, name, options);
    }

    /** Dispatches an interaction as INTERACTION_CREATE to the sessions of its guild's shard. */
    public void dispatchInteraction(PendingInteraction interaction) {
        hub.dispatchGuild(interaction.guildId(), "INTERACTION_CREATE", interaction.payload());
    }

    private static ArrayNode options(Map<String, Object> options) {
        ArrayNode array = Json.array();
        options.forEach((name, value) -> {
            var option = array.addObject().put("name", name);
            if (value instanceof String s) {
                option.put("type", 3).put("value", s);
            } else if (value instanceof Integer || value instanceof Long) {
                option.put("type", 4).put("value", ((Number) value).longValue());
            } else if (value instanceof Boolean b) {
                option.put("type", 5).put("value", b);
            } else if (value instanceof Number n) {
                option.put("type", 10).put("value", n.doubleValue());
            } else {
                throw new IllegalArgumentException("unsupported option value for " + name + ": " + value);
            }
        });
        return array;
    }

    // ---- interactions over HTTP

    /** Signs with the application's key pair, as Discord signs what it POSTs to an interactions endpoint. */
    public InteractionSigner interactionSigner() {
        return new InteractionSigner(state.application().keys(), Clock.systemUTC());
    }

    /** Builds interaction payloads (PING, commands, components, modals) for this application. */
    public InteractionFactory interactionFactory() {
        return new InteractionFactory(state.application().id(), Clock.systemUTC());
    }

    /**
     * A sender that signs with the application's key and records every delivery in
     * {@link Recorded#interactionDeliveries()} (probes included); the answer to an interaction the
     * emulator issued is applied as its initial response.
     */
    public synchronized InteractionSender interactionSender() {
        if (recordingSender == null) {
            recordingSender = new InteractionSender(http(), interactionSigner(), spec, interactionTimeout, httpInteractions);
        }
        return recordingSender;
    }

    /**
     * Delivers an interaction to an HTTP interactions endpoint as Discord does: signed with the
     * application's key, POSTed, the answer checked (status, Content-Type, 3 s deadline, Discord's
     * callback schema, the callback type) and recorded in {@link Recorded#interactionDeliveries()}.
     * When the interaction is one the emulator issued, an acceptable answer becomes its response.
     */
    public InteractionDelivery sendInteraction(URI endpoint, JsonNode interaction) {
        return httpInteractions.send(quietSender(), endpoint, interaction);
    }

    /**
     * A member runs the bot's registered slash command {@code name} in a channel, and Discord
     * delivers it to the bot's HTTP interactions endpoint; the answer is applied as its response
     * (so the bot can then edit {@code @original} or follow up through the webhook routes).
     */
    public InteractionDelivery sendSlashCommand(URI endpoint, long channelId, long userId, String name, Map<String, Object> options) {
        PendingInteraction interaction = state.newSlashCommand(channelId, userId, name, options(options));
        return sendInteraction(endpoint, interaction.payload());
    }

    /**
     * Checks an interactions endpoint as Discord does when its URL is saved: a signed PING must get
     * a PONG, and every {@link io.serverpulse.emulator.interactions.Probe probe} (bad or missing
     * signature, altered body) a 401. Every request is recorded.
     */
    public EndpointCheck.Report checkEndpoint(URI endpoint) {
        return new EndpointCheck(interactionSender(), interactionFactory()).run(endpoint);
    }

    private synchronized InteractionSender quietSender() {
        if (quietSender == null) {
            quietSender = new InteractionSender(http(), interactionSigner(), spec, interactionTimeout);
        }
        return quietSender;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(interactionTimeout).build();
        }
        return http;
    }

    // ---- rate limits

    /** The next {@code times} requests on a route key (see {@link io.serverpulse.emulator.rest.RouteKeys}) or bucket hash get a 429. */
    public void rateLimit(String routeOrBucket, Duration retryAfter, int times) {
        rateLimiter.force(routeOrBucket, retryAfter, times);
    }

    /** The next {@code times} requests on any route get a global 429. */
    public void rateLimitGlobally(Duration retryAfter, int times) {
        rateLimiter.forceGlobal(retryAfter, times);
    }

    private static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return true;
    }

    /** Settings of an emulator. */
    public static final class Builder {
        private final List<Community> communities;
        private long applicationId = DEFAULT_APPLICATION_ID;
        private String botName = "ServerPulse";
        private String token;
        private int privilegedIntents;
        private long botPermissions = Permissions.BOT_DEFAULT;
        private Duration heartbeatInterval = Duration.ofMillis(41_250);
        private int recommendedShards;
        private int maxGuildsPerShard = 2500;
        private int maxReplay = 200_000;
        private Duration resumeWindow = Duration.ofMinutes(3);
        private RateLimiter.Policy defaultRateLimit = new RateLimiter.Policy(50, Duration.ofSeconds(1));
        private final Map<String, RateLimiter.Policy> routeLimits = new java.util.LinkedHashMap<>();
        private final List<RequestBodyValidator> validators = new ArrayList<>();
        private SpecValidator spec;
        private InteractionKeyPair keys;
        private Duration interactionTimeout = Duration.ofSeconds(10);

        private Builder(List<Community> communities) {
            this.communities = List.copyOf(Objects.requireNonNull(communities, "communities"));
        }

        public Builder applicationId(long id) {
            this.applicationId = id;
            return this;
        }

        public Builder botName(String name) {
            this.botName = name;
            return this;
        }

        /** A fixed bot token (default: a random one per emulator). */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** The privileged intents the app is granted (bits of GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT). */
        public Builder grantPrivilegedIntents(int intents) {
            this.privilegedIntents = intents;
            return this;
        }

        /** The permissions of the bot's managed role in every guild. */
        public Builder botPermissions(long permissions) {
            this.botPermissions = permissions;
            return this;
        }

        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        /** The shard count GET /gateway/bot recommends (default: one per 1000 guilds). */
        public Builder recommendedShards(int shards) {
            this.recommendedShards = shards;
            return this;
        }

        /** Over this many guilds on one shard, IDENTIFY is closed with 4011 (Discord: 2500). */
        public Builder maxGuildsPerShard(int max) {
            this.maxGuildsPerShard = max;
            return this;
        }

        /** Dispatches kept per session for RESUME beyond what the client's heartbeat acknowledged. */
        public Builder maxReplay(int max) {
            this.maxReplay = max;
            return this;
        }

        /** How long a disconnected session can still be resumed. */
        public Builder resumeWindow(Duration window) {
            this.resumeWindow = window;
            return this;
        }

        /** The limit of every bucket without its own (default 50 per second). */
        public Builder defaultRateLimit(int limit, Duration window) {
            this.defaultRateLimit = new RateLimiter.Policy(limit, window);
            return this;
        }

        /** The limit of one route key or bucket hash. */
        public Builder rateLimit(String routeOrBucket, int limit, Duration window) {
            this.routeLimits.put(routeOrBucket, new RateLimiter.Policy(limit, window));
            return this;
        }

        /** An extra body validator, run before the built-in ones (Discord's OpenAPI spec, then the bot message limits). */
        public Builder validator(RequestBodyValidator validator) {
            this.validators.add(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        /**
         * The spec validator request bodies are checked with (default {@link SpecValidator#shared()}),
         * e.g. one with other leniencies. Validation itself cannot be switched off.
         */
        public Builder spec(SpecValidator validator) {
            this.spec = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** The application's key pair (default: a random one per emulator), e.g. {@link InteractionKeyPair#fromSeedHex} for a fixed public key. */
        public Builder keyPair(InteractionKeyPair keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * How long an HTTP interaction delivery waits for the endpoint's answer (default 10 s).
         * Discord's own deadline is 3 s: a later answer is recorded, and reported as too late.
         */
        public Builder interactionTimeout(Duration timeout) {
            this.interactionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public DiscordEmulator build() {
            return new DiscordEmulator(this);
        }

        /** Builds and starts. */
        public DiscordEmulator start() {
            return build().start();
        }
    }
}

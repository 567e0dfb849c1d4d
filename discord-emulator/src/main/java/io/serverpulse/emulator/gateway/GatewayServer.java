package io.serverpulse.emulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.state.Application;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.GuildState;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MemberRecord;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway websocket (JSON encoding, no transport compression): HELLO, IDENTIFY (token,
 * intents and shard checked, then READY and one GUILD_CREATE per guild of the shard), heartbeats,
 * RESUME with replay, REQUEST_GUILD_MEMBERS. Binds 127.0.0.1 on a free port.
 */
public final class GatewayServer extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    /** Gateway settings. */
    public record Settings(int heartbeatIntervalMillis, int maxGuildsPerShard, int maxReplay) {
    }

    private static final class Connection {
        private GatewaySession session;
    }

    private final EmulatorState state;
    private final GatewayHub hub;
    private final Settings settings;
    private final CountDownLatch started = new CountDownLatch(1);
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-session-sweeper");
        t.setDaemon(true);
        return t;
    });
    private volatile Exception startFailure;

    public GatewayServer(EmulatorState state, GatewayHub hub, Settings settings) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.state = state;
        this.hub = hub;
        this.settings = settings;
        setReuseAddr(true);
        // Nagle's algorithm off: a dispatch written while the previous one is unacknowledged would
        // otherwise wait for the client's delayed ACK (~10 ms per event when a test plays in lockstep)
        setTcpNoDelay(true);
        setDaemon(true);
    }

    /** Starts the server and waits until it listens. */
    public void startAndWait() throws IOException {
        start();
        try {
            if (!started.await(30, TimeUnit.SECONDS) || startFailure != null) {
                throw new IOException("gateway did not start", startFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the gateway", e);
        }
        sweeper.scheduleWithFixedDelay(hub::expireAbandoned, 5, 5, TimeUnit.SECONDS);
    }

    /** {@code ws://127.0.0.1:PORT} */
    public String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    public void shutdown() {
        sweeper.shutdownNow();
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onStart() {
        setConnectionLostTimeout(60);
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        Map<String, String> query = query(handshake.getResourceDescriptor());
        String version = query.get("v");
        if (version != null && !version.equals("10")) {
            socket.close(CloseCodes.INVALID_API_VERSION, "Invalid API version: this gateway speaks v10");
            return;
        }
        String encoding = query.getOrDefault("encoding", "json");
        if (!encoding.equals("json")) {
            socket.close(CloseCodes.DECODE_ERROR, "Only encoding=json is supported");
            return;
        }
        if (query.containsKey("compress")) {
            socket.close(CloseCodes.UNKNOWN_ERROR, "Transport compression is not supported: connect without compress");
            return;
        }
        socket.setAttachment(new Connection());
        socket.send("{\"op\":" + Opcodes.HELLO + ",\"d\":{\"heartbeat_interval\":" + settings.heartbeatIntervalMillis() + "}}");
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        Connection connection = socket.getAttachment();
        if (connection != null && connection.session != null) {
            connection.session.detach(socket);
            LOG.debug("session {} connection closed: {}", connection.session.id(), code);
        }
    }

    @Override
    public void onError(WebSocket socket, Exception ex) {
        if (socket == null) {
            startFailure = ex;
            started.countDown();
            LOG.error("gateway server failed", ex);
        } else {
            LOG.debug("gateway connection error: {}", ex.toString());
        }
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        Connection connection = socket.getAttachment();
        if (connection == null) {
            return;
        }
        JsonNode payload;
        try {
            payload = Json.parse(text);
        } catch (IOException e) {
            socket.close(CloseCodes.DECODE_ERROR, "Error while decoding payload");
            return;
        }
        if (!payload.isObject() || !payload.path("op").isInt()) {
            socket.close(CloseCodes.DECODE_ERROR, "Error while decoding payload");
            return;
        }
        int op = payload.get("op").asInt();
        JsonNode data = payload.path("d");
        switch (op) {
            case Opcodes.HEARTBEAT -> heartbeat(socket, connection, data);
            case Opcodes.IDENTIFY -> identify(socket, connection, data);
            case Opcodes.RESUME -> resume(socket, connection, data);
            case Opcodes.REQUEST_GUILD_MEMBERS -> requireSession(socket, connection, () -> requestMembers(socket, connection.session, data));
            case Opcodes.PRESENCE_UPDATE, Opcodes.VOICE_STATE_UPDATE, Opcodes.REQUEST_SOUNDBOARD_SOUNDS ->
                    requireSession(socket, connection, () -> LOG.debug("op {} accepted and ignored", op));
            default -> socket.close(CloseCodes.UNKNOWN_OPCODE, "Unknown opcode");
        }
    }

    private void requireSession(WebSocket socket, Connection connection, Runnable action) {
        if (connection.session == null) {
            socket.close(CloseCodes.NOT_AUTHENTICATED, "Not authenticated");
        } else {
            action.run();
        }
    }

    private void heartbeat(WebSocket socket, Connection connection, JsonNode data) {
        if (connection.session != null && data.isIntegralNumber()) {
            connection.session.acknowledged(data.asLong());
        }
        socket.send("{\"op\":" + Opcodes.HEARTBEAT_ACK + "}");
    }

    private void identify(WebSocket socket, Connection connection, JsonNode data) {
        if (connection.session != null) {
            socket.close(CloseCodes.ALREADY_AUTHENTICATED, "Already authenticated");
            return;
        }
        Application app = state.application();
        if (!app.acceptsGatewayToken(Json.text(data, "token"))) {
            socket.close(CloseCodes.AUTHENTICATION_FAILED, "Authentication failed");
            return;
        }
        JsonNode intentsNode = data.path("intents");
        if (!intentsNode.canConvertToInt() || intentsNode.asLong() < 0 || (intentsNode.asInt() & ~Intents.ALL) != 0) {
            socket.close(CloseCodes.INVALID_INTENTS, "Invalid intent(s)");
            return;
        }
        int intents = intentsNode.asInt();
        if ((intents & Intents.PRIVILEGED & ~app.grantedPrivilegedIntents()) != 0) {
            socket.close(CloseCodes.DISALLOWED_INTENTS, "Disallowed intent(s)");
            return;
        }
        Integer shardId = null;
        Integer shardCount = null;
        JsonNode shard = data.path("shard");
        if (!shard.isMissingNode() && !shard.isNull()) {
            if (!shard.isArray() || shard.size() != 2 || !shard.get(0).canConvertToInt() || !shard.get(1).canConvertToInt()) {
                socket.close(CloseCodes.INVALID_SHARD, "Invalid shard");
                return;
            }
            shardId = shard.get(0).asInt();
            shardCount = shard.get(1).asInt();
            if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
                socket.close(CloseCodes.INVALID_SHARD, "Invalid shard");
                return;
            }
        }
        int largeThreshold = Math.max(50, Math.min(250, data.path("large_threshold").asInt(50)));
        GatewaySession session = new GatewaySession(UUID.randomUUID().toString().replace("-", ""), shardId, shardCount,
                intents, largeThreshold, settings.maxReplay());
        boolean identified = state.locked(() -> {
            List<GuildState> guilds = state.guilds().stream().filter(g -> session.owns(g.id())).toList();
            if (guilds.size() > settings.maxGuildsPerShard()) {
                socket.close(CloseCodes.SHARDING_REQUIRED, "Sharding required");
                return false;
            }
            connection.session = session;
            hub.add(session);
            session.attachNew(socket);
            session.dispatch("READY", Json.write(ready(session, guilds)));
            if (session.hasIntent(Intents.GUILDS)) {
                boolean presences = session.hasIntent(Intents.GUILD_PRESENCES);
                for (GuildState guild : guilds) {
                    session.dispatch("GUILD_CREATE",
                            Json.write(state.payloads().guildCreate(guild, presences, session.largeThreshold())));
                }
            }
            return true;
        });
        if (!identified) {
            return;
        }
        LOG.info("session {} identified (shard {}/{}, intents {})", session.id(), session.shardId(), session.shardCount(), intents);
    }

    private ObjectNode ready(GatewaySession session, List<GuildState> guilds) {
        ObjectNode ready = Json.object();
        ready.put("v", 10);
        ready.set("user", state.payloads().selfUser());
        ArrayNode unavailable = ready.putArray("guilds");
        for (GuildState guild : guilds) {
            unavailable.addObject().put("id", Json.id(guild.id())).put("unavailable", true);
        }
        ready.putArray("private_channels");
        ready.putArray("presences");
        ready.putArray("relationships");
        ready.putArray("guild_join_requests");
        ready.put("session_id", session.id());
        ready.put("session_type", "normal");
        ready.put("resume_gateway_url", url());
        if (session.sharded()) {
            ready.putArray("shard").add(session.shardId()).add(session.shardCount());
        }
        ObjectNode application = ready.putObject("application");
        application.put("id", Json.id(state.application().id()));
        application.put("flags", ApplicationFlags.of(state.application().grantedPrivilegedIntents()));
        return ready;
    }

    private void resume(WebSocket socket, Connection connection, JsonNode data) {
        if (connection.session != null) {
            socket.close(CloseCodes.ALREADY_AUTHENTICATED, "Already authenticated");
            return;
        }
        if (!state.application().acceptsGatewayToken(Json.text(data, "token"))) {
            socket.close(CloseCodes.AUTHENTICATION_FAILED, "Authentication failed");
            return;
        }
        String sessionId = Json.text(data, "session_id");
        long seq = data.path("seq").asLong(0);
        boolean resumed = state.locked(() -> {
            GatewaySession session = sessionId == null ? null : hub.session(sessionId).orElse(null);
            if (session == null || !session.resume(socket, seq)) {
                return false;
            }
            connection.session = session;
            return true;
        });
        if (!resumed) {
            LOG.info("resume of session {} refused: sending INVALID_SESSION", sessionId);
            socket.send("{\"op\":" + Opcodes.INVALID_SESSION + ",\"d\":false}");
        }
    }

    private void requestMembers(WebSocket socket, GatewaySession session, JsonNode data) {
        List<Long> guildIds = new ArrayList<>();
        JsonNode guildNode = data.path("guild_id");
        if (guildNode.isArray()) {
            guildNode.forEach(n -> guildIds.add(Long.parseUnsignedLong(n.asText())));
        } else if (!guildNode.isMissingNode() && !guildNode.isNull()) {
            guildIds.add(Long.parseUnsignedLong(guildNode.asText()));
        }
        String query = Json.text(data, "query");
        int limit = data.path("limit").asInt(0);
        List<Long> userIds = new ArrayList<>();
        JsonNode usersNode = data.path("user_ids");
        if (usersNode.isArray()) {
            usersNode.forEach(n -> userIds.add(Long.parseUnsignedLong(n.asText())));
        } else if (!usersNode.isMissingNode() && !usersNode.isNull()) {
            userIds.add(Long.parseUnsignedLong(usersNode.asText()));
        }
        boolean wholeList = userIds.isEmpty() && (query == null || query.isEmpty());
        if (wholeList && !session.hasIntent(Intents.GUILD_MEMBERS)) {
            socket.close(CloseCodes.INVALID_INTENTS, "Requesting the entire member list needs the GUILD_MEMBERS intent");
            return;
        }
        String nonce = Json.text(data, "nonce");
        state.locked(() -> {
            for (Long guildId : guildIds) {
                GuildState guild = state.guild(guildId).filter(g -> session.owns(g.id())).orElse(null);
                if (guild == null) {
                    continue;
                }
                List<MemberRecord> matched = new ArrayList<>();
                List<Long> notFound = new ArrayList<>();
                if (!userIds.isEmpty()) {
                    for (Long userId : userIds.subList(0, Math.min(100, userIds.size()))) {
                        guild.member(userId).ifPresentOrElse(matched::add, () -> notFound.add(userId));
                    }
                } else {
                    String prefix = query == null ? "" : query.toLowerCase(Locale.ROOT);
                    int max = prefix.isEmpty() && limit == 0 ? Integer.MAX_VALUE : Math.min(prefix.isEmpty() ? limit : 100, Math.max(limit, 1));
                    for (MemberRecord member : guild.members()) {
                        if (matched.size() >= max) {
                            break;
                        }
                        if (state.user(member.userId()).username().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                            matched.add(member);
                        }
                    }
                }
                sendChunks(session, guild, matched, notFound, nonce);
            }
        });
    }

    private void sendChunks(GatewaySession session, GuildState guild, List<MemberRecord> members, List<Long> notFound, String nonce) {
        int chunkCount = Math.max(1, (members.size() + 999) / 1000);
        for (int index = 0; index < chunkCount; index++) {
            ObjectNode chunk = Json.object();
            chunk.put("guild_id", Json.id(guild.id()));
            ArrayNode array = chunk.putArray("members");
            for (MemberRecord member : members.subList(index * 1000, Math.min(members.size(), (index + 1) * 1000))) {
                array.add(state.payloads().member(guild, member, true));
            }
            chunk.put("chunk_index", index);
            chunk.put("chunk_count", chunkCount);
            if (!notFound.isEmpty() && index == 0) {
                ArrayNode missing = chunk.putArray("not_found");
                notFound.forEach(id -> missing.add(Json.id(id)));
            }
            if (nonce != null) {
                chunk.put("nonce", nonce);
            }
            session.dispatch("GUILD_MEMBERS_CHUNK", Json.write(chunk));
        }
    }

    private static Map<String, String> query(String resourceDescriptor) {
        Map<String, String> params = new HashMap<>();
        String raw = URI.create(resourceDescriptor == null ? "/" : resourceDescriptor).getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }
}

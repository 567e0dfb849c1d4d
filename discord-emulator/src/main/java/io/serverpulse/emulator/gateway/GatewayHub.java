package io.serverpulse.emulator.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.Json;
import org.java_websocket.WebSocketImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The sessions of the gateway and the fan-out of dispatches to them: a guild's event goes to
 * every session whose shard owns the guild and whose intents cover the event, with message
 * content blanked for sessions without MESSAGE_CONTENT. Dispatching holds the state lock, so
 * events reach every session in the order they happened.
 */
public final class GatewayHub {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayHub.class);

    private final EmulatorState state;
    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
    private final Duration resumeWindow;

    public GatewayHub(EmulatorState state, Duration resumeWindow) {
        this.state = state;
        this.resumeWindow = resumeWindow;
    }

    /** Sessions in the order they were created (newest last), invalidated ones excluded. */
    public List<GatewaySession> sessions() {
        List<GatewaySession> list = new ArrayList<>(sessions.values());
        list.removeIf(GatewaySession::invalidated);
        list.sort((a, b) -> a.id().compareTo(b.id()));
        return list;
    }

    public Optional<GatewaySession> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    void add(GatewaySession session) {
        sessions.put(session.id(), session);
    }

    /** Sends a guild event to the sessions that should get it. */
    public void dispatchGuild(long guildId, String type, ObjectNode data) {
        String json = Json.write(data);
        state.locked(() -> {
            int intent = Intents.requiredFor(type);
            for (GatewaySession session : sessions.values()) {
                if (session.owns(guildId) && session.hasIntent(intent)) {
                    session.dispatch(type, json);
                }
            }
        });
    }

    /**
     * Sends a guild event whose message content only sessions with MESSAGE_CONTENT may see;
     * the others get {@code redacted} (same event, content fields empty).
     */
    public void dispatchGuildContent(long guildId, String type, ObjectNode full, ObjectNode redacted) {
        String fullJson = Json.write(full);
        String redactedJson = redacted == null ? fullJson : Json.write(redacted);
        state.locked(() -> {
            int intent = Intents.requiredFor(type);
            for (GatewaySession session : sessions.values()) {
                if (session.owns(guildId) && session.hasIntent(intent)) {
                    session.dispatch(type, session.hasIntent(Intents.MESSAGE_CONTENT) ? fullJson : redactedJson);
                }
            }
        });
    }

    /** The largest number of frames waiting to be written to any live connection. */
    public int maxBacklog() {
        int max = 0;
        for (GatewaySession session : sessions.values()) {
            max = Math.max(max, session.backlog());
        }
        return max;
    }

    /** Waits until every connected session has had all its dispatches written to its socket. */
    public boolean awaitDelivered(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (maxBacklog() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return true;
    }

    /** Drops the session's TCP connection without a close frame, as a network failure would. */
    public void forceDisconnect(String sessionId) {
        GatewaySession session = require(sessionId);
        session.connection().ifPresent(socket -> {
            LOG.info("forcing disconnect of session {}", sessionId);
            // shut the TCP connection down at once (FIN, no close frame); a plain close of a channel
            // registered with the server's selector is deferred until the selector next wakes up
            if (socket instanceof WebSocketImpl impl && impl.getChannel() instanceof SocketChannel channel) {
                try {
                    channel.shutdownOutput();
                    channel.shutdownInput();
                    return;
                } catch (IOException e) {
                    LOG.debug("shutdown of session {}'s socket failed, closing it: {}", sessionId, e.toString());
                }
            }
            socket.closeConnection(1006, "forced disconnect");
        });
    }

    /** Sends op 7 RECONNECT: the client should reconnect and resume. */
    public void sendReconnect(String sessionId) {
        require(sessionId).sendControl("{\"op\":" + Opcodes.RECONNECT + ",\"d\":null}");
    }

    /** Sends op 9 INVALID_SESSION; unless {@code resumable}, the session is dropped and must identify anew. */
    public void invalidateSession(String sessionId, boolean resumable) {
        GatewaySession session = require(sessionId);
        state.locked(() -> {
            session.sendControl("{\"op\":" + Opcodes.INVALID_SESSION + ",\"d\":" + resumable + "}");
            if (!resumable) {
                session.invalidate();
                sessions.remove(sessionId);
            }
        });
    }

    /** Forgets sessions whose client has been away longer than the resume window. */
    void expireAbandoned() {
        long window = resumeWindow.toNanos();
        sessions.values().removeIf(s -> s.invalidated() || s.disconnectedForNanos() > window);
    }

    private GatewaySession require(String sessionId) {
        GatewaySession session = sessions.get(sessionId);
        if (session == null) {
            throw new IllegalArgumentException("no gateway session " + sessionId);
        }
        return session;
    }
}

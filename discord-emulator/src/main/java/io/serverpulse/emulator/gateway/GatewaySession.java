package io.serverpulse.emulator.gateway;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * One identified gateway session: its shard and intents, its sequence numbers, and the dispatches
 * sent so far (kept for RESUME until the client's heartbeat acknowledges them, or until the
 * replay buffer is full). It outlives its connection: dispatches that happen while the client is
 * away are buffered and replayed when it resumes.
 */
public final class GatewaySession {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);

    private record Frame(long seq, String text) {
    }

    private final String id;
    private final int shardId;
    private final int shardCount;
    private final boolean sharded;
    private final int intents;
    private final int largeThreshold;
    private final int maxReplay;
    private final Deque<Frame> replay = new ArrayDeque<>();
    private WebSocket connection;
    private boolean live;
    private boolean invalidated;
    private long seq;
    private long disconnectedAtNanos;
    private long framesSent;

    GatewaySession(String id, Integer shardId, Integer shardCount, int intents, int largeThreshold, int maxReplay) {
        this.id = id;
        this.sharded = shardId != null;
        this.shardId = sharded ? shardId : 0;
        this.shardCount = sharded ? shardCount : 1;
        this.intents = intents;
        this.largeThreshold = largeThreshold;
        this.maxReplay = maxReplay;
        this.disconnectedAtNanos = System.nanoTime();
    }

    public String id() {
        return id;
    }

    /** The shard id, 0 when the client did not shard. */
    public int shardId() {
        return shardId;
    }

    /** The shard count, 1 when the client did not shard. */
    public int shardCount() {
        return shardCount;
    }

    public boolean sharded() {
        return sharded;
    }

    public int intents() {
        return intents;
    }

    int largeThreshold() {
        return largeThreshold;
    }

    /** Whether this session receives the guild's events: it is unsharded or the guild is on its shard. */
    public boolean owns(long guildId) {
        return !sharded || Shards.shardOf(guildId, shardCount) == shardId;
    }

    public boolean hasIntent(int intent) {
        return Intents.has(intents, intent);
    }

    /** The last sequence number dispatched to this session. */
    public synchronized long sequence() {
        return seq;
    }

    /** Whether a client is connected to this session right now and receiving dispatches. */
    public synchronized boolean connected() {
        return live && connection != null && connection.isOpen();
    }

    public synchronized boolean invalidated() {
        return invalidated;
    }

    /** Dispatches written to a connection so far (replays included). */
    public synchronized long framesSent() {
        return framesSent;
    }

    synchronized void attachNew(WebSocket socket) {
        this.connection = socket;
        this.live = true;
    }

    /** Sends a dispatch: it gets the next sequence number and is kept for RESUME. */
    synchronized void dispatch(String type, String dataJson) {
        if (invalidated) {
            return;
        }
        long s = ++seq;
        String text = "{\"op\":0,\"s\":" + s + ",\"t\":\"" + type + "\",\"d\":" + dataJson + "}";
        replay.addLast(new Frame(s, text));
        while (replay.size() > maxReplay) {
            replay.removeFirst();
        }
        if (live && connection != null) {
            send(connection, text);
        }
    }

    /** Sends a non-dispatch payload (op 7, op 9, op 11) on the current connection, if any. */
    synchronized void sendControl(String text) {
        if (connection != null) {
            send(connection, text);
        }
    }

    /**
     * Resumes on {@code socket} from the client's last seen {@code clientSeq}: replays every later
     * dispatch, then RESUMED. False when the session cannot be resumed (invalidated, or the
     * dispatches after {@code clientSeq} are no longer buffered).
     */
    synchronized boolean resume(WebSocket socket, long clientSeq) {
        if (invalidated || clientSeq > seq || clientSeq < 0) {
            return false;
        }
        if (clientSeq < seq) {
            Frame first = replay.peekFirst();
            if (first == null || first.seq() > clientSeq + 1) {
                return false;
            }
        }
        WebSocket previous = connection;
        connection = socket;
        live = true;
        if (previous != null && previous != socket && previous.isOpen()) {
            previous.close(CloseCodes.UNKNOWN_ERROR, "Session resumed on another connection");
        }
        int replayed = 0;
        for (Frame frame : replay) {
            if (frame.seq() > clientSeq) {
                send(socket, frame.text());
                replayed++;
            }
        }
        LOG.debug("session {} resumed from seq {}: {} dispatches replayed", id, clientSeq, replayed);
        dispatch("RESUMED", "{}");
        return true;
    }

    /** Drops buffered dispatches the client has acknowledged with a heartbeat. */
    synchronized void acknowledged(long clientSeq) {
        while (!replay.isEmpty() && replay.peekFirst().seq() <= clientSeq) {
            replay.removeFirst();
        }
    }

    synchronized void detach(WebSocket socket) {
        if (connection == socket) {
            connection = null;
            live = false;
            disconnectedAtNanos = System.nanoTime();
        }
    }

    synchronized void invalidate() {
        invalidated = true;
        replay.clear();
    }

    synchronized Optional<WebSocket> connection() {
        return Optional.ofNullable(connection);
    }

    /** Nanos since the client went away, or 0 while connected. */
    synchronized long disconnectedForNanos() {
        return connection != null ? 0 : System.nanoTime() - disconnectedAtNanos;
    }

    /** Frames queued in the server for this session's connection but not yet written to its socket. */
    synchronized int backlog() {
        if (!live || connection == null) {
            return 0;
        }
        return connection instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
    }

    private void send(WebSocket socket, String text) {
        try {
            socket.send(text);
            framesSent++;
        } catch (WebsocketNotConnectedException e) {
            LOG.debug("session {}: connection gone while sending", id);
            if (socket == connection) {
                live = false;
            }
        }
    }
}

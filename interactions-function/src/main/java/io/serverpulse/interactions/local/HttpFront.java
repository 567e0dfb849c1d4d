package io.serverpulse.interactions.local;

import io.serverpulse.interactions.http.BurstLog;
import io.serverpulse.interactions.http.EndpointResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local server's HTTP/1.1 front: one thread with a selector accepts connections, reads requests without
 * blocking and writes answers. No connection ever holds a thread while its bytes trickle in: a request is handed
 * to the {@link Handler} only once it has arrived whole, so slow or silent clients cannot take a thread that
 * signed requests need. Each connection must deliver its request within {@link FrontLimits#requestDeadline()}
 * or is closed; connections are bounded per remote address and in all (a new one beyond a bound is closed at
 * once). Refusals and deadline closes are logged once per burst ({@link BurstLog}), never once per connection.
 * TCP_NODELAY is set on every connection (without it each keep-alive answer waits ~40 ms for a delayed ACK).
 */
final class HttpFront implements AutoCloseable {

    /** Receives whole requests on the front's thread: must return at once and call {@code reply} exactly once, from any thread. */
    @FunctionalInterface
    interface Handler {
        void handle(Request request, Consumer<EndpointResponse> reply);
    }

    /** A request as it arrived; {@code startedNanos} is when its first byte did ({@link System#nanoTime()}). */
    record Request(String method, String target, Map<String, String> headers, byte[] body, InetAddress from,
                   long startedNanos) {
    }

    private enum State { READING, HANDLING, WRITING, IDLE }

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    private static final long SWEEP_NANOS = 20_000_000L;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ServerSocketChannel server;
    private final Selector selector;
    private final FrontLimits limits;
    private final Handler handler;
    private final Thread thread;
    private final List<Connection> connections = new ArrayList<>();
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private final Queue<Runnable> fromOtherThreads = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
    private final BurstLog overAddressLimit = new BurstLog(LOG, "connections refused: too many open from one address");
    private final BurstLog overTotalLimit = new BurstLog(LOG, "connections refused: the connection limit is reached");
    private final BurstLog deadlineCloses = new BurstLog(LOG, "connections closed: request not complete within the deadline");
    private final List<BurstLog> extraLogs;
    private volatile boolean open = true;
    private long nextSweep;

    private HttpFront(ServerSocketChannel server, Selector selector, FrontLimits limits, Handler handler, List<BurstLog> extraLogs) {
        this.server = server;
        this.selector = selector;
        this.limits = limits;
        this.handler = handler;
        this.extraLogs = List.copyOf(extraLogs);
        // not a daemon: while the front serves, the process runs (every other thread of the server is a daemon)
        this.thread = new Thread(this::run, "interactions-http");
    }

    /**
     * Listens on {@code address} and serves until closed.
     *
     * @param extraLogs other burst logs to tick on the front's clock (the lanes' "busy" logs)
     */
    static HttpFront open(InetSocketAddress address, FrontLimits limits, Handler handler, List<BurstLog> extraLogs) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, 1024);
            server.configureBlocking(false);
            Selector selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            HttpFront front = new HttpFront(server, selector, limits, handler, extraLogs);
            front.thread.start();
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + address, e);
        }
    }

    InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        while (open) {
            try {
                selector.select(this::ready, 50);
                Runnable task;
                while ((task = fromOtherThreads.poll()) != null) {
                    task.run();
                }
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + SWEEP_NANOS;
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("HTTP front: {}", e.toString());
            }
        }
    }

    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isReadable()) {
                connection.read();
            } else if (key.isWritable()) {
                connection.write();
            }
        } catch (IOException e) {
            LOG.debug("connection from {} ended: {}", connection.from.getHostAddress(), e.toString());
            connection.close();
        } catch (RuntimeException e) {
            LOG.error("HTTP front failed on a connection from {}", connection.from.getHostAddress(), e);
            connection.abort();
        }
    }

    private void accept() {
        SocketChannel channel;
        while (true) {
            try {
                channel = server.accept();
            } catch (IOException e) {
                LOG.debug("accept failed: {}", e.toString());
                return;
            }
            if (channel == null) {
                return;
            }
            InetAddress from = remote(channel);
            if (connections.size() >= limits.maxConnections()) {
                overTotalLimit.record(limits.maxConnections() + " open");
                quietly(channel);
                continue;
            }
            int fromThere = perAddress.getOrDefault(from, 0);
            if (fromThere >= limits.maxPerAddress()) {
                overAddressLimit.record(from.getHostAddress() + " has " + fromThere + " open");
                quietly(channel);
                continue;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Connection connection = new Connection(channel, from);
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                connections.add(connection);
                perAddress.merge(from, 1, Integer::sum);
            } catch (IOException e) {
                quietly(channel);
            }
        }
    }

    private void sweep(long now) {
        for (Connection connection : new ArrayList<>(connections)) {
            if (now - connection.deadline >= 0) {
                if (connection.state == State.READING) {
                    deadlineCloses.record(connection.from.getHostAddress());
                }
                connection.abort();
            }
        }
        overAddressLimit.tick();
        overTotalLimit.tick();
        deadlineCloses.tick();
        extraLogs.forEach(BurstLog::tick);
    }

    @Override
    public void close() {
        open = false;
        fromOtherThreads.add(() -> new ArrayList<>(connections).forEach(Connection::abort));
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            selector.close();
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the front: {}", e.toString());
        }
    }

    private static InetAddress remote(SocketChannel channel) {
        try {
            return ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
        } catch (IOException | RuntimeException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    /** Closes with a reset (SO_LINGER 0): for connections refused or past their deadline, nothing is owed to them. */
    private static void quietly(SocketChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
        closeChannel(channel);
    }

    private static void closeChannel(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** One client connection; touched only on the front's thread. */
    private final class Connection {
        private final SocketChannel channel;
        private final InetAddress from;
        private final RequestReader reader;
        private SelectionKey key;
        private State state = State.READING;
        private long deadline;
        private long requestStarted;
        private ByteBuffer out;
        private boolean closeAfterWrite;
        private boolean closed;

        Connection(SocketChannel channel, InetAddress from) {
            this.channel = channel;
            this.from = from;
            this.reader = new RequestReader(limits.maxBody(), limits.swallowBody());
            this.requestStarted = System.nanoTime();
            this.deadline = requestStarted + limits.requestDeadline().toNanos();
        }

        void read() throws IOException {
            readBuffer.clear();
            int read = channel.read(readBuffer);
            if (read < 0) {
                close();
                return;
            }
            if (read == 0) {
                return;
            }
            if (state == State.IDLE) {
                state = State.READING;
                requestStarted = System.nanoTime();
                deadline = requestStarted + limits.requestDeadline().toNanos();
            }
            readBuffer.flip();
            reader.add(readBuffer);
            process();
        }

        private void process() throws IOException {
            if (state != State.READING) {
                return;
            }
            RequestReader.Outcome outcome = reader.next();
            if (reader.wantsContinue()) {
                channel.write(ByteBuffer.wrap(CONTINUE));
                reader.continueSent();
            }
            if (outcome == null) {
                return;
            }
            if (outcome instanceof RequestReader.Refused refused) {
                respond(EndpointResponse.error(refused.status(), refused.reason()), refused.keepAlive(), false);
                return;
            }
            RequestReader.Complete request = (RequestReader.Complete) outcome;
            state = State.HANDLING;
            key.interestOps(0);
            deadline = System.nanoTime() + limits.handlingDeadline().toNanos();
            boolean keepAlive = request.keepAlive();
            boolean head = request.method().equals("HEAD");
            handler.handle(new Request(request.method(), request.target(), request.headers(), request.body(), from, requestStarted),
                    response -> {
                        fromOtherThreads.add(() -> {
                            if (!closed && state == State.HANDLING) {
                                respond(response, keepAlive, head);
                            }
                        });
                        selector.wakeup();
                    });
        }

        private void respond(EndpointResponse response, boolean keepAlive, boolean head) {
            out = Responses.encode(response, keepAlive, head);
            closeAfterWrite = !keepAlive;
            state = State.WRITING;
            deadline = System.nanoTime() + limits.writeDeadline().toNanos();
            try {
                write();
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        void write() throws IOException {
            channel.write(out);
            if (out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            out = null;
            if (closeAfterWrite) {
                close();
                return;
            }
            key.interestOps(SelectionKey.OP_READ);
            if (reader.started()) {
                state = State.READING;
                requestStarted = System.nanoTime();
                deadline = requestStarted + limits.requestDeadline().toNanos();
                process();
            } else {
                state = State.IDLE;
                deadline = System.nanoTime() + limits.keepAlive().toNanos();
            }
        }

        /** After an answer, or when the client went away: an orderly close. */
        void close() {
            if (forget()) {
                closeChannel(channel);
            }
        }

        /** Past a deadline, or the server is stopping: a reset. */
        void abort() {
            if (forget()) {
                quietly(channel);
            }
        }

        private boolean forget() {
            if (closed) {
                return false;
            }
            closed = true;
            connections.remove(this);
            perAddress.computeIfPresent(from, (address, count) -> count > 1 ? count - 1 : null);
            if (key != null) {
                key.cancel();
            }
            return true;
        }
    }
}

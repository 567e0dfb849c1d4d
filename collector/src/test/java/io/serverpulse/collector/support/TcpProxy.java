package io.serverpulse.collector.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of a MongoDB server, which a test can break in two ways:
 * {@link #cut()} (every connection is dropped and new ones are closed at once: the database is
 * down) and {@link #swallowWriteReplies()} (every {@code update} command still reaches the server,
 * but its answer is thrown away: a write that succeeded and timed out for the client; reads and
 * handshakes are answered normally). {@link #restore()} heals it. It forwards whole wire-protocol
 * messages (each starts with its int32 length), so it can tell an {@code update} from a
 * {@code find} by the first key of the OP_MSG body and match answers by {@code responseTo}.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { OPEN, CUT, SWALLOW }

    private final int targetPort;
    private final ServerSocket server;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final AtomicLong swallowedBytes = new AtomicLong();
    private volatile Mode mode = Mode.OPEN;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "tcp-proxy-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The server is unreachable: open connections break, new ones are closed. */
    public void cut() {
        mode = Mode.CUT;
        links.forEach(Link::close);
    }

    /** Writes go through, their answers are dropped (the client times out after the server did the work). */
    public void swallowWriteReplies() {
        mode = Mode.SWALLOW;
    }

    /** Back to normal; connections that lost answers are closed (their byte streams are out of step). */
    public void restore() {
        mode = Mode.OPEN;
        links.stream().filter(link -> link.poisoned).forEach(Link::close);
    }

    /** Bytes of write answers thrown away while swallowing. */
    public long swallowedBytes() {
        return swallowedBytes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (mode == Mode.CUT) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
                Link link = new Link(client, upstream);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** One whole wire-protocol message (its int32 little-endian length included), or null at the end of the stream. */
    static byte[] readMessage(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            return null;
        }
        int length = intAt(head, 0);
        if (length < 16 || length > 48 * 1024 * 1024) {
            throw new IOException("not a MongoDB wire message (length " + length + ")");
        }
        byte[] message = new byte[length];
        System.arraycopy(head, 0, message, 0, 4);
        if (in.readNBytes(message, 4, length - 4) < length - 4) {
            return null;
        }
        return message;
    }

    /** The command of an OP_MSG request: the first key of its body section; null for anything else. */
    static String commandName(byte[] message) {
        if (intAt(message, 12) != 2013) {
            return null;
        }
        int at = 20; // header (16) + flagBits (4)
        while (at < message.length) {
            int kind = message[at];
            if (kind == 0) {
                int key = at + 1 + 4 + 1; // kind, document length, element type
                int end = key;
                while (end < message.length && message[end] != 0) {
                    end++;
                }
                return new String(message, key, end - key, java.nio.charset.StandardCharsets.UTF_8);
            }
            at += 1 + intAt(message, at + 1); // a kind-1 section: its size counts itself
        }
        return null;
    }

    static int intAt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
    }

    @Override
    public void close() throws IOException {
        server.close();
        links.forEach(Link::close);
    }

    private final class Link {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean poisoned;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        private final java.util.Set<Integer> swallowed = java.util.concurrent.ConcurrentHashMap.newKeySet();

        void start() throws IOException {
            pump(client.getInputStream(), upstream.getOutputStream(), false, "tcp-proxy-up");
            pump(upstream.getInputStream(), client.getOutputStream(), true, "tcp-proxy-down");
        }

        private void pump(InputStream in, OutputStream out, boolean replies, String name) {
            Thread thread = new Thread(() -> {
                try {
                    byte[] message;
                    while ((message = readMessage(in)) != null) {
                        if (!replies && mode == Mode.SWALLOW && "update".equals(commandName(message))) {
                            swallowed.add(intAt(message, 4));
                        }
                        if (replies && swallowed.remove(intAt(message, 8))) {
                            poisoned = true;
                            swallowedBytes.addAndGet(message.length);
                            continue;
                        }
                        out.write(message);
                        out.flush();
                    }
                } catch (IOException e) {
                    // a side closed: close both
                } finally {
                    close();
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            links.remove(this);
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                upstream.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

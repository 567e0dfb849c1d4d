package io.serverpulse.interactions.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded flood of clients that never finish a request, as an attacker without the key would send, on
 * loopback only: each connects from one of several loopback source addresses (127.0.0.2, 127.0.0.3, … — all of
 * 127/8 is loopback on Linux), then misbehaves in one way. Each records when the server closed it.
 * {@link #close()} ends the flood (connections still open are closed).
 */
public final class SlowClients implements AutoCloseable {

    /** How a client misbehaves. */
    public enum Kind {
        /** Sends the request line and headers one byte every 200 ms. */
        SLOW_HEADERS,
        /** Sends complete headers announcing a 1,000-byte body, then one body byte every 200 ms. */
        SLOW_BODY,
        /** Connects and sends nothing. */
        SILENT
    }

    /** One client: when it connected, and when it saw the server close (0 while open; -1 if refused at once). */
    public static final class Client {
        public final Kind kind;
        public final InetAddress from;
        volatile long connectedAt;
        volatile long closedAt;

        Client(Kind kind, InetAddress from) {
            this.kind = kind;
            this.from = from;
        }

        public boolean closedByServer() {
            return closedAt != 0;
        }

        /** How long the server kept it open. */
        public Duration heldFor() {
            return Duration.ofNanos(closedAt - connectedAt);
        }
    }

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /**
     * Opens {@code count} clients of {@code kind} against {@code endpoint}, {@code perAddress} from each source
     * address, starting with 127.0.0.{@code firstAddress}.
     */
    public SlowClients open(URI endpoint, Kind kind, int count, int perAddress, int firstAddress) throws IOException {
        for (int i = 0; i < count; i++) {
            InetAddress from = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (firstAddress + i / perAddress)});
            Client client = new Client(kind, from);
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(from, 0));
            clients.add(client);
            sockets.add(socket);
            client.connectedAt = System.nanoTime();
            try {
                socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
            } catch (IOException refusedAtOnce) {
                // the server accepted and reset the connection before connect returned: refused over a limit
                client.closedAt = System.nanoTime();
                continue;
            }
            start(client, socket, endpoint);
        }
        return this;
    }

    public List<Client> clients() {
        return List.copyOf(clients);
    }

    private void start(Client client, Socket socket, URI endpoint) throws IOException {
        InputStream in = socket.getInputStream();
        Thread reader = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // the server answers nothing to an incomplete request; any byte is read past
                }
            } catch (IOException e) {
                // reset by the server: closed too
            }
            if (!stopped.get()) {
                client.closedAt = System.nanoTime();
            }
        }, "slow-client-read");
        reader.setDaemon(true);
        reader.start();
        if (client.kind == Kind.SILENT) {
            return;
        }
        OutputStream out = socket.getOutputStream();
        String head = "POST " + endpoint.getPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + "\r\nContent-Type: application/json\r\n"
                + "X-Signature-Ed25519: " + "00".repeat(64) + "\r\nX-Signature-Timestamp: 1700000000\r\nContent-Length: 1000\r\n\r\n";
        byte[] bytes = head.getBytes(StandardCharsets.US_ASCII);
        Thread writer = new Thread(() -> {
            try {
                if (client.kind == Kind.SLOW_BODY) {
                    out.write(bytes);
                    out.flush();
                    while (!stopped.get() && client.closedAt == 0) {
                        out.write('{');
                        out.flush();
                        Thread.sleep(200);
                    }
                } else {
                    for (int i = 0; i < bytes.length && !stopped.get() && client.closedAt == 0; i++) {
                        out.write(bytes[i]);
                        out.flush();
                        Thread.sleep(200);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // closed by the server, or the flood ends
            }
        }, "slow-client-write");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void close() {
        stopped.set(true);
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // ending the flood anyway
            }
        }
    }
}

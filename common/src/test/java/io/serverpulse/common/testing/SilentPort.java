package io.serverpulse.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback port that accepts connections and never answers: what a provider that hangs looks
 * like to a client. Connections are held open until {@link #close()}.
 */
public final class SilentPort implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    public SilentPort() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    held.add(socket.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-port");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A base URL on this port, e.g. {@code http://127.0.0.1:41234/v1/}. */
    public String baseUrl(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** How many connections it accepted. */
    public int accepted() {
        return held.size();
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

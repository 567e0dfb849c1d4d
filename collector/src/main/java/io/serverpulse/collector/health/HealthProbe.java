package io.serverpulse.collector.health;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The container health check, for images without curl:
 * {@code java -cp /app/serverpulse-collector.jar io.serverpulse.collector.health.HealthProbe}. It asks the
 * running collector's {@code GET /health} (where {@code COLLECTOR_HEALTH_PORT} and {@code COLLECTOR_HEALTH_BIND}
 * say, loopback when bound to every interface), prints the answer in one line and exits 0 when ready,
 * 1 when not ready or nothing answers within {@link #TIMEOUT_MILLIS}. One plain HTTP/1.1 request over a
 * socket: nothing else is loaded, so the probe's JVM starts and ends quickly.
 */
public final class HealthProbe {

    public static final int READY = 0;
    public static final int NOT_READY = 1;
    static final int TIMEOUT_MILLIS = 5_000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = probe(EnvSource.fromEnvironment(), System.out);
        } catch (ConfigException e) {
            System.out.println(e.getMessage());
            status = NOT_READY;
        }
        System.exit(status);
    }

    /** Asks once; prints one line on {@code out}; returns the exit status. */
    public static int probe(EnvSource env, PrintStream out) {
        return probe(env, out, TIMEOUT_MILLIS);
    }

    static int probe(EnvSource env, PrintStream out, int timeoutMillis) {
        Optional<InetSocketAddress> address = HealthSettings.load(env).probeAddress();
        if (address.isEmpty()) {
            out.println("not ready: " + HealthSettings.PORT + " is not set, so the collector has no health endpoint");
            return NOT_READY;
        }
        InetSocketAddress at = address.get();
        String where = at.getAddress().getHostAddress() + ":" + at.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(at, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + HealthServer.PATH + " HTTP/1.1\r\nHost: " + where + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            String response = read(socket.getInputStream());
            String statusLine = response.lines().findFirst().orElse("");
            int body = response.indexOf("\r\n\r\n");
            String text = body < 0 ? "" : response.substring(body + 4).strip().lines().findFirst().orElse("");
            boolean ready = statusLine.matches("HTTP/1\\.[01] 200( .*)?");
            out.println(text.isEmpty() ? "not ready: unexpected answer from " + where + ": " + statusLine : text);
            return ready ? READY : NOT_READY;
        } catch (SocketTimeoutException e) {
            out.println("not ready: no answer from " + where + " within " + timeoutMillis + " ms");
        } catch (IOException e) {
            out.println("not ready: nothing answers on " + where + " (" + e.getClass().getSimpleName() + ")");
        }
        return NOT_READY;
    }

    /** The whole answer (a few hundred bytes at most; more is not read). */
    private static String read(InputStream in) throws IOException {
        byte[] answer = in.readNBytes(4096);
        return new String(answer, StandardCharsets.UTF_8);
    }
}

package io.serverpulse.collector.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.testing.SilentPort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container health check's command: one line printed, exit status 0 only when the collector is ready. */
class HealthProbeTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int probe(Map<String, String> env) {
        return HealthProbe.probe(EnvSource.of(env), new PrintStream(printed, true, StandardCharsets.UTF_8), 1_000);
    }

    private String line() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> port(int port) {
        return Map.of("COLLECTOR_HEALTH_PORT", String.valueOf(port));
    }

    @Test
    void aReadyCollectorIsStatus0() throws Exception {
        // GIVEN a ready collector's endpoint
        try (HealthServer server = HealthServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            server.serve(() -> Readiness.READY);

            // WHEN the probe asks / THEN exit 0 and "ready"
            assertThat(probe(port(server.address().getPort()))).isEqualTo(HealthProbe.READY);
            assertThat(line()).isEqualTo("ready" + System.lineSeparator());
        }
    }

    @Test
    void aCollectorThatIsNotReadyIsStatus1WithItsReason() throws Exception {
        // GIVEN an endpoint bound to every interface, whose collector has a failed write
        try (HealthServer server = HealthServer.start(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0))) {
            server.serve(() -> new Readiness(false, "the last metric write failed, retrying (last success: none)"));

            // WHEN the probe asks (over loopback) / THEN exit 1 and the reason
            int status = probe(Map.of("COLLECTOR_HEALTH_PORT", String.valueOf(server.address().getPort()),
                    "COLLECTOR_HEALTH_BIND", "0.0.0.0"));
            assertThat(status).isEqualTo(HealthProbe.NOT_READY);
            assertThat(line()).isEqualTo("not ready: the last metric write failed, retrying (last success: none)" + System.lineSeparator());
        }
    }

    @Test
    void nothingListeningIsStatus1() throws Exception {
        // GIVEN a port nobody listens on
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // WHEN / THEN exit 1, saying nothing answers there
        assertThat(probe(port(port))).isEqualTo(HealthProbe.NOT_READY);
        assertThat(line()).isEqualTo("not ready: nothing answers on 127.0.0.1:" + port + " (ConnectException)" + System.lineSeparator());
    }

    @Test
    void aHungCollectorIsStatus1AfterTheTimeout() {
        // GIVEN a port that accepts and never answers (a collector stuck in a pause)
        try (SilentPort silent = new SilentPort()) {
            int port = URI.create(silent.baseUrl("/")).getPort();

            // WHEN / THEN exit 1 once the timeout passed
            assertThat(probe(port(port))).isEqualTo(HealthProbe.NOT_READY);
            assertThat(line()).isEqualTo("not ready: no answer from 127.0.0.1:" + port + " within 1000 ms" + System.lineSeparator());
        }
    }

    @Test
    void withoutThePortItSaysTheEndpointIsOff() {
        // GIVEN / WHEN no COLLECTOR_HEALTH_PORT / THEN exit 1 naming the variable
        assertThat(probe(Map.of())).isEqualTo(HealthProbe.NOT_READY);
        assertThat(line()).isEqualTo("not ready: COLLECTOR_HEALTH_PORT is not set, so the collector has no health endpoint"
                + System.lineSeparator());
    }
}

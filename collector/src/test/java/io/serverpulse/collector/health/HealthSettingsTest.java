package io.serverpulse.collector.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** COLLECTOR_HEALTH_PORT and COLLECTOR_HEALTH_BIND as an operator writes them. */
class HealthSettingsTest {

    private static HealthSettings load(Map<String, String> values) {
        return HealthSettings.load(EnvSource.of(values));
    }

    @Test
    void withoutAPortThereIsNoEndpoint() {
        // GIVEN / WHEN no COLLECTOR_HEALTH_PORT / THEN nothing listens
        HealthSettings settings = load(Map.of());
        assertThat(settings.address()).isEmpty();
        assertThat(settings.open()).isEmpty();
    }

    @Test
    void theEndpointListensOnLoopbackUnlessToldOtherwise() throws Exception {
        // GIVEN a port only, then a port on every interface
        HealthSettings loopback = load(Map.of("COLLECTOR_HEALTH_PORT", "8081"));
        HealthSettings everywhere = load(Map.of("COLLECTOR_HEALTH_PORT", "8081", "COLLECTOR_HEALTH_BIND", "0.0.0.0"));

        // THEN 127.0.0.1 by default; 0.0.0.0 when configured, which the probe asks over loopback
        assertThat(loopback.address()).hasValue(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8081));
        assertThat(everywhere.address()).hasValue(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8081));
        assertThat(everywhere.probeAddress()).hasValue(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8081));
        assertThat(loopback.probeAddress()).isEqualTo(loopback.address());
    }

    @Test
    void malformedValuesAreOneLineNamingTheVariable() {
        // GIVEN / WHEN / THEN each mistake names its variable and what is expected
        assertThatThrownBy(() -> load(Map.of("COLLECTOR_HEALTH_PORT", "health")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid COLLECTOR_HEALTH_PORT=health: expected a whole number from 1 to 65535");
        assertThatThrownBy(() -> load(Map.of("COLLECTOR_HEALTH_PORT", "0")))
                .hasMessage("Invalid COLLECTOR_HEALTH_PORT=0: expected a whole number from 1 to 65535");
        assertThatThrownBy(() -> load(Map.of("COLLECTOR_HEALTH_PORT", "8081", "COLLECTOR_HEALTH_BIND", "localhost")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid COLLECTOR_HEALTH_BIND=localhost: expected an IP address such as 127.0.0.1 or 0.0.0.0");
    }

    @Test
    void aPortInUseIsOneLineNamingTheVariable() throws Exception {
        // GIVEN a port another process listens on
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            // WHEN the endpoint opens there / THEN one line naming the variable and the reason
            assertThatThrownBy(() -> load(Map.of("COLLECTOR_HEALTH_PORT", String.valueOf(port))).open())
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Invalid COLLECTOR_HEALTH_PORT=" + port + ": cannot listen on 127.0.0.1:" + port + " (the port is in use)");
        }
    }

    @Test
    void openedItAnswersStarting() throws Exception {
        // GIVEN a free port
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        // WHEN the endpoint opens there
        Optional<HealthServer> server = load(Map.of("COLLECTOR_HEALTH_PORT", String.valueOf(port))).open();
        try {
            // THEN it listens on loopback, on that port
            assertThat(server).isPresent();
            assertThat(server.get().address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.get().address().getPort()).isEqualTo(port);
        } finally {
            server.ifPresent(HealthServer::close);
        }
    }
}

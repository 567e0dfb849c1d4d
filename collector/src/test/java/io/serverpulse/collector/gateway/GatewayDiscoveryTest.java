package io.serverpulse.collector.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Before JDA starts, the REST base is asked where its gateway is: a wrong DISCORD_API_BASE_URL is one line naming it. */
class GatewayDiscoveryTest {

    @Test
    void theEmulatorNamesItsGateway() {
        // GIVEN the emulator / WHEN asked / THEN its gateway URL
        try (DiscordEmulator discord = TestBots.emulator(Scenarios.small(1))) {
            assertThat(Gateway.discoverGateway(discord.restBaseUrl())).isEqualTo(discord.gatewayUrl());
        }
    }

    @Test
    void aBaseUrlNothingListensOnIsNamedWithTheReason() throws IOException {
        // GIVEN a port that was free a moment ago
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/api/v10/";

        // WHEN / THEN one line naming the variable, its value and why, never a null message
        assertThatThrownBy(() -> Gateway.discoverGateway(base)).isInstanceOf(ConfigException.class)
                .hasMessage("Could not reach DISCORD_API_BASE_URL=" + base + " (connection refused): start what it points at,"
                        + " or unset it to use Discord")
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo(ServerPulseConfig.DISCORD_API_BASE_URL));
    }

    @Test
    void somethingThatIsNotDiscordsApiIsNamed() {
        // GIVEN a base URL on the emulator's port that is not its API (every route answers 404 there)
        try (DiscordEmulator discord = TestBots.emulator(Scenarios.small(1))) {
            String base = "http://127.0.0.1:" + discord.restPort() + "/not-the-api/";

            // WHEN / THEN one line says what it answered
            assertThatThrownBy(() -> Gateway.discoverGateway(base)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("Invalid DISCORD_API_BASE_URL=" + base + ": it does not answer as Discord's API does (GET "
                            + base + "gateway answered HTTP 4");
        }
    }

    @Test
    void anUnresolvableHostIsSaidPlainly() {
        // GIVEN a host name that never resolves (.invalid, RFC 2606)
        // WHEN / THEN
        assertThatThrownBy(() -> Gateway.discoverGateway("http://discord-emulator.invalid/api/v10/"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("(its host name does not resolve)");
    }
}

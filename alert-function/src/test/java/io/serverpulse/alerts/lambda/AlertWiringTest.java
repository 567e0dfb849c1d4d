package io.serverpulse.alerts.lambda;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertWiringTest {

    @Test
    void aMissingTokenFailsTheInitWithOneLineNamingIt() {
        // GIVEN an environment with MongoDB but without the bot token
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of(ServerPulseConfig.MONGODB_URI, "mongodb://127.0.0.1:1/x")));

        // WHEN / THEN building either function fails before connecting, naming DISCORD_TOKEN
        assertThatThrownBy(() -> AlertWiring.delivery(config)).isInstanceOf(ConfigException.class).hasMessageContaining("DISCORD_TOKEN");
        assertThatThrownBy(() -> AlertWiring.dropCheck(config)).isInstanceOf(ConfigException.class).hasMessageContaining("DISCORD_TOKEN");
    }

    @Test
    void aMissingMongoUriFailsTheInitWithOneLineNamingIt() {
        // GIVEN an environment with the token but without MONGODB_URI
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of(ServerPulseConfig.DISCORD_TOKEN, "x.y.z")));

        // WHEN / THEN
        assertThatThrownBy(() -> AlertWiring.delivery(config)).isInstanceOf(ConfigException.class).hasMessageContaining("MONGODB_URI");
    }
}

package io.serverpulse.interactions.lambda;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing setting fails the function's init with one line naming it, before anything connects. */
class AwsWiringTest {

    private static final String KEY = "a".repeat(64);

    private static Map<String, String> settings() {
        Map<String, String> env = new HashMap<>();
        env.put(ServerPulseConfig.DISCORD_PUBLIC_KEY, KEY);
        env.put(AwsWiring.WORKER_FUNCTION_NAME, "worker:live");
        // nothing listens here: reaching it would hang, so the checks must come first
        env.put(ServerPulseConfig.MONGODB_URI, "mongodb://127.0.0.1:9/serverpulse?serverSelectionTimeoutMS=100");
        return env;
    }

    private static void start(Map<String, String> env) {
        EnvSource source = EnvSource.of(env);
        AwsWiring.endpoint(ServerPulseConfig.load(source), source);
    }

    @Test
    void withoutThePublicKey() {
        // GIVEN / WHEN / THEN
        Map<String, String> env = settings();
        env.remove(ServerPulseConfig.DISCORD_PUBLIC_KEY);
        assertThatThrownBy(() -> start(env)).isInstanceOf(ConfigException.class).hasMessageStartingWith("Missing required setting DISCORD_PUBLIC_KEY");
    }

    @Test
    void withoutTheWorker() {
        Map<String, String> env = settings();
        env.remove(AwsWiring.WORKER_FUNCTION_NAME);
        assertThatThrownBy(() -> start(env)).isInstanceOf(ConfigException.class).hasMessageStartingWith("Missing required setting WORKER_FUNCTION_NAME");
    }

    @Test
    void withoutMongoDb() {
        Map<String, String> env = settings();
        env.remove(ServerPulseConfig.MONGODB_URI);
        assertThatThrownBy(() -> start(env)).isInstanceOf(ConfigException.class).hasMessageStartingWith("Missing required setting MONGODB_URI");
    }

    @Test
    void withAPublicKeyThatIsNotACurvePoint() {
        // GIVEN 64 hex characters that are not an Ed25519 point
        Map<String, String> env = settings();
        env.put(ServerPulseConfig.DISCORD_PUBLIC_KEY, "ff".repeat(32));
        assertThatThrownBy(() -> start(env)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
    }

    @Test
    void theWorkerWithoutMongoDb() {
        assertThatThrownBy(() -> AwsWiring.runner(ServerPulseConfig.load(EnvSource.of(Map.of()))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("Missing required setting MONGODB_URI");
    }
}

package io.serverpulse.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolution rules of {@code *_SSM_PARAMETER} variables (the SSM reader itself is tested in aws-secrets). */
class SecretParametersTest {

    private static final SecretParameters.Store NEVER = names -> {
        throw new AssertionError("the parameter store was read");
    };

    @Test
    void bothTheValueAndItsParameterIsAMistakeNamedInOneLine() {
        // GIVEN a token in the environment and also a parameter for it
        EnvSource env = EnvSource.of(Map.of("DISCORD_TOKEN", "x", "DISCORD_TOKEN_SSM_PARAMETER", "/serverpulse/discord-token"));

        // WHEN / THEN one line naming both, and nothing is read
        assertThatThrownBy(() -> SecretParameters.resolve(env, () -> NEVER))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Set either DISCORD_TOKEN or DISCORD_TOKEN_SSM_PARAMETER, not both")
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo("DISCORD_TOKEN_SSM_PARAMETER"));
    }

    @Test
    void aMalformedParameterNameIsRefusedBeforeAnythingIsRead() {
        // GIVEN a name with a space (a pasted value instead of a name)
        EnvSource env = EnvSource.of(Map.of("SERVERPULSE_MASTER_KEY_SSM_PARAMETER", "my key"));

        // WHEN / THEN
        assertThatThrownBy(() -> SecretParameters.resolve(env, () -> NEVER))
                .hasMessage("Invalid SERVERPULSE_MASTER_KEY_SSM_PARAMETER=my key: expected an SSM parameter name such as"
                        + " /serverpulse/master-key, or its ARN");
    }

    @Test
    void onlyTheSecretSettingsCanComeFromTheStore() {
        // GIVEN / WHEN / THEN the secrets (the master key and, during a rotation, the previous one), and no other setting
        assertThat(SecretParameters.SECRETS).containsExactly("DISCORD_TOKEN", "MONGODB_URI", "SERVERPULSE_MASTER_KEY",
                "SERVERPULSE_MASTER_KEY_PREVIOUS");
        assertThat(SecretParameters.anyReferenced(EnvSource.of(Map.of("FLUSH_SECONDS_SSM_PARAMETER", "/x")))).isFalse();
        assertThat(SecretParameters.anyReferenced(EnvSource.of(Map.of("MONGODB_URI_SSM_PARAMETER", "/x")))).isTrue();
    }
}

package io.serverpulse.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.testing.aws.LocalStack;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** SecureStrings read back from LocalStack's SSM (skipped cleanly where Docker is not available). */
@Testcontainers(disabledWithoutDocker = true)
class SsmSecretStoreLocalStackTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse(LocalStack.IMAGE))
            .withServices(LocalStackContainer.Service.SSM);

    private final SsmClient ssm = SsmClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @AfterEach
    void close() {
        ssm.close();
    }

    @Test
    void secureStringsAreReadDecryptedAndAMissingOneIsNamed() {
        // GIVEN two SecureStrings put as an operator puts them (aws ssm put-parameter --type SecureString)
        String token = "MTIxNzQ1NjM0ODc2MjE4MTYzMg.GhTest.localstack-token";
        ssm.putParameter(b -> b.name("/serverpulse-it/discord-token").type(ParameterType.SECURE_STRING).value(token).overwrite(true));
        ssm.putParameter(b -> b.name("/serverpulse-it/mongodb-uri").type(ParameterType.SECURE_STRING)
                .value("mongodb://mongo:27017/serverpulse").overwrite(true));

        // WHEN the configuration names them
        ServerPulseConfig config = SecretParameters.load(EnvSource.of(Map.of(
                "DISCORD_TOKEN_SSM_PARAMETER", "/serverpulse-it/discord-token",
                "MONGODB_URI_SSM_PARAMETER", "/serverpulse-it/mongodb-uri")), () -> new SsmSecretStore(ssm));

        // THEN their plain values are the settings
        assertThat(config.requireDiscordToken()).isEqualTo(token);
        assertThat(config.requireMongoUri()).isEqualTo("mongodb://mongo:27017/serverpulse");
        // AND a parameter that does not exist is one line naming its variable
        assertThatThrownBy(() -> SecretParameters.load(EnvSource.of(Map.of(
                "SERVERPULSE_MASTER_KEY_SSM_PARAMETER", "/serverpulse-it/absent")), () -> new SsmSecretStore(ssm)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("The SSM parameter /serverpulse-it/absent named by SERVERPULSE_MASTER_KEY_SSM_PARAMETER"
                        + " does not exist");
    }
}

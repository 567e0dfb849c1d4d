package io.serverpulse.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.testing.aws.AwsJsonStandIn;
import io.serverpulse.common.testing.aws.SsmStandIn;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Secrets read from SSM Parameter Store, through the real AWS SDK v2, against a local endpoint standing in for SSM. */
class SsmSecretStoreTest {

    private static final String TOKEN = "MTIxNzQ1NjM0ODc2MjE4MTYzMg.GhTest.secret-token-value";
    private static final String MONGO = "mongodb+srv://pulse:s3cret@cluster0.example.mongodb.net/serverpulse";
    private static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]);

    private final SsmStandIn ssm = new SsmStandIn();
    private final SsmClient client = SsmClient.builder()
            .endpointOverride(ssm.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSERVERPULSETEST", "test-secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private final SsmSecretStore store = new SsmSecretStore(client);

    @AfterEach
    void close() {
        client.close();
        ssm.close();
    }

    private ServerPulseConfig load(Map<String, String> env) {
        return SecretParameters.load(EnvSource.of(env), () -> store);
    }

    @Test
    void theThreeSecretsAreOneSignedDecryptingGetParametersRequest() {
        // GIVEN the three SecureStrings in Parameter Store and an environment that names them (as template.yaml sets it)
        ssm.putSecureString("/serverpulse/discord-token", TOKEN)
                .putSecureString("/serverpulse/mongodb-uri", MONGO)
                .putSecureString("/serverpulse/master-key", MASTER);

        // WHEN the configuration is loaded
        ServerPulseConfig config = load(Map.of(
                "DISCORD_TOKEN_SSM_PARAMETER", "/serverpulse/discord-token",
                "MONGODB_URI_SSM_PARAMETER", "/serverpulse/mongodb-uri",
                "SERVERPULSE_MASTER_KEY_SSM_PARAMETER", "/serverpulse/master-key",
                "SERVERPULSE_MODE", "aws"));

        // THEN the values are the parameters' decrypted values
        assertThat(config.requireDiscordToken()).isEqualTo(TOKEN);
        assertThat(config.requireMongoUri()).isEqualTo(MONGO);
        assertThat(config.requireMasterKey()).hasSize(32);
        // AND SSM received one AWS JSON 1.1 GetParameters request, SigV4-signed for ssm, asking for decryption
        assertThat(ssm.requests()).hasSize(1);
        AwsJsonStandIn.Request request = ssm.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.header("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameters");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDSERVERPULSETEST/")
                .contains("/eu-west-1/ssm/aws4_request");
        JsonNode body = request.json();
        assertThat(body.path("WithDecryption").asBoolean()).isTrue();
        assertThat(body.path("Names")).extracting(JsonNode::asText)
                .containsExactly("/serverpulse/discord-token", "/serverpulse/mongodb-uri", "/serverpulse/master-key");
        assertThat(body.size()).isEqualTo(2);
    }

    @Test
    void withoutAnyParameterVariableSsmIsNeverAsked() {
        // GIVEN a self-hosted environment with the token in it
        // WHEN loaded with a store that must not be built
        ServerPulseConfig config = SecretParameters.load(EnvSource.of(Map.of("DISCORD_TOKEN", TOKEN)), () -> {
            throw new AssertionError("the parameter store was built");
        });

        // THEN the token is the environment's and SSM received nothing
        assertThat(config.requireDiscordToken()).isEqualTo(TOKEN);
        assertThat(ssm.requests()).isEmpty();
    }

    @Test
    void aMissingParameterIsOneLineNamingItsVariable() {
        // GIVEN only the token exists
        ssm.putSecureString("/serverpulse/discord-token", TOKEN);

        // WHEN / THEN the MongoDB URI's parameter is reported by its variable, without any secret in the message
        assertThatThrownBy(() -> load(Map.of("DISCORD_TOKEN_SSM_PARAMETER", "/serverpulse/discord-token",
                "MONGODB_URI_SSM_PARAMETER", "/serverpulse/mongo")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("The SSM parameter /serverpulse/mongo named by MONGODB_URI_SSM_PARAMETER does not exist or is empty:"
                        + " create it as a SecureString holding MONGODB_URI (see README, AWS mode)")
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo("MONGODB_URI_SSM_PARAMETER"))
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aRefusedReadIsOneLineNamingTheVariablesAndSsmsReason() {
        // GIVEN a role without ssm:GetParameters
        ssm.putSecureString("/serverpulse/discord-token", TOKEN);
        ssm.failNext(400, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/collector/task is not authorized"
                + " to perform: ssm:GetParameters on resource: arn:aws:ssm:eu-west-1:123456789012:parameter/serverpulse/discord-token");

        // WHEN / THEN
        assertThatThrownBy(() -> load(Map.of("DISCORD_TOKEN_SSM_PARAMETER", "/serverpulse/discord-token")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Could not read DISCORD_TOKEN_SSM_PARAMETER=/serverpulse/discord-token from SSM Parameter Store:"
                        + " AccessDeniedException (HTTP 400): User: arn:aws:sts::123456789012:assumed-role/collector/task is not"
                        + " authorized to perform: ssm:GetParameters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aValueTheConfigurationRefusesSaysWhichParameterItCameFrom() {
        // GIVEN a MongoDB URI parameter that holds a host name only
        ssm.putSecureString("/serverpulse/mongodb-uri", "cluster0.example.mongodb.net");

        // WHEN / THEN the configuration's own line, plus where the value came from (and not the value)
        assertThatThrownBy(() -> load(Map.of("MONGODB_URI_SSM_PARAMETER", "/serverpulse/mongodb-uri")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid MONGODB_URI: expected a connection string starting with mongodb:// or mongodb+srv://"
                        + " (read from the SSM parameter /serverpulse/mongodb-uri named by MONGODB_URI_SSM_PARAMETER)")
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo("MONGODB_URI_SSM_PARAMETER"));
    }

    @Test
    void aRotatedSecretIsReadOnTheNextLoad() {
        // GIVEN a configuration loaded once
        ssm.putSecureString("/serverpulse/discord-token", TOKEN);
        Map<String, String> env = Map.of("DISCORD_TOKEN_SSM_PARAMETER", "/serverpulse/discord-token");
        assertThat(load(env).requireDiscordToken()).isEqualTo(TOKEN);

        // WHEN the parameter is rotated and the configuration loaded again (a restore, a new container)
        ssm.putSecureString("/serverpulse/discord-token", TOKEN + "-rotated");

        // THEN the new value is read
        assertThat(load(env).requireDiscordToken()).isEqualTo(TOKEN + "-rotated");
        assertThat(ssm.requests("GetParameters")).hasSize(2);
    }

    @Test
    void moreThanTenNamesAreReadTenAtATime() {
        // GIVEN twelve parameters
        List<String> names = IntStream.range(0, 12).mapToObj(i -> "/serverpulse/p" + i).toList();
        names.forEach(name -> ssm.putSecureString(name, "value of " + name));

        // WHEN they are read
        Map<String, String> values = store.read(new LinkedHashSet<>(names));

        // THEN all twelve, in two requests of at most ten names (SSM's limit)
        assertThat(values).hasSize(12).containsEntry("/serverpulse/p11", "value of /serverpulse/p11");
        assertThat(ssm.requests("GetParameters")).extracting(r -> r.json().path("Names").size()).containsExactly(10, 2);
    }

    @Test
    void aParameterNamedByItsArnIsFound() {
        // GIVEN a parameter named by its ARN (a parameter shared from another account)
        ssm.putSecureString("/serverpulse/discord-token", TOKEN);
        String arn = "arn:aws:ssm:us-east-1:000000000000:parameter/serverpulse/discord-token";

        // WHEN / THEN
        assertThat(load(Map.of("DISCORD_TOKEN_SSM_PARAMETER", arn)).requireDiscordToken()).isEqualTo(TOKEN);
    }
}

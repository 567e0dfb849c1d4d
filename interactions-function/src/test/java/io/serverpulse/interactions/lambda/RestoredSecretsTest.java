package io.serverpulse.interactions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.aws.secrets.SsmSecretStore;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.testing.LogCapture;
import io.serverpulse.common.testing.aws.SsmStandIn;
import io.serverpulse.emulator.interactions.Entities;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.Invoker;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.interactions.support.FunctionUrlAdapter;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The interactions function as Lambda builds it, its MongoDB URI read from SSM Parameter Store (a local
 * endpoint standing in for SSM, through the real SDK), and the SnapStart restore hook reading it again:
 * an admin's {@code /serverpulse status} answers from the database the parameter names now.
 */
class RestoredSecretsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GUILD = 1_150_000_000_000_000_001L;
    private static final long UPDATES = 1_150_000_000_000_001_234L;
    private static final String PARAMETER = "/serverpulse/mongodb-uri";

    private final InteractionKeyPair keys = InteractionKeyPair.generate();
    private final InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
    private final InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
    private final MongoServer first = new MongoServer(new MemoryBackend());
    private final MongoServer second = new MongoServer(new MemoryBackend());
    private final SsmStandIn ssm = new SsmStandIn();
    private final SsmClient client = SsmClient.builder()
            .endpointOverride(ssm.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSERVERPULSETEST", "test-secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private final String firstUri = uri(first);
    private final String secondUri = uri(second);

    private static String uri(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/serverpulse";
    }

    @AfterEach
    void close() {
        client.close();
        ssm.close();
        first.shutdownNow();
        second.shutdownNow();
    }

    /** The function's environment in the template: names of parameters, no secret values. */
    private EnvSource environment() {
        return EnvSource.of(Map.of(
                ServerPulseConfig.MODE, "aws",
                ServerPulseConfig.DISCORD_PUBLIC_KEY, keys.publicKeyHex(),
                AwsWiring.WORKER_FUNCTION_NAME, "serverpulse-worker:live",
                "MONGODB_URI_SSM_PARAMETER", PARAMETER));
    }

    private InteractionsFunction function() {
        return new InteractionsFunction(environment(), () -> new SsmSecretStore(client));
    }

    private static ObjectNode template() throws Exception {
        try (InputStream in = RestoredSecretsTest.class.getResourceAsStream("/lambda/function-url-event.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private APIGatewayV2HTTPResponse send(InteractionsFunction function, ObjectNode interaction) throws Exception {
        SignedInteraction signed = signer.sign(interaction);
        return function.handleRequest(FunctionUrlAdapter.event(template(), "POST", signed.headers(), signed.body(), false), null);
    }

    /** What the admin reads in the status embed's "update channel" field. */
    private String updateChannelShown(InteractionsFunction function) throws Exception {
        Entities.Guild guild = new Entities.Guild(GUILD, "en-US");
        Invoker admin = new Invoker(guild, Entities.Channel.text(GUILD + 1000, "general", GUILD),
                Entities.Member.of(Entities.User.human(1_100_000_000_000_000_001L, "admin"), (1L << 5) | (1L << 10) | (1L << 11),
                        Instant.parse("2024-01-01T00:00:00Z")), "en-US", 0);
        APIGatewayV2HTTPResponse response = send(function,
                factory.slashCommand(admin, SlashCommand.of(1L, "serverpulse", new SlashCommand.Subcommand("status", List.of()))));
        assertThat(response.getStatusCode()).isEqualTo(200);
        return JSON.readTree(response.getBody()).path("data").path("embeds").get(0).path("fields").get(0).path("value").asText();
    }

    @Test
    void aRotatedMongoDbUriIsUsedFromTheRestoreOn() throws Exception {
        // GIVEN the parameter names the first database; the second one knows the guild's update channel
        ssm.putSecureString(PARAMETER, firstUri);
        try (MongoStore seeded = MongoStores.connect(secondUri)) {
            seeded.saveSettings(seeded.settings(GUILD).withUpdateChannel(UPDATES, Instant.parse("2026-03-01T00:00:00Z")));
        }
        InteractionsFunction function = function();
        assertThat(updateChannelShown(function)).isEqualTo("not set");

        // WHEN the parameter is rotated to the second database and a snapshot of the function is restored
        ssm.putSecureString(PARAMETER, secondUri);
        function.secrets().afterRestore(null);

        // THEN the admin's status comes from the second database, and SSM was asked again, with decryption
        assertThat(updateChannelShown(function)).isEqualTo("<#" + UPDATES + ">");
        assertThat(ssm.requests("GetParameters")).hasSize(2)
                .allSatisfy(r -> assertThat(r.json().path("WithDecryption").asBoolean()).isTrue());
    }

    @Test
    void unchangedSecretsKeepWhatWasBuilt() {
        // GIVEN a function built from the parameter
        ssm.putSecureString(PARAMETER, firstUri);
        InteractionsFunction function = function();
        AwsWiring.Endpoint built = function.secrets().current();

        // WHEN it is restored with the parameter unchanged
        boolean rebuilt = function.secrets().refresh();

        // THEN nothing was rebuilt (the store's connection is the snapshot's)
        assertThat(rebuilt).isFalse();
        assertThat(function.secrets().current()).isSameAs(built);
    }

    @Test
    void aParameterStoreThatCannotBeReadAtRestoreKeepsTheSnapshotsSecrets() throws Exception {
        // GIVEN a function built from the parameter, and SSM refusing the next read
        ssm.putSecureString(PARAMETER, firstUri);
        InteractionsFunction function = function();
        ssm.failNext(400, "AccessDeniedException", "not authorized to perform: ssm:GetParameters");

        try (LogCapture logs = new LogCapture()) {
            // WHEN it is restored
            function.secrets().afterRestore(null);

            // THEN it still answers from the snapshot's database, and a warning names the reason
            assertThat(updateChannelShown(function)).isEqualTo("not set");
            assertThat(logs.lines()).anyMatch(line -> line.startsWith("WARN") && line.contains("keeping the snapshot's")
                    && line.contains("AccessDeniedException"));
        }
    }
}

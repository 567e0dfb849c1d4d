package io.serverpulse.interactions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.FunctionUrlAdapter;
import io.serverpulse.interactions.support.MongoStandIn;
import io.serverpulse.interactions.support.StallingProxy;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lambda handler as its runtime builds it, with MongoDB behind a proxy that stops answering: a hung database
 * neither fails the init nor holds an invocation past the command budget (Discord has given up after 3 s; the
 * function's own timeout is far longer). Bounds are behavioural, with generous margins.
 */
class HungStoreLambdaTest {

    private static final Duration BUDGET_AND_MARGIN = Duration.ofMillis(2500 + 1500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InteractionKeyPair keys = InteractionKeyPair.generate();
    private final InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
    private final InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
    private MongoStandIn mongo;
    private StallingProxy proxy;

    @BeforeEach
    void standUp() throws Exception {
        mongo = new MongoStandIn();
        proxy = new StallingProxy(mongo.port());
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
        mongo.close();
    }

    private InteractionsFunction function() {
        Map<String, String> env = new HashMap<>();
        env.put(ServerPulseConfig.DISCORD_PUBLIC_KEY, keys.publicKeyHex());
        env.put(ServerPulseConfig.MONGODB_URI, proxy.mongoUri("lambda"));
        env.put(AwsWiring.WORKER_FUNCTION_NAME, "serverpulse-worker:live");
        EnvSource source = EnvSource.of(env);
        return new InteractionsFunction(AwsWiring.endpoint(ServerPulseConfig.load(source), source).endpoint());
    }

    private APIGatewayV2HTTPEvent event(ObjectNode interaction) throws Exception {
        SignedInteraction signed = signer.sign(interaction);
        try (InputStream in = HungStoreLambdaTest.class.getResourceAsStream("/lambda/function-url-event.json")) {
            ObjectNode template = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) template.path("requestContext")).put("timeEpoch", System.currentTimeMillis());
            return FunctionUrlAdapter.event(template, "POST", signed.headers(), signed.body(), false);
        }
    }

    private ObjectNode topMessagers() {
        return factory.slashCommand(EndToEnd.as(EndToEnd.MEMBER), SlashCommand.of(1L, "topmessagers"));
    }

    private static String ephemeralText(APIGatewayV2HTTPResponse response) throws Exception {
        JsonNode answer = JSON.readTree(response.getBody());
        assertThat(answer.path("data").path("flags").asInt()).isEqualTo(64);
        return answer.path("data").path("content").asText();
    }

    @Test
    void aDatabaseThatHangsAtInitFailsNeitherTheInitNorAPingAndCommandsAreToldAtOnce() throws Exception {
        // GIVEN a MongoDB that accepts connections and never answers, from the start
        proxy.stall();

        // WHEN the runtime builds the function (it waits a few seconds for MongoDB, then goes on)
        InteractionsFunction function = function();
        APIGatewayV2HTTPResponse pong = function.handleRequest(event(factory.ping()), null);
        long sent = System.nanoTime();
        APIGatewayV2HTTPResponse command = function.handleRequest(event(topMessagers()), null);
        Duration took = Duration.ofNanos(System.nanoTime() - sent);

        // THEN PINGs are answered, and a command is told privately that storage is unavailable, without waiting
        assertThat(pong.getStatusCode()).isEqualTo(200);
        assertThat(pong.getBody()).isEqualTo("{\"type\":1}");
        assertThat(ephemeralText(command)).startsWith("⚠️ ServerPulse’s storage is unavailable right now");
        assertThat(took).isLessThan(BUDGET_AND_MARGIN);
    }

    @Test
    void aCommandOnADatabaseThatStopsAnsweringReturnsWithinTheBudget() throws Exception {
        // GIVEN a function whose MongoDB answered at init, then hangs
        InteractionsFunction function = function();
        proxy.stall();

        // WHEN a member runs /topmessagers
        long sent = System.nanoTime();
        APIGatewayV2HTTPResponse response = function.handleRequest(event(topMessagers()), null);
        Duration took = Duration.ofNanos(System.nanoTime() - sent);

        // THEN the invocation returns within the budget, the member told privately that storage isn't answering
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ephemeralText(response)).contains("storage").contains("try again in a moment");
        assertThat(took).isLessThan(BUDGET_AND_MARGIN);
    }
}

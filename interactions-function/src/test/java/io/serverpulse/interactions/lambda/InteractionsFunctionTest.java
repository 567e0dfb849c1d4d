package io.serverpulse.interactions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.interactions.support.FunctionUrlAdapter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Lambda handler with events shaped like a function URL's (payload format 2.0). */
class InteractionsFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final InteractionKeyPair keys = InteractionKeyPair.generate();
    private final InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
    private final InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
    private final InMemoryStore store = new InMemoryStore();
    private final InteractionsFunction function = new InteractionsFunction(new InteractionsEndpoint(
            new Ed25519SignatureVerifier(keys.publicKeyHex()),
            new InteractionHandler(store, CommandRegistry.standard(Optional.empty(), false), Clock.systemUTC()),
            work -> {
                throw new AssertionError("nothing here defers");
            }));

    private static ObjectNode template() throws Exception {
        try (InputStream in = InteractionsFunctionTest.class.getResourceAsStream("/lambda/function-url-event.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private APIGatewayV2HTTPEvent event(SignedInteraction signed, boolean base64) throws Exception {
        return FunctionUrlAdapter.event(template(), "POST", signed.headers(), signed.body(), base64);
    }

    @Test
    void aPlainTextBodyIsVerifiedAsTheExactBytesSigned() throws Exception {
        // GIVEN a signed PING in a function URL event with a plain (text) body, as for application/json
        SignedInteraction ping = signer.sign(factory.ping());

        // WHEN the handler runs
        APIGatewayV2HTTPResponse response = function.handleRequest(event(ping, false), null);

        // THEN it answers PONG as JSON text
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(JSON.readTree(response.getBody())).isEqualTo(JSON.readTree("{\"type\":1}"));
    }

    @Test
    void aBase64BodyIsDecodedBeforeVerifying() throws Exception {
        // GIVEN the same, with the body base64-encoded and isBase64Encoded set (binary or HTTP API passthrough)
        SignedInteraction ping = signer.sign(factory.ping());

        // WHEN the handler runs
        APIGatewayV2HTTPResponse response = function.handleRequest(event(ping, true), null);

        // THEN the signature verified over the decoded bytes
        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void aBase64BodyTakenAsTextDoesNotVerify() throws Exception {
        // GIVEN a base64 body whose flag was lost: the bytes are not the ones signed
        SignedInteraction ping = signer.sign(factory.ping());
        APIGatewayV2HTTPEvent event = event(ping, true);
        event.setIsBase64Encoded(false);

        // WHEN / THEN 401
        assertThat(function.handleRequest(event, null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void aBodyThatIsNotValidBase64Is401() throws Exception {
        // GIVEN an event claiming base64 with a body that is not base64
        APIGatewayV2HTTPEvent event = event(signer.sign(factory.ping()), true);
        event.setBody("%%% not base64 %%%");

        // WHEN / THEN 401, not an exception
        assertThat(function.handleRequest(event, null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void anEventWithoutBodyHeadersOrRequestContextIs401() {
        // GIVEN a bare event (a test invoke from the console)
        APIGatewayV2HTTPEvent bare = new APIGatewayV2HTTPEvent();

        // WHEN / THEN it is treated as an unsigned POST
        APIGatewayV2HTTPResponse response = function.handleRequest(bare, null);
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("missing signature headers");
    }

    @Test
    void aGetFromABrowserIs405() throws Exception {
        // GIVEN someone opens the function URL in a browser
        APIGatewayV2HTTPEvent get = FunctionUrlAdapter.event(template(), "GET", Map.of("accept", "text/html"), new byte[0], false);

        // WHEN / THEN 405
        assertThat(function.handleRequest(get, null).getStatusCode()).isEqualTo(405);
    }

    @Test
    void aBinaryAnswerGoesOutBase64Encoded() {
        // GIVEN a multipart answer (an interaction response with a file)
        io.serverpulse.interactions.http.EndpointResponse multipart = io.serverpulse.interactions.http.EndpointResponse.multipart(
                io.serverpulse.common.discord.rest.MultipartForm.of("{\"type\":4,\"data\":{}}", java.util.List.of(
                        new io.serverpulse.common.commands.message.FileAttachment("a.png", "image/png", new byte[] {(byte) 0x89, 0, 1}, null))));

        // WHEN it is mapped to the Lambda response
        APIGatewayV2HTTPResponse response = HttpEvents.response(multipart);

        // THEN the body is base64 of the exact bytes, flagged so API Gateway decodes it
        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(response.getBody())).isEqualTo(multipart.body());
        assertThat(response.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    }

    @Test
    void theFixtureIsARealFunctionUrlEventShape() throws Exception {
        // GIVEN the fixture read as the runtime would read it
        APIGatewayV2HTTPEvent event = JSON.treeToValue(template(), APIGatewayV2HTTPEvent.class);

        // THEN the fields the handler relies on are where a function URL puts them
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getHeaders()).containsKey("x-signature-ed25519").containsKey("x-signature-timestamp");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(new String(new byte[0], StandardCharsets.UTF_8)).isEmpty();
    }
}

package io.serverpulse.emulator.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.crypto.SignatureVerifier;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.emulator.support.TinyInteractionsEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InteractionSenderTest {

    /** Generous: a loaded 2-core machine must not make a correct endpoint look late. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final InteractionKeyPair keys = InteractionKeyPair.generate();
    private final InteractionFactory factory = new InteractionFactory(Fixtures.APPLICATION_ID, Clock.systemUTC());
    private HttpClient http;
    private InteractionSender sender;
    private TinyInteractionsEndpoint endpoint;

    @BeforeEach
    void sender() {
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        sender = new InteractionSender(http, new InteractionSigner(keys, Clock.systemUTC()), SpecValidator.shared(), TIMEOUT);
    }

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private URI start(SignatureVerifier verifier, Function<JsonNode, TinyInteractionsEndpoint.Answer> handler) throws IOException {
        endpoint = new TinyInteractionsEndpoint(verifier, handler);
        return endpoint.uri();
    }

    private URI startCorrect(Function<JsonNode, TinyInteractionsEndpoint.Answer> handler) throws IOException {
        return start(new Ed25519SignatureVerifier(keys.publicKeyHex()), handler);
    }

    @Test
    void aSignedPingVerifiesAndTheSameWithOneFlippedByteIsRejected() throws IOException {
        // GIVEN a tiny endpoint that verifies with the application's public key
        URI uri = startCorrect(interaction -> TinyInteractionsEndpoint.Answer.json("{}"));
        SignedInteraction ping = sender.signer().sign(factory.ping());

        // WHEN the signed PING is delivered as is
        Delivery pong = sender.deliver(uri, ping);

        // THEN the endpoint verified it and answered PONG, which Discord would accept
        assertThat(pong.status()).isEqualTo(200);
        assertThat(Fixtures.MAPPER.readTree(pong.body())).isEqualTo(Fixtures.MAPPER.createObjectNode().put("type", 1));
        assertThat(pong.acceptable()).as(pong.problems().toString()).isTrue();
        assertThat(pong.header("Content-Type")).contains("application/json");
        assertThat(pong.latency()).isPositive();
        assertThat(endpoint.verifiedBodies()).containsExactly(ping.bodyText());

        // WHEN the same request is delivered with one byte of the body flipped
        byte[] flipped = ping.body();
        flipped[flipped.length / 2] ^= 0x01;
        Delivery rejected = sender.deliver(uri, ping.withBody(flipped));

        // THEN the correct verifier refuses it with 401
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.rejectedAsUnauthorized()).isTrue();
        assertThat(endpoint.verifiedBodies()).hasSize(1);
    }

    @Test
    void aCorrectEndpointPassesDiscordsCheck() throws IOException {
        // GIVEN a correct endpoint
        URI uri = startCorrect(interaction -> TinyInteractionsEndpoint.Answer.json("{\"type\":5}"));

        // WHEN checked the way Discord checks a new endpoint URL
        EndpointCheck.Report report = new EndpointCheck(sender, factory).run(uri);

        // THEN PONG to the PING, 401 to every bad request; the replay is only advice
        assertThat(report.failures()).isEmpty();
        assertThat(report.acceptedByDiscord()).isTrue();
        assertThat(report.probes()).hasSize(Probe.values().length);
        assertThat(report.advice()).singleElement().asString().startsWith("STALE_TIMESTAMP: accepted");
    }

    @Test
    void anEndpointThatDoesNotVerifyFailsEveryProbe() throws IOException {
        // GIVEN a careless endpoint that accepts any signature
        URI uri = start((signature, timestamp, body) -> true, interaction -> TinyInteractionsEndpoint.Answer.json("{\"type\":5}"));

        // WHEN checked
        EndpointCheck.Report report = new EndpointCheck(sender, factory).run(uri);

        // THEN Discord would refuse the URL, and says which probes got through
        assertThat(report.acceptedByDiscord()).isFalse();
        assertThat(report.failures()).containsExactly(
                "BAD_SIGNATURE: answered status 200, expected 401",
                "MISSING_SIGNATURE: answered status 200, expected 401",
                "MISSING_TIMESTAMP: answered status 200, expected 401",
                "ALTERED_BODY: answered status 200, expected 401");
    }

    @Test
    void aCommandAnswerIsCheckedAgainstTheCallbackSchema() throws IOException {
        // GIVEN an endpoint answering a command with a message over the 2000-character limit
        assumeTrue(SpecValidator.shared().enabled(), () -> SpecValidator.shared().skipNotice().orElse(""));
        String tooLong = "{\"type\":4,\"data\":{\"content\":\"" + "x".repeat(2001) + "\"}}";
        URI uri = startCorrect(interaction -> TinyInteractionsEndpoint.Answer.json(tooLong));

        // WHEN a command is delivered
        Delivery delivery = sender.send(uri, factory.slashCommand(Fixtures.ADMIN_IN_GENERAL, SlashCommand.of(1L, "stats")));

        // THEN the answer arrived but Discord would not accept it, and it says why
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.problems()).containsExactly("response body: data.content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.");
    }

    @Test
    void aGoodCommandAnswerIsAcceptable() throws IOException {
        // GIVEN an endpoint answering with an ephemeral message
        URI uri = startCorrect(interaction -> TinyInteractionsEndpoint.Answer.json(
                "{\"type\":4,\"data\":{\"content\":\"Tracking 3 channels\",\"flags\":64}}"));

        // WHEN / THEN
        Delivery delivery = sender.send(uri, factory.slashCommand(Fixtures.ADMIN_IN_GENERAL, SlashCommand.of(1L, "stats")));
        assertThat(delivery.acceptable()).as(delivery.problems().toString()).isTrue();
        assertThat(delivery.withinDeadline()).isTrue();
    }

    @Test
    void aWrongContentTypeOrAPongToACommandIsReported() throws IOException {
        // GIVEN an endpoint answering a command with a PONG, as text/plain
        URI uri = startCorrect(interaction -> new TinyInteractionsEndpoint.Answer(200, "text/plain", "{\"type\":1}"));

        // WHEN a command is delivered
        Delivery delivery = sender.send(uri, factory.slashCommand(Fixtures.ADMIN_IN_GENERAL, SlashCommand.of(1L, "stats")));

        // THEN both mistakes are named
        assertThat(delivery.problems()).containsExactly(
                "Content-Type text/plain; Discord requires application/json",
                "callback type 1 is not a valid response to interaction type 2 (allowed: 4, 5, 9, 10, 12)");
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeIsReported() throws IOException, InterruptedException {
        // GIVEN an endpoint that hangs until released, and a sender that waits 300 ms
        CountDownLatch release = new CountDownLatch(1);
        URI uri = startCorrect(interaction -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TinyInteractionsEndpoint.Answer.json("{\"type\":5}");
        });
        InteractionSender impatient = new InteractionSender(http, sender.signer(), SpecValidator.shared(), Duration.ofMillis(300));

        // WHEN a command is delivered
        Delivery delivery = impatient.send(uri, factory.slashCommand(Fixtures.ADMIN_IN_GENERAL, SlashCommand.of(1L, "stats")));
        release.countDown();

        // THEN no answer, and it says so
        assertThat(delivery.answered()).isFalse();
        assertThat(delivery.status()).isEqualTo(-1);
        assertThat(delivery.problems()).containsExactly("no response: no answer within 300 ms");
    }

    @Test
    void aClosedPortIsAFailureNotAnException() throws IOException {
        // GIVEN a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        // WHEN / THEN
        Delivery delivery = sender.send(URI.create("http://127.0.0.1:" + port + "/interactions"), factory.ping());
        assertThat(delivery.answered()).isFalse();
        assertThat(delivery.failure()).hasValueSatisfying(why -> assertThat(why).contains("ConnectException"));
    }
}

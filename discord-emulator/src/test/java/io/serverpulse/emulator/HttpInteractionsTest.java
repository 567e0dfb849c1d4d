package io.serverpulse.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.emulator.interactions.EndpointCheck;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.Probe;
import io.serverpulse.emulator.state.InteractionDelivery;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MessageSource;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.emulator.support.TestCommunities;
import io.serverpulse.emulator.support.TinyInteractionsEndpoint;
import io.serverpulse.emulator.support.TinyInteractionsEndpoint.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interactions over HTTP with the application's one key pair: a bot configured with
 * {@code emulator.publicKey()} verifies what the emulator signs, Discord's probes are refused, and
 * the answer to a slash command becomes its response.
 */
class HttpInteractionsTest {

    private final TestCommunities.Ids ids = TestCommunities.ids(7, 2);
    private DiscordEmulator emulator;
    private TinyInteractionsEndpoint endpoint;

    @BeforeEach
    void start() {
        emulator = DiscordEmulator.builder(List.of(TestCommunities.community(ids))).start();
    }

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
        emulator.close();
    }

    /** A bot's endpoint configured as the developer portal says: DISCORD_PUBLIC_KEY = the emulator's public key. */
    private URI endpoint(Function<JsonNode, Answer> commands) throws IOException {
        endpoint = new TinyInteractionsEndpoint(new Ed25519SignatureVerifier(emulator.publicKey()), commands);
        return endpoint.uri();
    }

    private void registerCommand(String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.restBaseUrl() + "applications/" + Long.toUnsignedString(emulator.applicationId()) + "/commands"))
                .header("Authorization", "Bot " + emulator.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("[{\"name\":\"" + name + "\",\"description\":\"" + name + " of the server\"}]"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void theApplicationsOneKeyIsWhatTheEmulatorSignsWith() {
        // GIVEN an emulator with a known key pair (RFC 8032's first test vector)
        InteractionKeyPair keys = InteractionKeyPair.fromSeedHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        try (DiscordEmulator fixed = DiscordEmulator.builder(List.of(TestCommunities.community(ids))).keyPair(keys).build()) {
            // WHEN / THEN the public key the bot configures is that pair's, and the signer and the application use that pair
            assertThat(fixed.publicKey()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
            assertThat(fixed.application().keys()).isSameAs(keys);
            assertThat(fixed.interactionSigner().publicKeyHex()).isEqualTo(fixed.publicKey());
            assertThat(fixed.interactionSender().signer().publicKeyHex()).isEqualTo(fixed.publicKey());
        }
    }

    @Test
    void aSignedPingGetsAPongWhichIsRecorded() throws Exception {
        // GIVEN the bot's endpoint
        URI uri = endpoint(interaction -> Answer.json("{\"type\":5}"));

        // WHEN the emulator delivers a PING
        InteractionDelivery ping = emulator.sendInteraction(uri, emulator.interactionFactory().ping());

        // THEN the endpoint verified the signature and answered PONG, and the delivery is recorded
        assertThat(ping.delivery().status()).isEqualTo(200);
        assertThat(Json.parse(ping.delivery().body())).isEqualTo(Json.object().put("type", 1));
        assertThat(ping.delivery().acceptable()).as(ping.delivery().problems().toString()).isTrue();
        assertThat(ping.delivery().latency()).isPositive();
        assertThat(ping.interactionType()).isEqualTo(1);
        assertThat(ping.outcome()).isEqualTo(InteractionDelivery.Outcome.NOT_TRACKED);
        assertThat(emulator.recorded().interactionDeliveries()).containsExactly(ping);
        assertThat(endpoint.verifiedBodies()).hasSize(1);
    }

    @Test
    void discordsProbesAreRefusedWith401AndRecorded() throws Exception {
        // GIVEN the bot's endpoint
        URI uri = endpoint(interaction -> Answer.json("{\"type\":5}"));

        // WHEN the emulator checks it as Discord does when the URL is saved
        EndpointCheck.Report report = emulator.checkEndpoint(uri);

        // THEN PONG to the PING and 401 to each bad request: Discord would accept the endpoint
        assertThat(report.failures()).isEmpty();
        assertThat(report.acceptedByDiscord()).isTrue();
        for (Probe probe : Probe.values()) {
            if (probe.mustBeRefused()) {
                assertThat(report.probes().get(probe).status()).as(probe.name()).isEqualTo(401);
            }
        }
        // AND every request is in the record: the PING and one per probe
        assertThat(emulator.recorded().interactionDeliveries()).hasSize(1 + Probe.values().length);
        assertThat(emulator.recorded().interactionDeliveries()).extracting(d -> d.delivery().status())
                .containsExactly(200, 401, 401, 401, 401, 200);
    }

    @Test
    void anEndpointConfiguredWithAnotherKeyRefusesTheEmulator() throws Exception {
        // GIVEN an endpoint verifying with some other application's key
        endpoint = new TinyInteractionsEndpoint(new Ed25519SignatureVerifier(InteractionKeyPair.generate().publicKeyHex()),
                interaction -> Answer.json("{\"type\":5}"));

        // WHEN the emulator delivers a PING THEN it is refused: the key pair is what ties the two together
        assertThat(emulator.sendInteraction(endpoint.uri(), emulator.interactionFactory().ping()).delivery().status()).isEqualTo(401);
    }

    @Test
    void aSlashCommandAnsweredWithAMessageBecomesItsResponse() throws Exception {
        // GIVEN a registered command and an endpoint answering it with a message
        registerCommand("stats");
        URI uri = endpoint(interaction -> Answer.json("{\"type\":4,\"data\":{\"content\":\"Tracking 3 channels\"}}"));

        // WHEN a member runs /stats and Discord delivers it over HTTP
        InteractionDelivery delivery = emulator.sendSlashCommand(uri, ids.generalId(), ids.memberIds().get(0), "stats", Map.of());

        // THEN the answer was taken as the interaction's response: callback recorded, message posted in the channel
        assertThat(delivery.outcome()).as(delivery.refusal().orElse("")).isEqualTo(InteractionDelivery.Outcome.APPLIED);
        assertThat(delivery.interactionType()).isEqualTo(2);
        assertThat(emulator.recorded().interactionCallbacks(delivery.interactionId())).extracting(c -> c.type()).containsExactly(4);
        assertThat(emulator.recorded().messages(ids.generalId())).extracting(StoredMessage::source, StoredMessage::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageSource.INTERACTION_RESPONSE, "Tracking 3 channels"));
    }

    @Test
    void aDeferredAnswerLetsTheBotEditItsOriginalResponseLater() throws Exception {
        // GIVEN an endpoint that defers (the slow work is finished by a worker)
        registerCommand("digest");
        URI uri = endpoint(interaction -> Answer.json("{\"type\":5}"));

        // WHEN /digest is delivered, and the worker then edits @original through the interaction's webhook
        InteractionDelivery delivery = emulator.sendSlashCommand(uri, ids.generalId(), ids.memberIds().get(1), "digest", Map.of());
        String token = Json.parse(delivery.delivery().request().bodyText()).path("token").asText();
        HttpResponse<String> edit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.restBaseUrl() + "webhooks/"
                        + Long.toUnsignedString(emulator.applicationId()) + "/" + token + "/messages/@original"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"content\":\"Digest: 1,204 messages this week\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN the deferral was applied, and the edit replaced the "thinking" message
        assertThat(delivery.applied()).as(delivery.refusal().orElse("")).isTrue();
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(emulator.recorded().messages(ids.generalId())).extracting(StoredMessage::content)
                .containsExactly("Digest: 1,204 messages this week");
    }

    @Test
    void anAnswerDiscordWouldNotTakeIsRefusedAndNothingIsPosted() throws Exception {
        // GIVEN an endpoint answering a command with 2,001 characters
        registerCommand("stats");
        URI uri = endpoint(interaction -> Answer.json("{\"type\":4,\"data\":{\"content\":\"" + "x".repeat(2001) + "\"}}"));

        // WHEN it is delivered
        InteractionDelivery delivery = emulator.sendSlashCommand(uri, ids.generalId(), ids.memberIds().get(0), "stats", Map.of());

        // THEN the answer is recorded as refused, with the reason, and the interaction stays unanswered
        assertThat(delivery.outcome()).isEqualTo(InteractionDelivery.Outcome.REFUSED);
        // (with the spec: its callback schema and the 2000 rule; without: the bot message limits)
        assertThat(delivery.refusal()).hasValueSatisfying(why -> assertThat(why).contains("BASE_TYPE_MAX_LENGTH"));
        assertThat(emulator.recorded().interactionCallbacks()).isEmpty();
        assertThat(emulator.recorded().messages()).isEmpty();
    }
}

package io.serverpulse.interactions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.lazy.Lazy;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.ModalSubmit;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.emulator.rest.MultipartParser;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.common.testing.LogCapture;
import io.serverpulse.interactions.support.StoreCalls;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionsEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final long APP = 1_300_000_000_000_000_001L;
    private static final String AI_KEY = "sk-test-FAKE0000000000000000000000wxyz";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryStore memory = new InMemoryStore(clock);
    private final StoreCalls calls = new StoreCalls(memory);
    private final InteractionHandler handler = new InteractionHandler(calls.store(),
            CommandRegistry.standard(Optional.of(new SecretSealer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))),
                    false),
            clock);
    private final InteractionKeyPair keys = InteractionKeyPair.generate();
    private final InteractionSigner signer = new InteractionSigner(keys, clock);
    private final InteractionFactory factory = new InteractionFactory(APP, clock);
    private final List<DeferredWork> dispatched = new ArrayList<>();
    private DeferredDispatcher dispatcher = dispatched::add;
    private final InteractionsEndpoint endpoint = new InteractionsEndpoint(new Ed25519SignatureVerifier(keys.publicKeyHex()),
            handler, work -> dispatcher.dispatch(work), clock, InteractionsEndpoint.DEFAULT_MAX_AGE);

    private static EndpointRequest request(SignedInteraction signed) {
        return EndpointRequest.post(signed.headers(), signed.body());
    }

    private static JsonNode json(EndpointResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aSignedPingIsAnsweredWithPong() throws Exception {
        // GIVEN a PING signed with the application's key, now
        SignedInteraction ping = signer.sign(factory.ping());

        // WHEN the endpoint answers it
        EndpointResponse response = endpoint.handle(request(ping));

        // THEN it is a JSON PONG, and the store was not even read
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(json(response)).isEqualTo(JSON.readTree("{\"type\":1}"));
        assertThat(calls.all()).isEmpty();
    }

    @Test
    void aReplayedInteractionIdIsRefused() throws Exception {
        // GIVEN an admin's /set-digest, correctly signed, answered once
        SignedInteraction setDigest = signer.sign(factory.slashCommand(EndToEnd.as(EndToEnd.ADMIN),
                SlashCommand.of(1L, "set-digest", SlashCommand.Value.string("frequency", "daily"))));
        EndpointResponse first = endpoint.handle(request(setDigest));
        calls.clear();

        // WHEN the very same request (same id, signature and timestamp, inside the window) arrives again, twice
        EndpointResponse again = endpoint.handle(request(setDigest));
        EndpointResponse thrice = endpoint.handle(request(setDigest));

        // THEN the first was answered, the replays refused with 401 before the store was touched
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(401);
        assertThat(thrice.status()).isEqualTo(401);
        assertThat(json(again).path("error").asText()).isEqualTo("interaction already answered");
        assertThat(calls.all()).isEmpty();
    }

    @Test
    void aPingIsAnsweredWithoutBuildingTheCommandCore() throws Exception {
        // GIVEN an endpoint whose command core is built on first use
        Lazy<InteractionHandler> core = Lazy.of(() -> handler);
        InteractionsEndpoint lazy = new InteractionsEndpoint(new Ed25519SignatureVerifier(keys.publicKeyHex()), core,
                dispatched::add, new CommandLane(1, 1, CommandLane.DEFAULT_BUDGET, StoreGate.ALWAYS),
                ReplayGuard.forMaxAge(InteractionsEndpoint.DEFAULT_MAX_AGE), clock, InteractionsEndpoint.DEFAULT_MAX_AGE);

        // WHEN Discord PINGs it
        EndpointResponse pong = lazy.handle(request(signer.sign(factory.ping())));

        // THEN PONG, and the core was never built (nor the store touched)
        assertThat(json(pong)).isEqualTo(JSON.readTree("{\"type\":1}"));
        assertThat(core.isBuilt()).isFalse();
        assertThat(calls.all()).isEmpty();
    }

    @Test
    void aCommandWhoseStoreIsKnownDownIsToldAtOnceInTheMembersLanguage() throws Exception {
        // GIVEN an endpoint whose store gate says the store does not answer
        StoreGate down = new StoreGate() {
            @Override
            public boolean answering() {
                return false;
            }

            @Override
            public void suspect() {
                // already known
            }
        };
        InteractionsEndpoint endpoint = new InteractionsEndpoint(new Ed25519SignatureVerifier(keys.publicKeyHex()),
                Lazy.built(handler), dispatched::add, new CommandLane(1, 1, CommandLane.DEFAULT_BUDGET, down),
                ReplayGuard.forMaxAge(InteractionsEndpoint.DEFAULT_MAX_AGE), clock, InteractionsEndpoint.DEFAULT_MAX_AGE);
        ObjectNode german = factory.slashCommand(new io.serverpulse.emulator.interactions.Invoker(EndToEnd.GUILD, EndToEnd.GENERAL,
                EndToEnd.ADMIN, "de", 0), SlashCommand.of(1L, "set-digest", SlashCommand.Value.string("frequency", "daily")));

        // WHEN a German admin runs /set-digest
        EndpointResponse response = endpoint.handle(request(signer.sign(german)));

        // THEN told privately, in German, that storage is unavailable; the store was not tried
        JsonNode answer = json(response);
        assertThat(answer.path("data").path("flags").asInt()).isEqualTo(64);
        assertThat(answer.path("data").path("content").asText()).startsWith("⚠️ Der Speicher von ServerPulse ist gerade nicht erreichbar");
        assertThat(calls.all()).isEmpty();
    }

    @Test
    void everyRequestThatIsNotAuthenticIsRefusedWith401BeforeAnythingReadsIt() throws Exception {
        // GIVEN an admin's /set-digest, correctly signed, and every way Discord's probes (and a replay) spoil it
        ObjectNode setDigest = factory.slashCommand(EndToEnd.as(EndToEnd.ADMIN),
                SlashCommand.of(1L, "set-digest", SlashCommand.Value.string("frequency", "daily")));
        SignedInteraction valid = signer.sign(setDigest);
        InteractionSigner impostor = new InteractionSigner(InteractionKeyPair.generate(), clock);
        byte[] altered = valid.body();
        altered[altered.length - 3] ^= 0x01;
        Map<String, SignedInteraction> spoiled = new LinkedHashMap<>();
        spoiled.put("signed with another key", impostor.sign(setDigest));
        spoiled.put("no signature header", valid.withSignature(null));
        spoiled.put("no timestamp header", valid.withTimestamp(null));
        spoiled.put("altered body", valid.withBody(altered));
        spoiled.put("timestamp changed after signing", valid.withTimestamp(Long.toString(NOW.getEpochSecond() + 1)));
        spoiled.put("signature not hex", valid.withSignature("zz".repeat(64)));
        spoiled.put("signature too short", valid.withSignature("ab"));
        spoiled.put("stale: signed 6 minutes ago", signer.sign(setDigest, NOW.minus(Duration.ofMinutes(6))));
        spoiled.put("from the future: 6 minutes ahead", signer.sign(setDigest, NOW.plus(Duration.ofMinutes(6))));
        spoiled.put("signed timestamp that is not a number", signer.sign(valid.body(), "yesterday"));
        spoiled.put("signed empty timestamp", signer.sign(valid.body(), ""));

        for (Map.Entry<String, SignedInteraction> probe : spoiled.entrySet()) {
            // WHEN the spoiled request arrives
            EndpointResponse response = endpoint.handle(request(probe.getValue()));

            // THEN it is refused with 401 and a small JSON body, and nothing read the store or reached a worker
            assertThat(response.status()).as(probe.getKey()).isEqualTo(401);
            assertThat(json(response).path("error").asText()).as(probe.getKey()).isNotEmpty();
            assertThat(response.body().length).as(probe.getKey()).isLessThan(100);
        }
        assertThat(calls.all()).isEmpty();
        assertThat(dispatched).isEmpty();
        assertThat(memory.allSettings()).isEmpty();
    }

    @Test
    void aTimestampWithinFiveMinutesIsAccepted() throws Exception {
        // GIVEN PINGs signed 4 minutes ago and 4 minutes ahead (clock skew)
        for (Duration skew : List.of(Duration.ofMinutes(-4), Duration.ofMinutes(4))) {
            // WHEN each arrives
            EndpointResponse response = endpoint.handle(request(signer.sign(factory.ping(), NOW.plus(skew))));

            // THEN it is answered
            assertThat(response.status()).as(skew.toString()).isEqualTo(200);
        }
    }

    @Test
    void aVerifiedAdminCommandChangesTheSettings() throws Exception {
        // GIVEN an admin's signed /set-digest daily
        SignedInteraction setDigest = signer.sign(factory.slashCommand(EndToEnd.as(EndToEnd.ADMIN),
                SlashCommand.of(1L, "set-digest", SlashCommand.Value.string("frequency", "daily"))));

        // WHEN it arrives
        EndpointResponse response = endpoint.handle(request(setDigest));

        // THEN the answer is a private confirmation and the setting is stored
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("type").asInt()).isEqualTo(4);
        assertThat(json(response).path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(memory.settings(EndToEnd.GUILD.id()).digest().option()).isEqualTo("daily");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "HEAD"})
    void onlyPostIsServed(String method) {
        // GIVEN a signed PING sent with another method
        SignedInteraction ping = signer.sign(factory.ping());

        // WHEN it arrives
        EndpointResponse response = endpoint.handle(new EndpointRequest(method, ping.headers(), ping.body()));

        // THEN 405 names the one allowed method
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST");
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCase() {
        // GIVEN a PING whose headers arrive lower-cased (as a Lambda function URL passes them)
        SignedInteraction ping = signer.sign(factory.ping());
        Map<String, String> lower = new LinkedHashMap<>();
        ping.headers().forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), value));

        // WHEN it arrives
        EndpointResponse response = endpoint.handle(EndpointRequest.post(lower, ping.body()));

        // THEN it verifies
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aSignedBodyThatIsNotAnInteractionGets400() throws Exception {
        // GIVEN correctly signed bodies that are not interactions
        for (String body : List.of("not json", "[]", "{}", "{\"type\":2}", "")) {
            // WHEN each arrives
            EndpointResponse response = endpoint.handle(request(signer.sign(body.getBytes(StandardCharsets.UTF_8),
                    Long.toString(NOW.getEpochSecond()))));

            // THEN 400 says why, in a small JSON body
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(json(response).path("error").asText()).as(body).startsWith("not an interaction: ");
        }
    }

    @Test
    void aSignedBodyThatIsNotUtf8Gets400() throws Exception {
        // GIVEN a signed body with a byte sequence that is not UTF-8
        byte[] body = {'{', '"', 't', (byte) 0xC3, (byte) 0x28, '"', '}'};

        // WHEN it arrives
        EndpointResponse response = endpoint.handle(request(signer.sign(body, Long.toString(NOW.getEpochSecond()))));

        // THEN 400
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("body is not UTF-8 JSON");
    }

    @Test
    void aSlowCommandIsDeferredAndHandedToTheWorker() throws Exception {
        // GIVEN four members posted this week, so /topmessagers draws a chart
        post(4);
        ObjectNode topmessagers = factory.slashCommand(EndToEnd.as(EndToEnd.MEMBER),
                SlashCommand.of(1L, "topmessagers", SlashCommand.Value.string("period", "7d")));

        // WHEN it arrives
        EndpointResponse response = endpoint.handle(request(signer.sign(topmessagers)));

        // THEN the answer is a public DEFERRED, and the work (with the interaction's token) went to the worker
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(JSON.readTree("{\"type\":5,\"data\":{}}"));
        assertThat(dispatched).hasSize(1);
        assertThat(dispatched.get(0).command()).isEqualTo("topmessagers");
        assertThat(dispatched.get(0).token()).isEqualTo(topmessagers.path("token").asText());
        assertThat(dispatched.get(0).arg("period")).isEqualTo("7d");
    }

    @Test
    void whenTheWorkCannotBeHandedOverTheMemberIsToldInsteadOfLeftWaiting() throws Exception {
        // GIVEN a worker that cannot be reached, and a German-speaking member asking for a chart
        post(4);
        dispatcher = work -> {
            throw new DeferredDispatcher.DispatchException("worker unreachable");
        };
        ObjectNode topmessagers = factory.slashCommand(new io.serverpulse.emulator.interactions.Invoker(EndToEnd.GUILD,
                EndToEnd.GENERAL, EndToEnd.MEMBER, "de", 0), SlashCommand.of(1L, "topmessagers"));

        // WHEN it arrives
        EndpointResponse response;
        try (LogCapture logs = new LogCapture()) {
            response = endpoint.handle(request(signer.sign(topmessagers)));

            // THEN the operator's log has the reference the member sees, and not the interaction token
            String reference = json(response).path("data").path("content").asText().replaceAll("(?s).*`([0-9a-f]{8})`.*", "$1");
            assertThat(logs.lines()).anyMatch(line -> line.contains(reference) && line.contains("worker unreachable"));
            assertThat(String.join("\n", logs.lines())).doesNotContain(topmessagers.path("token").asText());
        }

        // AND the member gets a private error message in their language rather than an endless "thinking…"
        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.path("type").asInt()).isEqualTo(4);
        assertThat(answer.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(answer.path("data").path("content").asText()).startsWith("⚠️").contains("`");
        assertThat(answer.path("data").path("content").asText()).doesNotContain("Something went wrong");
    }

    @Test
    void anAnswerWithFilesIsSentAsMultipartWithPayloadJsonAndFiles() throws Exception {
        // GIVEN an interaction response carrying a PNG
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        InteractionResponse withFile = InteractionResponse.message(MessageBody.text("chart")
                .withFiles(List.of(new FileAttachment("chart.png", "image/png", png, null))));

        // WHEN it is mapped to HTTP
        EndpointResponse response = InteractionsEndpoint.response(withFile);

        // THEN it is multipart/form-data with payload_json and files[0]
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.isText()).isFalse();
        assertThat(response.contentType()).startsWith("multipart/form-data; boundary=");
        List<MultipartParser.Part> parts = MultipartParser.parse(response.contentType(), response.body());
        assertThat(parts).extracting(MultipartParser.Part::name).containsExactly("payload_json", "files[0]");
        assertThat(JSON.readTree(parts.get(0).text())).isEqualTo(withFile.body());
        assertThat(parts.get(1).filename()).isEqualTo("chart.png");
        assertThat(parts.get(1).contentType()).isEqualTo("image/png");
        assertThat(parts.get(1).bytes()).isEqualTo(png);
    }

    @Test
    void neitherTheBodyNorTheTokenIsEverLogged() throws Exception {
        // GIVEN a guild with an AI provider, and an admin submitting the key modal
        memory.saveSettings(GuildSettings.defaults(EndToEnd.GUILD.id()).withAi(AiProvider.OPENAI, null, null, NOW));
        ObjectNode submit = factory.modalSubmit(EndToEnd.as(EndToEnd.ADMIN),
                ModalSubmit.of("ai-provider:key", new ModalSubmit.Field("key", AI_KEY)));
        SignedInteraction signed = signer.sign(submit);

        try (LogCapture logs = new LogCapture()) {
            // WHEN it arrives correctly signed, altered, and replayed stale
            EndpointResponse saved = endpoint.handle(request(signed));
            endpoint.handle(request(signed.withBody(signed.bodyText().replace("wxyz", "wxyZ").getBytes(StandardCharsets.UTF_8))));
            endpoint.handle(request(signer.sign(submit, NOW.minus(Duration.ofHours(1)))));

            // THEN the key was stored sealed, and no log line holds the key, the token or the signature
            assertThat(saved.status()).isEqualTo(200);
            assertThat(memory.settings(EndToEnd.GUILD.id()).aiKeyCiphertext()).startsWith("v2:").doesNotContain(AI_KEY);
            String logged = String.join("\n", logs.lines());
            assertThat(logs.lines()).isNotEmpty();
            assertThat(logged).doesNotContain(AI_KEY).doesNotContain("FAKE000")
                    .doesNotContain(submit.path("token").asText())
                    .doesNotContain(signed.signatureHex().orElseThrow());
        }
    }

    private void post(int members) {
        MetricAggregator aggregator = new MetricAggregator();
        for (int member = 0; member < members; member++) {
            for (int i = 0; i <= member; i++) {
                aggregator.add(new ActivityEvent.MessagePosted(EndToEnd.GUILD.id(), EndToEnd.GENERAL.id(),
                        2_000_000_000_000_000_000L + member, NOW.minus(Duration.ofHours(1))));
            }
        }
        memory.apply(aggregator.drain());
        calls.clear();
    }
}

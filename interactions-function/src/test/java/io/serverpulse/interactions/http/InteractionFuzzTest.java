package io.serverpulse.interactions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.ResponseLimits;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.interactions.support.EndToEnd;
import io.serverpulse.interactions.support.InteractionMutator;
import io.serverpulse.interactions.support.Seeds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 10,000 generated and mutated bodies, signed (so they get past the signature and reach the parser and
 * the commands) and some unsigned, through the endpoint: never a 5xx, never an exception, every 200 a
 * callback Discord would take. Seeded: the same bodies every run.
 */
class InteractionFuzzTest {

    static final int BODIES = 10_000;
    private static final long SEED = 20_260_302L;
    /** Deferred work finished on the spot (each renders a chart or an export); the rest are only counted. */
    private static final int COMPLETED_DEFERRALS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    @Test
    void noBodyMakesTheEndpointFailOrAnswerSomethingDiscordWouldReject() throws Exception {
        // GIVEN an endpoint on a guild with settings, an AI provider and a busy week, and 10,000 seeded bodies
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        InMemoryStore store = new InMemoryStore(clock);
        store.saveSettings(GuildSettings.defaults(EndToEnd.GUILD.id())
                .withAi(io.serverpulse.common.ai.AiProvider.OPENAI, null, null, NOW));
        MetricAggregator aggregator = new MetricAggregator();
        for (int member = 0; member < 12; member++) {
            for (int i = 0; i <= member; i++) {
                aggregator.add(new ActivityEvent.MessagePosted(EndToEnd.GUILD.id(), EndToEnd.GENERAL.id(), 2_000_000_000_000_000_000L + member,
                        NOW.minus(Duration.ofHours(member + 1))));
            }
        }
        store.apply(aggregator.drain());
        InteractionHandler handler = new InteractionHandler(store, CommandRegistry.standard(Optional.of(
                new SecretSealer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))), false), clock);
        InteractionKeyPair keys = InteractionKeyPair.fromSeedHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        InteractionSigner signer = new InteractionSigner(keys, clock);
        InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, clock, new Random(SEED));
        int[] deferred = {0};
        int[] completed = {0};
        InteractionsEndpoint endpoint = new InteractionsEndpoint(new Ed25519SignatureVerifier(keys.publicKeyHex()), handler,
                work -> {
                    deferred[0]++;
                    if (completed[0] < COMPLETED_DEFERRALS) {
                        completed[0]++;
                        FollowUp followUp = handler.completeDeferred(DeferredWork.fromJson(work.toJson()));
                        assertThat(ResponseLimits.checkEdit(followUp.body(), followUp.files().size())).isEmpty();
                    }
                }, clock, InteractionsEndpoint.DEFAULT_MAX_AGE);
        InteractionMutator mutator = new InteractionMutator(SEED, Seeds.all(factory));
        Random tamper = new Random(SEED + 1);
        SpecValidator spec = SpecValidator.shared();
        Set<String> validated = new HashSet<>();
        Map<String, Integer> outcomes = new TreeMap<>();

        for (int i = 0; i < BODIES; i++) {
            byte[] body = mutator.next();
            SignedInteraction signed = signer.sign(body, Long.toString(NOW.getEpochSecond()));
            boolean unsigned = tamper.nextInt(25) == 0;
            if (unsigned) {
                signed = signed.withSignature(tamper.nextBoolean() ? null : "00".repeat(64));
            }

            // WHEN each arrives
            EndpointResponse response;
            try {
                response = endpoint.handle(EndpointRequest.post(signed.headers(), signed.body()));
            } catch (Throwable escaped) {
                fail("body #" + i + " (" + mutator.lastKind() + ") made the endpoint throw", escaped);
                return;
            }

            // THEN never a 5xx: 401 exactly for the unsigned, else 200 or 400, always with a JSON body
            assertThat(response.status()).as("body #%d", i).isEqualTo(unsigned ? 401 : response.status() == 400 ? 400 : 200);
            JsonNode answer = JSON.readTree(response.body());
            String key = response.status() + (response.status() == 200 ? " type " + answer.path("type").asInt() : "");
            outcomes.merge(key, 1, Integer::sum);
            if (response.status() == 200 && validated.add(answer.toString())) {
                SpecValidator.Result check = spec.validateInteractionCallback(answer);
                assertThat(check.isValid() || check.outcome() == SpecValidator.Result.Outcome.SKIPPED)
                        .as("body #%d answered %s: %s", i, answer, check.readableProblems()).isTrue();
            }
        }

        // AND the bodies were varied enough to reach every kind of answer (a generator of garbage only would fail here)
        System.out.println("Fuzz outcomes over " + BODIES + " bodies: " + outcomes + "; deferred " + deferred[0] + ", completed "
                + completed[0] + ", distinct answers validated " + validated.size());
        assertThat(outcomes).containsKeys("200 type 1", "200 type 4", "200 type 5", "200 type 7", "200 type 8", "200 type 9", "400", "401");
        assertThat(outcomes.get("200 type 4")).isGreaterThan(1000);
        assertThat(outcomes.get("400")).isGreaterThan(500);
        assertThat(completed[0]).isEqualTo(COMPLETED_DEFERRALS);
    }
}

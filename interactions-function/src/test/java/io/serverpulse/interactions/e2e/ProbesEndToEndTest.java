package io.serverpulse.interactions.e2e;

import static io.serverpulse.interactions.support.EndToEnd.ADMIN;
import static io.serverpulse.interactions.support.EndToEnd.GUILD;
import static io.serverpulse.interactions.support.EndToEnd.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.emulator.interactions.Delivery;
import io.serverpulse.emulator.interactions.EndpointCheck;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.Probe;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.interactions.support.EndToEnd;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Discord's endpoint validation and its probes, over both transports: 401 and nothing touched. */
class ProbesEndToEndTest extends EndToEndSuite {

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void discordAcceptsTheEndpoint(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN the endpoint / WHEN Discord checks it as it does when the URL is saved
            EndpointCheck.Report report = discord.checkEndpoint(e2e.uri());

            // THEN PING got PONG, every probe got 401 (the stale replay too: no advice), and the store was never called
            assertThat(report.failures()).isEmpty();
            assertThat(report.advice()).isEmpty();
            assertThat(report.ping().status()).isEqualTo(200);
            for (Probe probe : Probe.values()) {
                assertThat(report.probes().get(probe).status()).as(probe.name()).isEqualTo(401);
            }
            assertThat(e2e.calls.all()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void spoiledAdminCommandsAreRefusedAndChangeNothing(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN a configured guild, and an admin's /set-digest daily, spoiled the ways Discord probes (and replayed late)
            GuildSettings before = GuildSettings.defaults(GUILD.id()).withDigest(DigestFrequency.WEEKLY, Instant.parse("2026-01-01T00:00:00Z"));
            e2e.store.saveSettings(before);
            e2e.calls.clear();
            ObjectNode setDigest = e2e.factory.slashCommand(as(ADMIN),
                    SlashCommand.of(1L, "set-digest", SlashCommand.Value.string("frequency", "daily")));
            SignedInteraction valid = e2e.signer.sign(setDigest);
            byte[] altered = valid.bodyText().replace("\"daily\"", "\"dailx\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Map<String, SignedInteraction> spoiled = new LinkedHashMap<>();
            spoiled.put("bad signature", new InteractionSigner(InteractionKeyPair.generate(), Clock.systemUTC()).sign(setDigest));
            spoiled.put("missing signature header", valid.withSignature(null));
            spoiled.put("missing timestamp header", valid.withTimestamp(null));
            spoiled.put("altered body", valid.withBody(altered));
            spoiled.put("stale timestamp", e2e.signer.sign(setDigest, Instant.now().minus(Probe.STALENESS)));

            for (Map.Entry<String, SignedInteraction> probe : spoiled.entrySet()) {
                // WHEN each arrives
                Delivery delivery = e2e.sender.deliver(e2e.uri(), probe.getValue());

                // THEN 401
                assertThat(delivery.status()).as(probe.getKey()).isEqualTo(401);
            }

            // AND nothing read or wrote the store, no worker ran, the settings are as before
            assertThat(e2e.calls.all()).isEmpty();
            assertThat(e2e.workerResults).isEmpty();
            assertThat(e2e.store.allSettings()).containsExactly(before);

            // AND the very same request, unspoiled, is served (the refusals were about the spoiling)
            accepted(e2e.sender.deliver(e2e.uri(), valid));
            assertThat(e2e.store.settings(GUILD.id()).digest()).isEqualTo(DigestFrequency.DAILY);
        }
    }
}

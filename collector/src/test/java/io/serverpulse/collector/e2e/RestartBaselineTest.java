package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.SpecChecked;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Incident;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collector restarted minutes before a voice surge still alerts it: the new process warms its
 * voice baseline from the hours the previous one stored, instead of waiting an hour to learn what
 * is usual (by which time this surge is over).
 */
class RestartBaselineTest {

    @TempDir
    Path dir;

    private final SimulatedCommunity sim = Scenarios.small(11);
    private final long guildId = sim.community().guildId();
    private final SimulatedClock clock = new SimulatedClock(sim.start());
    private final SpecChecked spec = new SpecChecked();

    @Test
    void aVoiceSurgeThreeMinutesAfterARestartIsPosted() throws Exception {
        Incident surge = sim.incidents(AlertType.VOICE_SURGE).get(0);
        Instant restart = surge.start().minus(Duration.ofMinutes(3));
        List<TimelineEvent> before = sim.events().stream().filter(e -> e.at().isBefore(restart)).toList();
        List<TimelineEvent> after = sim.events().stream().filter(e -> !e.at().isBefore(restart)).toList();
        try (DiscordEmulator discord = TestBots.emulator(sim, spec); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN a collector that counted the guild's first 44 hours, then was restarted 3 minutes before a surge
            TestBots.whitelist(store, sim);
            GatewayProgress first = new GatewayProgress();
            Collector old = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, first).start();
            TestBots.awaitReady(old);
            new Lockstep(discord, clock, first).play(before);
            clock.advanceTo(restart);
            old.shutdown();
            int postedBefore = surgeMessages(discord).size();
            GatewayProgress second = new GatewayProgress();
            Collector restarted = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, second).start();
            TestBots.awaitReady(restarted);

            // WHEN the rest of the timeline is played, surge included
            Lockstep.ofConnectedSessions(discord, clock, second).play(after);
            clock.advanceTo(sim.end());
            restarted.shutdown();

            // THEN the surge was posted by the restarted collector, judged by the stored hours' baseline
            assertThat(postedBefore).isZero();
            List<StoredMessage> posted = surgeMessages(discord);
            assertThat(posted).hasSize(1);
            AlertRecord record = store.alerts(guildId, Buckets.ALL_TIME).stream()
                    .filter(a -> a.type() == AlertType.VOICE_SURGE).findFirst().orElseThrow();
            assertThat(record.startedAt()).isBetween(surge.start(), surge.end());
            assertThat(record.context()).startsWith("usually ").contains(" members in voice");
            assertThat(record.baseline()).isPositive();
            assertThat(spec.refused()).isEmpty();
        }
    }

    private static List<StoredMessage> surgeMessages(DiscordEmulator discord) {
        return discord.recorded().messages().stream()
                .filter(m -> !m.embeds().isEmpty() && m.interactionId() == null)
                .filter(m -> m.embeds().get(0).path("title").asText().contains("Voice surge"))
                .toList();
    }
}

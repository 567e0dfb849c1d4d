package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.SpecChecked;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestView;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.StoredAttachment;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-hosted collector's own digest schedule, through the real JDA collector and the emulator: a simulated
 * week counted live, then the weekly digest posted by the collector at its time (Monday 00:10 in UTC) to
 * #serverpulse-updates, with every number of the ground truth (its alerts being the ones the collector raised
 * that week) and its charts; the empty week before the bot came posts nothing; a restarted collector posts
 * nothing more.
 */
class DigestScheduleTest {

    private static final int EVENTS = 20_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final SimulatedCommunity week = Scenarios.week(3, EVENTS);
    private final long guildId = week.community().guildId();
    private final SpecChecked spec = new SpecChecked();

    @Test
    void theWeeklyDigestIsPostedOnceAtItsTimeWithTheNumbersOfTheGroundTruth() throws Exception {
        SimulatedClock clock = new SimulatedClock(week.start());
        DigestPeriod period = DigestPeriod.weekly(LocalDate.parse("2026-03-02"), ZoneId.of("UTC"));
        String footer = DigestView.footer(guildId, period);
        try (DiscordEmulator discord = TestBots.emulator(week, spec); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN a guild that whitelisted its channels and kept the default weekly digest in UTC
            TestBots.whitelist(store, week);
            GatewayProgress progress = new GatewayProgress();
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress)
                    .settingsRefresh(Duration.ofMillis(300)).start();
            TestBots.awaitReady(collector);

            // WHEN its week is played, counted and flushed, and Monday 00:10 comes
            new Lockstep(discord, clock, progress).play(week.events());
            clock.advanceTo(week.end());
            collector.flushNow();
            clock.advanceTo(week.end().plus(Duration.ofMinutes(11)));
            StoredMessage digest = awaitDigest(discord, footer);

            // THEN the digest is the ground truth's, number for number, with its three charts
            GuildSettings settings = store.settings(guildId);
            List<AlertRecord> raised = store.alerts(guildId, Buckets.ALL_TIME);
            DigestReport truth = week.groundTruth().digest(settings, period, raised);
            List<String> files = digest.attachments().stream().map(StoredAttachment::filename).toList();
            assertThat(files).containsExactly(DigestView.ACTIVITY_FILE, DigestView.HEATMAP_FILE, DigestView.CHANNELS_FILE);
            List<JsonNode> expected = new ArrayList<>();
            DigestView.embeds(truth, Texts.english(), files, footer).forEach(e -> expected.add(DiscordJson.tree(e)));
            assertThat(digest.embeds()).isEqualTo(expected);
            assertThat(truth.alerts()).extracting(AlertRecord::type)
                    .contains(AlertType.JOIN_RAID, AlertType.MASS_DELETION, AlertType.VOICE_SURGE);
            assertThat(truth.current().messages()).isPositive();
            // AND the empty week before the bot came was not posted, nothing Discord would refuse was sent
            assertThat(digests(discord)).hasSize(1);
            assertThat(spec.refused()).isEmpty();
            assertThat(collector.shutdown().complete()).isTrue();

            // WHEN the collector is restarted an hour later
            clock.advanceTo(week.end().plus(Duration.ofMinutes(70)));
            GatewayProgress second = new GatewayProgress();
            Collector restarted = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, second)
                    .settingsRefresh(Duration.ofMillis(300)).start();
            TestBots.awaitReady(restarted);
            Thread.sleep(2_000);
            restarted.shutdown();

            // THEN it posted nothing more
            assertThat(digests(discord)).hasSize(1);
            assertThat(store.digestRecord(guildId, period.key())).hasValueSatisfying(r -> assertThat(r.messageId()).isEqualTo(digest.id()));
        }
    }

    private static List<StoredMessage> digests(DiscordEmulator discord) {
        return discord.recorded().messages().stream().filter(m -> !m.embeds().isEmpty()
                && m.embeds().get(0).path("footer").path("text").asText().startsWith("ServerPulse digest ")).toList();
    }

    private static StoredMessage awaitDigest(DiscordEmulator discord, String footer) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (StoredMessage message : discord.recorded().messages()) {
                if (!message.embeds().isEmpty() && footer.equals(message.embeds().get(0).path("footer").path("text").asText())) {
                    return message;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no digest " + footer + " within " + WAIT);
            }
            Thread.sleep(50);
        }
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}

package io.serverpulse.collector.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.ExportFiles;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Interactions;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /export-report} after a simulated week, asked through the emulator and answered by the
 * bot: the JSON and the CSV parse back to exactly the ground truth of the asking guild, and hold
 * nothing of another guild stored in the same database.
 */
class ExportEndToEndTest {

    private static final long OTHER_GUILD = 990_000_000_000_000_001L;

    @TempDir
    Path dir;

    @Test
    void anExportAfterAWeekEqualsTheGroundTruthOfThatGuildAndNothingElse() throws Exception {
        // GIVEN a week of a large guild counted by the bot, and another guild's rows in the same database
        // (the same channel and member ids, its own settings, join, alert)
        SimulatedCommunity sim = Scenarios.week(41, 20_000);
        long guild = sim.community().guildId();
        long channel = sim.collectedChannelIds().iterator().next();
        long someMember = sim.community().members().get(3).userId();
        SimulatedClock clock = new SimulatedClock(sim.start());
        try (DiscordEmulator discord = TestBots.emulator(sim); SqliteStore store = SqliteStore.open(dir)) {
            TestBots.whitelist(store, sim);
            GatewayProgress progress = new GatewayProgress();
            Collector counting = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(counting);
            new Lockstep(discord, clock, progress).play(sim.events());
            clock.advanceTo(sim.end());
            assertThat(counting.shutdown().complete()).isTrue();
            store.saveSettings(GuildSettings.defaults(OTHER_GUILD).withCollectChannels(Set.of(channel), sim.start()));
            store.apply(MetricBatch.builder("other-guild")
                    .add(BucketKey.channelHour(OTHER_GUILD, channel, sim.start()), Counter.MESSAGES, 777_001)
                    .add(BucketKey.memberDay(OTHER_GUILD, channel, someMember, sim.start()), Counter.MESSAGES, 777_001).build());
            store.recordMemberEvents(List.of(new MemberEvent(OTHER_GUILD, someMember, MemberEvent.Kind.JOIN, sim.start())));
            store.saveAlert(new AlertRecord(AlertRecord.idFor(OTHER_GUILD, AlertType.JOIN_RAID, sim.start()), OTHER_GUILD,
                    AlertType.JOIN_RAID, Severity.CRITICAL, sim.start(), null, List.of(), 777_001, 1, "other guild"));
            Collector answering = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, new GatewayProgress())
                    .start();
            try {
                TestBots.awaitReady(answering);

                // WHEN the owner exports the guild as JSON and as CSV
                List<String> json = export(discord, channel, sim.community().ownerId(), "json");
                List<String> csv = export(discord, channel, sim.community().ownerId(), "csv");

                // THEN both parse back to every bucket of the ground truth, counter by counter, and nothing else
                GroundTruth truth = sim.groundTruth();
                var expected = Buckets.ofGuild(truth.buckets(), guild);
                assertThat(Buckets.differences(ExportFiles.bucketsOfJson(guild, json), expected)).isEmpty();
                assertThat(Buckets.differences(ExportFiles.bucketsOfCsv(guild, csv), expected)).isEmpty();
                assertThat(expected).hasSizeGreaterThan(1_000);
                // ... the joins and leaves, alerts and settings of the guild are in it; nothing of the other guild is
                String all = String.join("\n", json) + String.join("\n", csv);
                assertThat(all).doesNotContain("777001").doesNotContain(Long.toUnsignedString(OTHER_GUILD)).doesNotContain("other guild");
                var parsed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.get(0));
                assertThat(parsed.path("guild_id").asText()).isEqualTo(Long.toUnsignedString(guild));
                assertThat(parsed.path("settings").path("collect_channels")).hasSize(sim.collectedChannelIds().size());
                assertThat(json.stream().mapToInt(text -> count(text, "\"kind\" : \"join\"")).sum())
                        .isEqualTo(store.memberEvents(guild, Buckets.ALL_TIME).stream().filter(e -> e.kind() == MemberEvent.Kind.JOIN).count());
                assertThat(ExportFiles.rows(csv.get(0)).get(0)).containsExactly("record", "time", "channel_id", "member_id", "key",
                        "value", "details");
            } finally {
                answering.shutdown();
            }
        }
    }

    private static List<String> export(DiscordEmulator discord, long channel, long owner, String format) throws Exception {
        PendingInteraction asked = Interactions.run(discord, channel, owner, "export-report", Interactions.options("format", 3, format));
        assertThat(Interactions.answer(discord, asked).type()).isEqualTo(5);
        assertThat(Interactions.answer(discord, asked).ephemeral()).isTrue();
        StoredMessage answer = Interactions.followUp(discord, asked);
        assertThat(answer.content()).startsWith("📦 This server’s data as " + format.toUpperCase(java.util.Locale.ROOT) + ", all time");
        assertThat(answer.attachments()).isNotEmpty();
        return ExportFiles.texts(answer.attachments());
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }
}

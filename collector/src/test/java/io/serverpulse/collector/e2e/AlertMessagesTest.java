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
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Incident;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small simulated guild's join raid and mass deletion, through the real JDA collector and the
 * emulator: each incident is one message in #serverpulse-updates (created by the bot, as the guild
 * has no update channel set), with Discord's spec checking every body the bot sends; with the two
 * alerts switched off by an admin's slash command, neither is posted.
 */
class AlertMessagesTest {

    @TempDir
    Path dir;

    private final SimulatedCommunity sim = Scenarios.small(11);
    private final long guildId = sim.community().guildId();
    private final SimulatedClock clock = new SimulatedClock(sim.start());
    private final GatewayProgress progress = new GatewayProgress();
    private final SpecChecked spec = new SpecChecked();

    @Test
    void theRaidAndTheMassDeletionEachPostOneMessageWithTheirContext() throws Exception {
        Incident raid = sim.incidents(AlertType.JOIN_RAID).get(0);
        Incident deletion = sim.incidents(AlertType.MASS_DELETION).get(0);
        try (DiscordEmulator discord = TestBots.emulator(sim, spec); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN a guild that whitelisted its collected channels and never set an update channel
            TestBots.whitelist(store, sim);
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);

            // WHEN its two days are played and the collector shuts down
            new Lockstep(discord, clock, progress).play(sim.events());
            clock.advanceTo(sim.end());
            collector.shutdown();

            // THEN the bot created #serverpulse-updates, saved it as the update channel, and posted there
            ChannelRecord updates = discord.recorded().channelsCreated().stream()
                    .filter(c -> c.name().equals("serverpulse-updates")).findFirst().orElseThrow();
            assertThat(store.settings(guildId).updateChannelId()).isEqualTo(updates.id());
            List<StoredMessage> posted = discord.recorded().messages(updates.id());

            // one message for the raid, edited once it ended: start time, whole server, 12 joins
            StoredMessage raidMessage = single(posted, "Join raid");
            JsonNode raidEmbed = raidMessage.embeds().get(0);
            assertThat(raidEmbed.path("title").asText()).isEqualTo("✅ Join raid — ended");
            assertThat(field(raidEmbed, "Started")).isEqualTo("<t:" + raid.start().getEpochSecond() + ":f>");
            assertThat(field(raidEmbed, "Ended")).isEqualTo("<t:" + raid.end().getEpochSecond() + ":f>");
            assertThat(field(raidEmbed, "Channels")).isEqualTo("whole server");
            assertThat(field(raidEmbed, "Severity")).isNotBlank();
            assertThat(raidEmbed.path("description").asText()).endsWith("peak " + raid.magnitude() + " in 60 s, "
                    + raid.magnitude() + " joins in all");
            assertThat(editsOf(discord, raidMessage)).isEqualTo(1);

            // one message for the mass deletion, naming its channel and the 10 messages
            StoredMessage deletionMessage = single(posted, "Mass deletion");
            JsonNode deletionEmbed = deletionMessage.embeds().get(0);
            String channels = "<#" + deletion.channelIds().get(0) + ">";
            assertThat(field(deletionEmbed, "Channels")).isEqualTo(channels);
            assertThat(field(deletionEmbed, "Ended")).isEqualTo("<t:" + deletion.end().getEpochSecond() + ":f>");
            assertThat(deletionEmbed.path("description").asText()).isEqualTo("peak " + deletion.magnitude()
                    + " messages deleted in 30 s, " + deletion.magnitude() + " in all, in " + channels);
            assertThat(editsOf(discord, deletionMessage)).isEqualTo(1);

            // and both records are stored, ended, with the incident's true extent
            List<AlertRecord> stored = store.alerts(guildId, Buckets.ALL_TIME);
            AlertRecord raidRecord = stored.stream().filter(a -> a.type() == AlertType.JOIN_RAID).findFirst().orElseThrow();
            assertThat(raidRecord.startedAt()).isEqualTo(raid.start());
            assertThat(raidRecord.endedAt()).isEqualTo(raid.end());
            assertThat(raidRecord.observed()).isEqualTo(raid.magnitude());
            AlertRecord deletionRecord = stored.stream().filter(a -> a.type() == AlertType.MASS_DELETION).findFirst().orElseThrow();
            // the detector dates it by the deletions that reached the threshold: within the incident
            assertThat(deletionRecord.startedAt()).isBetween(deletion.start(), deletion.end());
            assertThat(field(deletionEmbed, "Started")).isEqualTo("<t:" + deletionRecord.startedAt().getEpochSecond() + ":f>");
            assertThat(deletionRecord.endedAt()).isEqualTo(deletion.end());
            assertThat(deletionRecord.channelIds()).isEqualTo(deletion.channelIds());
            assertThat(stored).filteredOn(a -> a.type() == AlertType.JOIN_RAID || a.type() == AlertType.MASS_DELETION).hasSize(2);
            assertThat(spec.refused()).isEmpty();
        }
    }

    @Test
    void withTheRaidAndDeletionAlertsToggledOffNeitherIsPosted() throws Exception {
        try (DiscordEmulator discord = TestBots.emulator(sim, spec); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN a running collector, and the guild owner switching both alerts off with /toggle-alert
            TestBots.whitelist(store, sim);
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);
            TestBots.awaitCommandsRegistered(discord);
            long channel = sim.collectedChannelIds().iterator().next();
            for (String type : List.of("raid", "deletion")) {
                PendingInteraction toggle = discord.slashCommand(channel, sim.community().ownerId(), "toggle-alert",
                        Map.of("type", type, "state", "off"));
                TestBots.awaitAnswer(discord, toggle.id());
            }
            assertThat(store.settings(guildId).alert(AlertType.JOIN_RAID).enabled()).isFalse();
            assertThat(store.settings(guildId).alert(AlertType.MASS_DELETION).enabled()).isFalse();

            // WHEN the same two days are played
            new Lockstep(discord, clock, progress).play(sim.events());
            clock.advanceTo(sim.end());
            collector.shutdown();

            // THEN no raid or deletion alert was posted or stored, while the voice surge still was
            List<StoredMessage> posted = discord.recorded().messages().stream()
                    .filter(m -> !m.embeds().isEmpty() && m.interactionId() == null).toList();
            assertThat(posted).noneMatch(m -> title(m).contains("Join raid") || title(m).contains("Mass deletion"));
            assertThat(posted).anyMatch(m -> title(m).contains("Voice surge"));
            assertThat(store.alerts(guildId, Buckets.ALL_TIME))
                    .noneMatch(a -> a.type() == AlertType.JOIN_RAID || a.type() == AlertType.MASS_DELETION);
            assertThat(spec.refused()).isEmpty();
        }
    }

    @Test
    void aShutdownDuringAVoiceSurgeMarksItsMessageEnded() throws Exception {
        Incident surge = sim.incidents(AlertType.VOICE_SURGE).get(0);
        Instant stop = surge.start().plus(Duration.ofMinutes(2));
        try (DiscordEmulator discord = TestBots.emulator(sim, spec); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN a collector that posted the voice surge and is stopped (SIGTERM) while it goes on
            TestBots.whitelist(store, sim);
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);
            new Lockstep(discord, clock, progress).play(sim.events().stream().filter(e -> e.at().isBefore(stop)).toList());
            clock.advanceTo(stop);

            // WHEN it shuts down
            collector.shutdown();

            // THEN its message no longer says it is going on, and the stored incident has an end
            List<StoredMessage> surgeMessages = discord.recorded().messages().stream()
                    .filter(m -> title(m).contains("Voice surge")).toList();
            assertThat(surgeMessages).singleElement().satisfies(m -> {
                assertThat(title(m)).isEqualTo("✅ Voice surge — ended");
                assertThat(editsOf(discord, m)).isEqualTo(1);
            });
            assertThat(store.alerts(guildId, Buckets.ALL_TIME)).filteredOn(a -> a.type() == AlertType.VOICE_SURGE)
                    .singleElement().satisfies(a -> assertThat(a.ongoing()).isFalse());
            assertThat(spec.refused()).isEmpty();
        }
    }

    private static StoredMessage single(List<StoredMessage> messages, String type) {
        List<StoredMessage> matching = messages.stream().filter(m -> title(m).contains(type)).toList();
        assertThat(matching).as("messages about " + type).hasSize(1);
        return matching.get(0);
    }

    private static String title(StoredMessage message) {
        return message.embeds().isEmpty() ? "" : message.embeds().get(0).path("title").asText();
    }

    private static String field(JsonNode embed, String name) {
        Optional<JsonNode> field = StreamSupport.stream(embed.path("fields").spliterator(), false)
                .filter(f -> f.path("name").asText().equals(name)).findFirst();
        return field.map(f -> f.path("value").asText()).orElse(null);
    }

    private static long editsOf(DiscordEmulator discord, StoredMessage message) {
        return discord.recorded().edits().stream().filter(e -> e.messageId() == message.id()).count();
    }
}

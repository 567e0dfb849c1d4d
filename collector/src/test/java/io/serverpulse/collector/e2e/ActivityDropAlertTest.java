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
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.detect.ActivityDropCheck;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.Incident;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hourly activity-drop check of the self-hosted collector, through the real JDA collector and
 * the emulator: the week's 90 % drop on Tuesday 19:00-23:00 UTC is one message in
 * #serverpulse-updates, edited once it ended, with the drop's true hours; the same guild's calm week
 * (with its quiet nights) gives no drop message at all; with drop alerts switched off by the admin,
 * none either.
 */
class ActivityDropAlertTest {

    /** The fewest events that keep the guild's evening hours (60-110 collected messages) well over the threshold of 20. */
    private static final int EVENTS = 20_000;
    private static final long SEED = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final SimulatedCommunity week = Scenarios.week(SEED, EVENTS);
    private final long guildId = week.community().guildId();
    private final GatewayProgress progress = new GatewayProgress();
    private final SpecChecked spec = new SpecChecked();

    @Test
    void theTuesdayEveningDropIsOneMessageEditedWhenItEnded() throws Exception {
        Incident drop = week.incidents(AlertType.ACTIVITY_DROP).get(0);
        SimulatedClock clock = new SimulatedClock(week.start());
        // the ground truth's hours, checked with the default rule, are the drop's 4 hours and no other
        assertThat(truthDropHours(week)).containsExactly(drop.start(), drop.start().plus(Duration.ofHours(1)),
                drop.start().plus(Duration.ofHours(2)), drop.start().plus(Duration.ofHours(3)));
        assertThat(drop.end()).isEqualTo(drop.start().plus(Duration.ofHours(4)));
        try (DiscordEmulator discord = TestBots.emulator(week, spec); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN a guild that whitelisted its collected channels and never set an update channel
            TestBots.whitelist(store, week);
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);

            // WHEN its week is played and every hour of it has been checked
            new Lockstep(discord, clock, progress).play(week.events());
            finish(collector, clock, week.end());

            // THEN one message about the drop in #serverpulse-updates, edited once, now saying it ended
            ChannelRecord updates = discord.recorded().channelsCreated().stream()
                    .filter(c -> c.name().equals("serverpulse-updates")).findFirst().orElseThrow();
            List<StoredMessage> dropMessages = titled(discord.recorded().messages(updates.id()), "Activity drop");
            assertThat(dropMessages).hasSize(1);
            StoredMessage message = dropMessages.get(0);
            JsonNode embed = message.embeds().get(0);
            assertThat(embed.path("title").asText()).isEqualTo("✅ Activity drop — ended");
            assertThat(discord.recorded().edits()).filteredOn(e -> e.messageId() == message.id()).hasSize(1);
            // from 19:00 to 23:00 on Tuesday, for the whole server, with the numbers of the hours
            assertThat(field(embed, "Started")).isEqualTo("<t:" + drop.start().getEpochSecond() + ":f>");
            assertThat(field(embed, "Ended")).isEqualTo("<t:" + drop.end().getEpochSecond() + ":f>");
            assertThat(field(embed, "Duration")).isEqualTo("4 h 0 min");
            assertThat(field(embed, "Channels")).isEqualTo("whole server");
            ActivityDropCheck.Result first = truthCheck(week, drop.start().plus(Duration.ofHours(1)));
            ActivityDropCheck.Result recovered = truthCheck(week, drop.end().plus(Duration.ofHours(1)));
            assertThat(embed.path("description").asText()).isEqualTo(recovered.summary() + "; the drop began with "
                    + first.observed() + " messages (usually " + Math.round(first.usual()) + ")");
            assertThat(embed.path("description").asText())
                    .matches("usually \\d+ messages at this hour \\(over 1 previous day\\), \\d+ in the last hour;"
                            + " the drop began with \\d+ messages \\(usually \\d+\\)");

            // and the store holds that one incident, ended, with the numbers of its first hour
            List<AlertRecord> drops = store.alerts(guildId, Buckets.ALL_TIME).stream()
                    .filter(a -> a.type() == AlertType.ACTIVITY_DROP).toList();
            assertThat(drops).hasSize(1);
            assertThat(drops.get(0).startedAt()).isEqualTo(drop.start());
            assertThat(drops.get(0).endedAt()).isEqualTo(drop.end());
            assertThat(drops.get(0).observed()).isEqualTo(first.observed());
            assertThat(drops.get(0).baseline()).isEqualTo(first.usual());
            assertThat(spec.refused()).isEmpty();
        }
    }

    @Test
    void aDropThatOutlivesARestartIsStillOneMessageEditedWhenItEnded() throws Exception {
        Incident drop = week.incidents(AlertType.ACTIVITY_DROP).get(0);
        Instant restart = drop.start().plus(Duration.ofMinutes(150));
        Instant until = drop.end().plus(Duration.ofHours(2));
        SimulatedClock clock = new SimulatedClock(week.start());
        try (DiscordEmulator discord = TestBots.emulator(week, spec); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN a collector that posted the Tuesday drop, then was restarted at 21:30, during the drop
            TestBots.whitelist(store, week);
            Collector first = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(first);
            new Lockstep(discord, clock, progress).play(week.events().stream().filter(e -> e.at().isBefore(restart)).toList());
            finish(first, clock, restart);
            assertThat(titled(discord.recorded().messages(), "Activity drop")).hasSize(1);
            GatewayProgress second = new GatewayProgress();
            Collector restarted = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, second).start();
            TestBots.awaitReady(restarted);

            // WHEN the rest of the evening is played and checked by the restarted collector
            Lockstep.ofConnectedSessions(discord, clock, second).play(week.events().stream()
                    .filter(e -> !e.at().isBefore(restart) && e.at().isBefore(until)).toList());
            finish(restarted, clock, until);

            // THEN there is still one drop message, which the restarted collector found and edited to "ended"
            List<StoredMessage> dropMessages = titled(discord.recorded().messages(), "Activity drop");
            assertThat(dropMessages).hasSize(1);
            StoredMessage message = dropMessages.get(0);
            assertThat(message.embeds().get(0).path("title").asText()).isEqualTo("✅ Activity drop — ended");
            assertThat(field(message.embeds().get(0), "Ended")).isEqualTo("<t:" + drop.end().getEpochSecond() + ":f>");
            assertThat(discord.recorded().edits()).filteredOn(e -> e.messageId() == message.id()).hasSize(1);
            assertThat(store.alerts(guildId, Buckets.ALL_TIME)).filteredOn(a -> a.type() == AlertType.ACTIVITY_DROP)
                    .singleElement().satisfies(a -> assertThat(a.endedAt()).isEqualTo(drop.end()));
            assertThat(spec.refused()).isEmpty();
        }
    }

    @Test
    void theSameGuildsCalmWeekGivesNoDropMessage() throws Exception {
        SimulatedCommunity calm = Scenarios.calmWeek(SEED, EVENTS);
        SimulatedClock clock = new SimulatedClock(calm.start());
        assertThat(calm.community().guildId()).isEqualTo(guildId);
        assertThat(truthDropHours(calm)).isEmpty();
        try (DiscordEmulator discord = TestBots.emulator(calm, spec); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN the same guild, collecting
            TestBots.whitelist(store, calm);
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);

            // WHEN its calm week, quiet nights included, is played and every hour checked
            new Lockstep(discord, clock, progress).play(calm.events());
            finish(collector, clock, calm.end());

            // THEN no drop was posted or stored
            assertThat(titled(discord.recorded().messages(), "Activity drop")).isEmpty();
            assertThat(store.alerts(guildId, Buckets.ALL_TIME)).noneMatch(a -> a.type() == AlertType.ACTIVITY_DROP);
            assertThat(spec.refused()).isEmpty();
        }
    }

    @Test
    void withDropAlertsToggledOffTheDropIsNotPosted() throws Exception {
        Incident drop = week.incidents(AlertType.ACTIVITY_DROP).get(0);
        SimulatedClock clock = new SimulatedClock(week.start());
        try (DiscordEmulator discord = TestBots.emulator(week, spec); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN a running collector, and the guild owner switching drop alerts off with /toggle-alert
            TestBots.whitelist(store, week);
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);
            TestBots.awaitCommandsRegistered(discord);
            long channel = week.collectedChannelIds().iterator().next();
            PendingInteraction toggle = discord.slashCommand(channel, week.community().ownerId(), "toggle-alert",
                    Map.of("type", "drop", "state", "off"));
            TestBots.awaitAnswer(discord, toggle.id());
            assertThat(store.settings(guildId).alert(AlertType.ACTIVITY_DROP).enabled()).isFalse();

            // WHEN the week is played until 3 hours after the drop, and those hours are checked
            Instant until = drop.end().plus(Duration.ofHours(3));
            new Lockstep(discord, clock, progress).play(week.events().stream().filter(e -> e.at().isBefore(until)).toList());
            finish(collector, clock, until);

            // THEN no drop was posted or stored
            assertThat(titled(discord.recorded().messages(), "Activity drop")).isEmpty();
            assertThat(store.alerts(guildId, Buckets.ALL_TIME)).noneMatch(a -> a.type() == AlertType.ACTIVITY_DROP);
            assertThat(spec.refused()).isEmpty();
        }
    }

    /** Moves the clock to {@code end}, waits until every hour up to it was checked, and shuts the collector down. */
    private static void finish(Collector collector, SimulatedClock clock, Instant end) throws InterruptedException {
        clock.advanceTo(end);
        Instant lastHour = end.truncatedTo(ChronoUnit.HOURS);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (collector.activityDropsCheckedUpTo().orElseThrow().isBefore(lastHour)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("activity drops were not checked up to " + lastHour + " within " + WAIT);
            }
            Thread.sleep(20);
        }
        assertThat(collector.shutdown().complete()).isTrue();
    }

    /** The default rule on the emulator's own counts, for the window ending at {@code end}. */
    private ActivityDropCheck.Result truthCheck(SimulatedCommunity sim, Instant end) {
        AlertRule rule = AlertRule.defaultFor(AlertType.ACTIVITY_DROP);
        GroundTruth truth = sim.groundTruth();
        return ActivityDropCheck.check(rule, truth.buckets(BucketKind.CHANNEL_HOUR, sim.community().guildId(), null, null,
                ActivityDropCheck.lookback(rule, end)), end);
    }

    /** The starts of the hours the default rule finds dropped in the emulator's own counts. */
    private List<Instant> truthDropHours(SimulatedCommunity sim) {
        List<Instant> hours = new ArrayList<>();
        for (Instant end = sim.start().plus(Duration.ofHours(1)); !end.isAfter(sim.end()); end = end.plus(Duration.ofHours(1))) {
            ActivityDropCheck.Result result = truthCheck(sim, end);
            if (result.dropped()) {
                hours.add(result.window().from());
            }
        }
        return hours;
    }

    private static List<StoredMessage> titled(List<StoredMessage> messages, String type) {
        return messages.stream().filter(m -> !m.embeds().isEmpty() && m.embeds().get(0).path("title").asText().contains(type)).toList();
    }

    private static String field(JsonNode embed, String name) {
        Optional<JsonNode> field = StreamSupport.stream(embed.path("fields").spliterator(), false)
                .filter(f -> f.path("name").asText().equals(name)).findFirst();
        return field.map(f -> f.path("value").asText()).orElse(null);
    }
}

package io.serverpulse.alerts.lambda;

import static io.serverpulse.alerts.support.AlertRig.GUILD;
import static io.serverpulse.alerts.support.AlertRig.embed;
import static io.serverpulse.alerts.support.AlertRig.invoke;
import static io.serverpulse.alerts.support.AlertRig.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.alerts.support.AlertRig;
import io.serverpulse.common.testing.LogCapture;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.emulator.state.StoredMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hourly activity-drop check as EventBridge Scheduler invokes it, over a seeded MongoDB and the emulated Discord. */
class DropCheckFunctionTest {

    /** The drop's hour: 19:00-20:00 UTC, after 8 days of history; the schedule fires at 20:05 and 21:05. */
    private static final Instant DROP = Instant.parse("2026-03-10T19:00:00Z");
    private static final Instant HISTORY = DROP.minus(Duration.ofDays(8));
    /** A guild with settings that the bot is no longer in (Discord answers 404 for it). */
    private static final long LEFT_GUILD = 1217456348762180001L;

    private final AlertRig rig = new AlertRig();
    /** Never read when the event names its time; a manual invoke without one would check the hour before 23:30. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T23:30:00Z"), ZoneOffset.UTC);
    private final DropCheckFunction function = new DropCheckFunction(AlertWiring.dropCheck(rig.config()), clock);

    @AfterEach
    void close() {
        rig.close();
    }

    /** {@code perHour} messages, split over #general and #memes, in each hour of {@code [from, to)}: CHANNEL_HOUR rows. */
    private void messages(long guildId, Instant from, Instant to, long perHour) {
        MetricBatch.Builder batch = MetricBatch.builder(UUID.randomUUID().toString());
        for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            batch.add(BucketKey.channelHour(guildId, AlertRig.GENERAL, h), Counter.MESSAGES, perHour * 3 / 4);
            batch.add(BucketKey.channelHour(guildId, AlertRig.MEMES, h), Counter.MESSAGES, perHour - perHour * 3 / 4);
        }
        rig.store().apply(batch.build());
    }

    private void guildWithA90PercentDrop(long guildId) {
        rig.store().saveSettings(GuildSettings.defaults(guildId).withCollectChannels(Set.of(AlertRig.GENERAL, AlertRig.MEMES), HISTORY));
        messages(guildId, HISTORY, DROP, 100);
        messages(guildId, DROP, DROP.plus(Duration.ofHours(1)), 10);
    }

    private String runAt(String fixture) {
        return invoke(function::handleRequest, resource("schedule/" + fixture));
    }

    private long updateChannel() {
        return rig.updateChannel(GUILD).orElseThrow();
    }

    @Test
    void aNinetyPercentDropIsPostedOnceAndEditedToEndedWhenActivityRecovers() {
        // GIVEN 8 days of 100 messages an hour, then 10 in the hour 19:00-20:00
        guildWithA90PercentDrop(GUILD);

        // WHEN the schedule runs at 20:05
        String first = runAt("scheduled-2026-03-10T20-05.json");

        // THEN one "Activity drop" message in the guild's new update channel, and the incident is stored as ongoing
        List<StoredMessage> messages = rig.messages(updateChannel());
        assertThat(messages).hasSize(1);
        JsonNode opened = embed(messages.get(0));
        assertThat(opened.path("title").asText()).isEqualTo("🚨 Activity drop");
        assertThat(opened.path("description").asText())
                .isEqualTo("usually 100 messages at this hour (over 7 previous days), 10 in the last hour");
        assertThat(first).isEqualTo("{\"hour_end\":\"2026-03-10T20:00:00Z\",\"guilds\":1,\"opened\":1,\"ended\":0,\"failed\":0,\"suppressed\":0}");

        // AND WHEN the next hour is back to 95 messages and the schedule runs at 21:05
        messages(GUILD, DROP.plus(Duration.ofHours(1)), DROP.plus(Duration.ofHours(2)), 95);
        String second = runAt("scheduled-2026-03-10T21-05.json");

        // THEN that same message now says the drop ended (19:00 to 20:00), and the stored incident is ended
        messages = rig.messages(updateChannel());
        assertThat(messages).hasSize(1);
        JsonNode ended = embed(messages.get(0));
        assertThat(ended.path("title").asText()).isEqualTo("✅ Activity drop — ended");
        assertThat(ended.path("footer")).isEqualTo(opened.path("footer"));
        assertThat(ended.path("fields").findValuesAsText("value")).contains("60 min");
        assertThat(second).contains("\"opened\":0,\"ended\":1,\"failed\":0");
        List<AlertRecord> stored = rig.store().alerts(GUILD, new TimeWindow(HISTORY, DROP.plus(Duration.ofDays(1))));
        assertThat(stored).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.ACTIVITY_DROP);
            assertThat(alert.endedAt()).isEqualTo(DROP.plus(Duration.ofHours(1)));
        });
    }

    @Test
    void aRerunOfTheSameHourPostsNothingMore() {
        // GIVEN the drop was posted by the 20:05 run
        guildWithA90PercentDrop(GUILD);
        runAt("scheduled-2026-03-10T20-05.json");

        // WHEN the same hour runs again (a retried or duplicate schedule event)
        String again = runAt("scheduled-2026-03-10T20-05.json");

        // THEN still one message
        assertThat(rig.messages(updateChannel())).hasSize(1);
        assertThat(again).contains("\"opened\":0,\"ended\":0,\"failed\":0");
    }

    @Test
    void oneGuildsFailureDoesNotStopTheOthers() {
        // GIVEN two guilds with the same drop, one of which the bot has left (Discord: Unknown Guild)
        guildWithA90PercentDrop(LEFT_GUILD);
        guildWithA90PercentDrop(GUILD);

        try (LogCapture logs = new LogCapture()) {
            // WHEN the schedule runs at 20:05
            String summary = runAt("scheduled-2026-03-10T20-05.json");

            // THEN the guild the bot is in gets its message, the other one is logged with its id and Discord's status
            assertThat(rig.messages(updateChannel())).hasSize(1);
            assertThat(summary).isEqualTo("{\"hour_end\":\"2026-03-10T20:00:00Z\",\"guilds\":2,\"opened\":1,\"ended\":0,\"failed\":1,\"suppressed\":0}");
            assertThat(logs.lines()).anyMatch(line -> line.startsWith("ERROR") && line.contains("of guild " + LEFT_GUILD)
                    && line.contains("could not be posted (HTTP 404)"));
            assertThat(String.join("\n", logs.lines())).doesNotContain(rig.discord().token());
        }
    }

    @Test
    void whenEveryGuildFallsSilentAtOnceNoDropIsPosted() {
        // GIVEN three busy guilds, all silent in 19:00-20:00: the collector was down for that hour
        for (long guild : List.of(GUILD, GUILD + 1, GUILD + 2)) {
            rig.store().saveSettings(GuildSettings.defaults(guild).withCollectChannels(Set.of(AlertRig.GENERAL, AlertRig.MEMES),
                    HISTORY));
            messages(guild, HISTORY, DROP, 100);
        }

        try (LogCapture logs = new LogCapture()) {
            // WHEN the schedule runs at 20:05
            String summary = runAt("scheduled-2026-03-10T20-05.json");

            // THEN nobody is paged: three guilds at once is a collection outage, said once in the log
            assertThat(rig.discord().recorded().messages()).isEmpty();
            assertThat(summary).isEqualTo(
                    "{\"hour_end\":\"2026-03-10T20:00:00Z\",\"guilds\":3,\"opened\":0,\"ended\":0,\"failed\":0,\"suppressed\":3}");
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN") && line.contains("collection outage")).hasSize(1);
            assertThat(rig.store().alerts(GUILD, new TimeWindow(HISTORY, DROP.plus(Duration.ofDays(1))))).isEmpty();
        }
    }
}

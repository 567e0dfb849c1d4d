package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withLocale;
import static io.serverpulse.common.commands.CommandKit.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.retention.RetentionRestamper;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetRetentionCommandTest {

    private static final long ALICE = 200000000000000001L;
    private static final TimeWindow ALL = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private final CommandKit kit = new CommandKit();

    @Test
    void anAdminChoosesTheRetentionAndLeftOutOptionsKeepTheirValue() {
        // GIVEN a guild on the default retention
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), Instant.EPOCH));

        // WHEN an admin runs /set-retention metrics:30 summaries:60
        Answer answer = kit.run(fixture("set-retention.json"));

        // THEN only they see the new retention, leaderboards keep their 30 days, and status shows it as chosen
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).startsWith("✅ This server’s data is now kept for: metrics 30 days · leaderboards 30 days"
                + " · AI summaries 60 days.").contains("deleted at the next hourly sweep");
        assertThat(kit.store.settings(GUILD).retention()).isEqualTo(new Retention(30, 30, 60));
        assertThat(kit.store.settings(GUILD).collectChannels()).containsExactly(GENERAL);
        Answer status = kit.run(fixture("serverpulse-status.json"));
        assertThat(status.data().path("embeds").get(0).path("fields").toString())
                .contains("metrics 30 d · leaderboards 30 d · summaries 60 d\"").doesNotContain("default");
    }

    @Test
    void aValueOutsideTheRangeIsRefusedAndNothingChanges() {
        // GIVEN / WHEN an admin asks for 5 days of metrics (the minimum is 7)
        Answer answer = kit.run(withOptions(fixture("set-retention.json"), "[{\"name\":\"metrics\",\"type\":4,\"value\":5}]"));

        // THEN the answer says the range, and no settings were stored
        assertThat(answer.content()).isEqualTo("**metrics** must be between 7 and 365 days.");
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }

    @Test
    void theAnswerIsLocalized() {
        // GIVEN / WHEN a German admin sets a longer retention
        Answer answer = kit.run(withLocale(withOptions(fixture("set-retention.json"),
                "[{\"name\":\"metrics\",\"type\":4,\"value\":120}]"), "de"));

        // THEN the answer is German, and says that existing rows are moved to it in the background
        assertThat(answer.content()).contains("Metriken 120 Tage").contains("im Hintergrund umgestellt").doesNotContain("gelöscht");
    }

    @Test
    void rowsCarryTheOldExpiryBeforeAndTheNewOneAfterTheCommandAndTheRestamp() {
        // GIVEN a member's messages 40 days ago, written under the default 90 days
        Instant fortyDaysAgo = NOW.minus(Duration.ofDays(40));
        kit.post(GUILD, GENERAL, ALICE, 3, fortyDaysAgo);
        assertThat(kit.store.sweepExpired(NOW)).as("only the member-hour rows, kept 49 hours").isEqualTo(2);
        assertThat(kit.store.buckets(BucketKind.MEMBER_DAY, GUILD, null, null, ALL)).hasSize(2);

        // WHEN an admin cuts metrics to 30 days, and the rows are re-stamped (the collector does this in the background)
        kit.run(fixture("set-retention.json"));
        RetentionRestamper.Outcome outcome = new RetentionRestamper(kit.store, 2).restamp(GUILD, () -> false, () -> { });

        // THEN every row now expires 30 days after its hour or day: the sweep deletes them all; new rows expire at 30 days too
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.steps()).isGreaterThan(1);
        assertThat(outcome.restamped()).isEqualTo(3);
        assertThat(kit.store.sweepExpired(NOW)).isEqualTo(3);
        assertThat(kit.store.buckets(BucketKind.MEMBER_DAY, GUILD, null, null, ALL)).isEmpty();
        Instant twentyNineDaysAgo = NOW.minus(Duration.ofDays(29));
        kit.post(GUILD, GENERAL, ALICE, 1, twentyNineDaysAgo);
        assertThat(kit.store.sweepExpired(NOW)).as("its member-hour rows").isEqualTo(2);
        assertThat(kit.store.sweepExpired(BucketKind.MEMBER_DAY.truncate(twentyNineDaysAgo).plus(Duration.ofDays(30)).minusMillis(1)))
                .isZero();
        assertThat(kit.store.sweepExpired(twentyNineDaysAgo.plus(Duration.ofDays(30)))).isEqualTo(3);
    }
}

package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.BOB;
import static io.serverpulse.common.store.contract.ContractFixtures.EVERYTHING;
import static io.serverpulse.common.store.contract.ContractFixtures.GENERAL;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.NOW;
import static io.serverpulse.common.store.contract.ContractFixtures.RANDOM;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static io.serverpulse.common.store.contract.ContractFixtures.cached;
import static io.serverpulse.common.store.contract.ContractFixtures.mc;
import static io.serverpulse.common.store.contract.ContractFixtures.raid;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.retention.RestampStep;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The retention half of the {@link io.serverpulse.common.store.GuildDataStore} part of the storage
 * contract. {@code expire_at} is what the store's {@link RetentionPolicy} gives a row when it is
 * written, under the guild's retention in force at that time (the one it chose, else the policy's
 * default), and again when the guild's rows are re-stamped ({@code restampExpiry}):
 * <ul>
 *   <li>metric buckets: bucket start + {@link io.serverpulse.common.settings.Retention#metrics()};
 *       {@link io.serverpulse.common.metrics.BucketKind#MEMBER_HOUR} rows: bucket start +
 *       {@link io.serverpulse.common.metrics.BucketKind#MEMBER_HOUR_RETENTION}, or the metrics retention if shorter;</li>
 *   <li>member events: {@link io.serverpulse.common.members.MemberEvent#at()} + metrics retention;</li>
 *   <li>alerts: {@link io.serverpulse.common.alerts.AlertRecord#startedAt()} + metrics retention;</li>
 *   <li>AI summaries: {@link io.serverpulse.common.ai.AiSummary#createdAt()} + summary retention;</li>
 *   <li>cached leaderboards: {@link io.serverpulse.common.leaderboard.CachedLeaderboard#computedAt()} +
 *       leaderboard retention;</li>
 *   <li>guild settings never expire.</li>
 * </ul>
 * {@code sweepExpired} deletes the rows whose {@code expire_at} is at or before its argument and
 * returns how many guild rows it deleted (an adapter's own bookkeeping, such as remembered batch
 * ids, is not counted).
 */
public interface RetentionContract extends StoreContractPart {

    @Test
    default void sweepDeletesExactlyTheRowsWhoseExpiryHasCome() {
        // GIVEN guild A on default retention (90/30/180 days), guild B on 10/3/5 days, and for each
        // kind of row one that expires exactly at the sweep and one that expires just after it
        Instant sweepAt = at("2026-06-15T00:00:00Z");
        store().saveSettings(GuildSettings.defaults(GUILD_B).withRetention(new Retention(10, 3, 5), at("2026-06-01T00:00:00Z")));
        List<Object> kept = new ArrayList<>();
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            Retention retention = store().retentionPolicy().inForce(store().findSettings(guild));
            Instant hourDue = sweepAt.minus(retention.metrics());
            Instant dayDue = sweepAt.minus(retention.metrics());
            Instant memberHourDue = sweepAt.minus(BucketKind.MEMBER_HOUR_RETENTION);
            MetricBatch.Builder builder = MetricBatch.builder("sweep-" + guild);
            BucketKey[] due = {
                BucketKey.channelHour(guild, GENERAL, hourDue),
                BucketKey.memberDay(guild, BucketKey.ALL_CHANNELS, ALICE, dayDue),
                BucketKey.emojiDay(guild, "👍", dayDue),
                BucketKey.memberHour(guild, BucketKey.ALL_CHANNELS, ALICE, memberHourDue)};
            BucketKey[] notYet = {
                BucketKey.channelHour(guild, GENERAL, hourDue.plus(Duration.ofHours(1))),
                BucketKey.memberDay(guild, BucketKey.ALL_CHANNELS, ALICE, dayDue.plus(Duration.ofDays(1))),
                BucketKey.emojiDay(guild, "👍", dayDue.plus(Duration.ofDays(1))),
                BucketKey.memberHour(guild, BucketKey.ALL_CHANNELS, ALICE, memberHourDue.plus(Duration.ofHours(1)))};
            for (BucketKey key : due) {
                builder.add(key, Counter.REACTIONS, 1);
            }
            for (BucketKey key : notYet) {
                builder.add(key, Counter.REACTIONS, 2);
                kept.add(new BucketRow(key, Map.of(Counter.REACTIONS, 2L)));
            }
            store().apply(builder.build());

            Instant eventDue = sweepAt.minus(retention.metrics());
            MemberEvent keptEvent = new MemberEvent(guild, BOB, MemberEvent.Kind.JOIN, eventDue.plusMillis(1));
            store().recordMemberEvents(List.of(new MemberEvent(guild, ALICE, MemberEvent.Kind.JOIN, eventDue), keptEvent));
            kept.add(keptEvent);
            AlertRecord keptAlert = raid(guild, eventDue.plusMillis(1));
            store().saveAlert(raid(guild, eventDue));
            store().saveAlert(keptAlert);
            kept.add(keptAlert);
            Instant summaryDue = sweepAt.minus(retention.summaries());
            AiSummary keptSummary = new AiSummary(guild, "kept", AiProvider.GEMINI, "", "kept", summaryDue.plusMillis(1));
            store().saveSummary(new AiSummary(guild, "due", AiProvider.GEMINI, "", "due", summaryDue));
            store().saveSummary(keptSummary);
            kept.add(keptSummary);
            Instant leaderboardDue = sweepAt.minus(retention.leaderboards());
            CachedLeaderboard keptLeaderboard = cached(guild, 0, Counter.MESSAGES, Period.LAST_30_DAYS, leaderboardDue.plusMillis(1),
                    List.of(mc(ALICE, 1)));
            store().saveLeaderboard(cached(guild, 0, Counter.MESSAGES, Period.LAST_7_DAYS, leaderboardDue, List.of(mc(ALICE, 1))));
            store().saveLeaderboard(keptLeaderboard);
            kept.add(keptLeaderboard);
        }
        kept.add(store().settings(GUILD_B));

        // WHEN the sweep runs a millisecond early, then on time
        long early = store().sweepExpired(sweepAt.minusMillis(1));
        long onTime = store().sweepExpired(sweepAt);

        // THEN the early sweep deletes nothing; the one on time deletes the 8 due rows of each guild, and the rest stays
        assertThat(early).isZero();
        assertThat(onTime).isEqualTo(16);
        List<Object> remaining = new ArrayList<>();
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            Exported exported = Exported.of(store(), guild);
            remaining.addAll(exported.settings);
            remaining.addAll(exported.buckets);
            remaining.addAll(exported.memberEvents);
            remaining.addAll(exported.alerts);
            remaining.addAll(exported.summaries);
            remaining.addAll(exported.leaderboards);
        }
        assertThat(remaining).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(store().sweepExpired(sweepAt)).isZero();
    }

    @Test
    default void sweepUsesTheRetentionInForceWhenARowWasWritten() {
        // GIVEN a bucket written under 90-day retention, then retention cut to 10 days, then another bucket
        Instant oldHour = at("2026-05-20T10:00:00Z");
        store().apply(MetricBatch.builder("before-change").add(BucketKey.channelHour(GUILD_A, GENERAL, oldHour), Counter.MESSAGES, 1).build());
        store().saveSettings(GuildSettings.defaults(GUILD_A).withRetention(new Retention(10, 30, 180), NOW));
        store().apply(MetricBatch.builder("after-change").add(BucketKey.channelHour(GUILD_A, RANDOM, oldHour), Counter.MESSAGES, 1).build());

        // WHEN the sweep runs 20 days after the buckets' hour
        long deleted = store().sweepExpired(at("2026-06-09T10:00:00Z"));

        // THEN only the bucket written under the 10-day retention is gone
        assertThat(deleted).isEqualTo(1);
        assertThat(store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null, EVERYTHING))
                .extracting(row -> row.key().channelId()).containsExactly(GENERAL);
    }

    @Test
    default void aBucketWrittenAgainTakesTheRetentionInForceThen() {
        // GIVEN a bucket written under 90-day retention, then retention cut to 10 days
        Instant oldHour = at("2026-05-20T10:00:00Z");
        BucketKey bucket = BucketKey.channelHour(GUILD_A, GENERAL, oldHour);
        store().apply(MetricBatch.builder("first-write").add(bucket, Counter.MESSAGES, 1).build());
        store().saveSettings(GuildSettings.defaults(GUILD_A).withRetention(new Retention(10, 30, 180), NOW));

        // WHEN the same bucket is written again (a late event of that hour)
        store().apply(MetricBatch.builder("second-write").add(bucket, Counter.MESSAGES, 1).build());

        // THEN it expires by the 10-day retention, with both counts
        assertThat(store().sweepExpired(at("2026-05-30T09:59:59.999Z"))).isZero();
        assertThat(store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null, EVERYTHING))
                .containsExactly(new BucketRow(bucket, Map.of(Counter.MESSAGES, 2L)));
        assertThat(store().sweepExpired(at("2026-05-30T10:00:00Z"))).isEqualTo(1);
        assertThat(store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null, EVERYTHING)).isEmpty();
    }

    @Test
    default void theConfiguredDefaultRetentionAppliesToGuildsThatChoseNone() {
        // GIVEN a store configured with a default retention of 2 days of metrics, 3 of leaderboards and 4 of
        // summaries; guild A without settings, guild B with settings but no retention of its own
        Store configured = openStore(new RetentionPolicy(new Retention(2, 3, 4)));
        configured.saveSettings(GuildSettings.defaults(GUILD_B).withLocale("de", NOW));
        Instant hour = at("2026-06-10T10:00:00Z");
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            configured.apply(MetricBatch.builder("defaults-" + guild)
                    .add(BucketKey.channelHour(guild, GENERAL, hour), Counter.MESSAGES, 1)
                    .add(BucketKey.memberHour(guild, BucketKey.ALL_CHANNELS, ALICE, hour), Counter.MESSAGES, 1).build());
            configured.recordMemberEvents(List.of(new MemberEvent(guild, ALICE, MemberEvent.Kind.JOIN, hour)));
            configured.saveAlert(raid(guild, hour));
            configured.saveLeaderboard(cached(guild, 0, Counter.MESSAGES, Period.LAST_7_DAYS, hour, List.of(mc(ALICE, 1))));
            configured.saveSummary(new AiSummary(guild, "weekly", AiProvider.GEMINI, "", "text", hour));
        }

        // WHEN the sweep runs just before and at the second day, then at the third and the fourth
        long beforeTwoDays = configured.sweepExpired(hour.plus(Duration.ofDays(2)).minusMillis(1));
        long atTwoDays = configured.sweepExpired(hour.plus(Duration.ofDays(2)));
        long atThreeDays = configured.sweepExpired(hour.plus(Duration.ofDays(3)));
        long atFourDays = configured.sweepExpired(hour.plus(Duration.ofDays(4)));

        // THEN both guilds keep their metrics, events and alerts 2 days (member hours too: never longer than
        // metrics), leaderboards 3 and summaries 4 days; the default of the seed (90 days) plays no part
        assertThat(configured.retentionPolicy().inForce(configured.findSettings(GUILD_B))).isEqualTo(new Retention(2, 3, 4));
        assertThat(beforeTwoDays).isZero();
        assertThat(atTwoDays).isEqualTo(2 * 4);
        assertThat(atThreeDays).isEqualTo(2);
        assertThat(atFourDays).isEqualTo(2);
        assertThat(Exported.of(configured, GUILD_A).rows()).isZero();
        assertThat(Exported.of(configured, GUILD_B).rows()).isEqualTo(1);
    }

    @Test
    default void memberHourRowsNeverOutliveAShortMetricsRetention() {
        // GIVEN a guild that keeps metrics for 1 day, and a member-hour bucket
        store().saveSettings(GuildSettings.defaults(GUILD_A).withRetention(new Retention(1, 30, 180), NOW));
        Instant hour = at("2026-06-10T10:00:00Z");
        store().apply(MetricBatch.builder("short").add(BucketKey.memberHour(GUILD_A, GENERAL, ALICE, hour), Counter.MESSAGES, 1)
                .build());

        // WHEN / THEN it is swept after 24 hours, not 49
        assertThat(store().sweepExpired(hour.plus(Duration.ofHours(24)).minusMillis(1))).isZero();
        assertThat(store().sweepExpired(hour.plus(Duration.ofHours(24)))).isEqualTo(1);
    }

    @Test
    default void restampingGivesEveryExistingRowOfTheGuildItsNewExpiry() {
        // GIVEN rows of every kind in two guilds, written under the default 90 / 30 / 180 days
        Instant t = at("2026-05-01T10:00:00Z");
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            store().apply(new Activity()
                    .messages(guild, GENERAL, ALICE, t, 2)
                    .reactions(guild, RANDOM, BOB, "👍", t.plus(Duration.ofHours(3)), 1)
                    .joins(guild, BOB, t)
                    .batch("restamp-" + guild));
            store().recordMemberEvents(List.of(new MemberEvent(guild, BOB, MemberEvent.Kind.JOIN, t)));
            store().saveAlert(raid(guild, t));
            store().saveSummary(new AiSummary(guild, "weekly", AiProvider.GEMINI, "", "text", t));
            store().saveLeaderboard(cached(guild, 0, Counter.MESSAGES, Period.LAST_7_DAYS, t, List.of(mc(ALICE, 2))));
        }
        long rowsOfA = Exported.of(store(), GUILD_A).rows();
        long memberHoursOfA = store().buckets(BucketKind.MEMBER_HOUR, GUILD_A, null, null, EVERYTHING).size();
        // ... then guild A cuts its retention to 10 / 3 / 5 days
        Retention cut = new Retention(10, 3, 5);
        store().saveSettings(GuildSettings.defaults(GUILD_A).withRetention(cut, NOW));

        // WHEN guild A's rows are re-stamped in steps of at most 3 rows
        int steps = 0;
        int restamped = 0;
        String cursor = null;
        do {
            RestampStep step = store().restampExpiry(GUILD_A, cut, cursor, 3);
            assertThat(step.examined()).isBetween(0, 3);
            restamped += step.restamped();
            cursor = step.resumeAfter();
            steps++;
        } while (cursor != null && steps < 1_000);

        // THEN every row of guild A was re-stamped once, in several steps (member hours keep their 49 hours: they
        // need no change); a second pass changes nothing
        assertThat(cursor).isNull();
        assertThat(steps).isGreaterThan(3);
        assertThat(memberHoursOfA).isEqualTo(4);
        assertThat(restamped).isEqualTo(rowsOfA - memberHoursOfA);
        String again = null;
        int second = 0;
        do {
            RestampStep step = store().restampExpiry(GUILD_A, cut, again, 100);
            second += step.restamped();
            again = step.resumeAfter();
        } while (again != null);
        assertThat(second).isZero();
        // ... and each kind now expires by the cut retention: metrics, events and alerts after 10 days,
        // summaries after 5, leaderboards after 3 (member hours after 49 hours, as before); guild B is untouched
        TimeWindow all = EVERYTHING;
        assertThat(store().sweepExpired(t.plus(Duration.ofHours(49)).minusMillis(1))).isZero();
        assertThat(store().buckets(BucketKind.MEMBER_HOUR, GUILD_A, null, null, all)).isNotEmpty();
        store().sweepExpired(t.plus(Duration.ofDays(3)));
        assertThat(store().buckets(BucketKind.MEMBER_HOUR, GUILD_A, null, null, all)).isEmpty();
        assertThat(store().leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).isEmpty();
        assertThat(store().summary(GUILD_A, "weekly")).isPresent();
        store().sweepExpired(t.plus(Duration.ofDays(5)));
        assertThat(store().summary(GUILD_A, "weekly")).isEmpty();
        assertThat(store().alerts(GUILD_A, all)).isNotEmpty();
        store().sweepExpired(t.plus(Duration.ofDays(10)).plus(Duration.ofHours(4)));
        Exported a = Exported.of(store(), GUILD_A);
        assertThat(a.rows()).isEqualTo(1);
        assertThat(a.settings).hasSize(1);
        assertThat(store().leaderboard(GUILD_B, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).isPresent();
        assertThat(store().summary(GUILD_B, "weekly")).isPresent();
        assertThat(Exported.of(store(), GUILD_B).rows()).isEqualTo(rowsOfA - memberHoursOfA);
    }
}

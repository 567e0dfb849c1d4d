package io.serverpulse.common.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final long GUILD = 810_000_000_000_000_001L;
    private static final Instant T = Instant.parse("2026-06-10T10:25:00Z");

    @Test
    void aGuildThatChoseNoRetentionFollowsTheConfiguredDefault() {
        // GIVEN a deployment whose default keeps metrics 1 day, leaderboards 2 and summaries 3
        RetentionPolicy policy = new RetentionPolicy(new Retention(1, 2, 3));

        // WHEN / THEN guilds without settings, and with settings but no retention of their own, get it;
        // a guild that chose its own keeps that
        assertThat(policy.inForce(Optional.empty())).isEqualTo(new Retention(1, 2, 3));
        assertThat(policy.inForce(GuildSettings.defaults(GUILD))).isEqualTo(new Retention(1, 2, 3));
        assertThat(policy.inForce(GuildSettings.defaults(GUILD).withRetention(new Retention(30, 7, 60), T)))
                .isEqualTo(new Retention(30, 7, 60));
    }

    @Test
    void eachKindOfRowExpiresFromItsOwnTimeByItsOwnRetention() {
        // GIVEN the seed's defaults and a guild on 30 / 7 / 60 days
        RetentionPolicy policy = RetentionPolicy.STANDARD;
        Retention retention = new Retention(30, 7, 60);
        Instant hour = T.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant day = T.truncatedTo(java.time.temporal.ChronoUnit.DAYS);

        // WHEN / THEN buckets count from their start, records from their own time
        assertThat(policy.expireAt(BucketKey.channelHour(GUILD, 1, T), retention)).isEqualTo(hour.plus(Duration.ofDays(30)));
        assertThat(policy.expireAt(BucketKey.memberDay(GUILD, 1, 2, T), retention)).isEqualTo(day.plus(Duration.ofDays(30)));
        assertThat(policy.expireAt(BucketKey.emojiDay(GUILD, "👍", T), retention)).isEqualTo(day.plus(Duration.ofDays(30)));
        assertThat(policy.expireAt(BucketKey.memberHour(GUILD, 1, 2, T), retention)).isEqualTo(hour.plus(Duration.ofHours(49)));
        assertThat(policy.expireAt(new MemberEvent(GUILD, 2, MemberEvent.Kind.JOIN, T), retention)).isEqualTo(T.plus(Duration.ofDays(30)));
        AlertRecord alert = new AlertRecord("a", GUILD, AlertType.JOIN_RAID, Severity.WARNING, T, null, List.of(), 1, 1, "");
        assertThat(policy.expireAt(alert, retention)).isEqualTo(T.plus(Duration.ofDays(30)));
        assertThat(policy.expireAt(new AiSummary(GUILD, "k", AiProvider.GROQ, "", "x", T), retention)).isEqualTo(T.plus(Duration.ofDays(60)));
        assertThat(policy.expireAt(new CachedLeaderboard(GUILD, 0, Counter.MESSAGES, Period.LAST_7_DAYS, T, List.of(), 0), retention))
                .isEqualTo(T.plus(Duration.ofDays(7)));
    }

    @Test
    void memberHourRowsAreNeverKeptLongerThanTheMetrics() {
        // GIVEN a guild that keeps metrics for one day
        Retention oneDay = new Retention(1, 1, 1);

        // WHEN / THEN its member-hour rows go after 24 hours, not 49
        assertThat(RetentionPolicy.STANDARD.keep(ExpiryKind.MEMBER_HOURS, oneDay)).isEqualTo(Duration.ofHours(24));
        assertThat(RetentionPolicy.STANDARD.keep(ExpiryKind.MEMBER_HOURS, Retention.DEFAULT)).isEqualTo(Duration.ofHours(49));
    }
}

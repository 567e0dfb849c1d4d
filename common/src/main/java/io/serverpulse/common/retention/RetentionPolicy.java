package io.serverpulse.common.retention;

import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for how long a stored row is kept: its {@code expire_at} is its anchor time (a
 * bucket's start, an event's time, an alert's start, a summary's or leaderboard's creation) plus
 * what the guild's retention keeps of its {@link ExpiryKind}. The retention in force is the one the
 * guild chose ({@code /set-retention}), or else the deployment's default ({@code RETENTION_*}).
 *
 * <p>As in a persistence store that computes a record's expiry before handing the finished record
 * to its database adapter, the storage adapters never decide an expiry: they read the guild's
 * settings, ask this policy, and store its answer (on every write, and when rows are re-stamped
 * after a retention change). Immutable and thread-safe.
 */
public final class RetentionPolicy {

    /** The seed's defaults (90 / 30 / 180 days), for stores opened without a configuration. */
    public static final RetentionPolicy STANDARD = new RetentionPolicy(Retention.DEFAULT);

    private final Retention defaults;

    /** @param defaults the retention of guilds that did not choose their own ({@code ServerPulseConfig#defaultRetention()}) */
    public RetentionPolicy(Retention defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    public Retention defaults() {
        return defaults;
    }

    /** The retention in force for a guild with these settings (null: a guild without stored settings). */
    public Retention inForce(GuildSettings settings) {
        return settings == null || settings.retention() == null ? defaults : settings.retention();
    }

    public Retention inForce(Optional<GuildSettings> settings) {
        return inForce(settings.orElse(null));
    }

    /** How long a row of {@code kind} is kept under {@code retention}. */
    public Duration keep(ExpiryKind kind, Retention retention) {
        return switch (kind) {
            case METRICS, MEMBER_EVENTS, ALERTS, DIGESTS -> retention.metrics();
            case MEMBER_HOURS -> min(BucketKind.MEMBER_HOUR_RETENTION, retention.metrics());
            case SUMMARIES -> retention.summaries();
            case LEADERBOARDS -> retention.leaderboards();
        };
    }

    /** When a row of {@code kind} anchored at {@code anchor} expires under {@code retention}. */
    public Instant expireAt(ExpiryKind kind, Retention retention, Instant anchor) {
        return anchor.plus(keep(kind, retention));
    }

    public Instant expireAt(BucketKey key, Retention retention) {
        return expireAt(ExpiryKind.of(key.kind()), retention, key.start());
    }

    public Instant expireAt(MemberEvent event, Retention retention) {
        return expireAt(ExpiryKind.MEMBER_EVENTS, retention, event.at());
    }

    public Instant expireAt(AlertRecord alert, Retention retention) {
        return expireAt(ExpiryKind.ALERTS, retention, alert.startedAt());
    }

    public Instant expireAt(AiSummary summary, Retention retention) {
        return expireAt(ExpiryKind.SUMMARIES, retention, summary.createdAt());
    }

    public Instant expireAt(CachedLeaderboard leaderboard, Retention retention) {
        return expireAt(ExpiryKind.LEADERBOARDS, retention, leaderboard.computedAt());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "RetentionPolicy[defaults=" + defaults + "]";
    }
}

package io.serverpulse.store.sqlite;

import static io.serverpulse.store.sqlite.SqlValues.millis;

import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.Retention;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guild's records other than settings and buckets: member events, alerts, AI summaries and
 * cached leaderboards, each written with the {@code expire_at} the retention policy gives it under the
 * guild's retention at that time.
 */
final class GuildRecords {

    private final SqliteConnection db;
    private final SettingsRows settings;

    GuildRecords(SqliteConnection db, SettingsRows settings) {
        this.db = db;
        this.settings = settings;
    }

    // ---------------------------------------------------------------- member events

    void recordMemberEvents(List<MemberEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        db.locked("record member events", () -> db.inTransaction(() -> {
            Map<Long, Retention> retentions = new HashMap<>();
            try (PreparedStatement insert = db.prepare(
                    "INSERT INTO member_events (guild_id, member_id, kind, at, expire_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")) {
                for (MemberEvent event : events) {
                    Retention retention = retentions.get(event.guildId());
                    if (retention == null) {
                        retention = settings.retention(event.guildId());
                        retentions.put(event.guildId(), retention);
                    }
                    insert.setLong(1, event.guildId());
                    insert.setLong(2, event.memberId());
                    insert.setString(3, event.kind().name());
                    insert.setLong(4, event.at().toEpochMilli());
                    insert.setLong(5, settings.policy().expireAt(event, retention).toEpochMilli());
                    insert.executeUpdate();
                }
            }
            return null;
        }));
    }

    List<MemberEvent> memberEvents(long guildId, TimeWindow window) {
        return db.read("read member events of guild " + guildId, () -> {
            List<MemberEvent> events = new ArrayList<>();
            try (PreparedStatement query = db.prepare("SELECT guild_id, member_id, kind, at FROM member_events"
                    + " WHERE guild_id = ? AND at >= ? AND at < ?", guildId, millis(window.from()), millis(window.to()));
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(RecordRows.memberEvent(rows));
                }
            }
            events.sort(Comparator.comparing(MemberEvent::at).thenComparing(MemberEvent::id, SqlValues::compareCodePoints));
            return events;
        });
    }

    // ---------------------------------------------------------------- alerts

    void saveAlert(AlertRecord alert) {
        String channels = SqlValues.json(alert.channelIds());
        db.locked("save alert " + alert.id(), () -> {
            Instant expireAt = settings.policy().expireAt(alert, settings.retention(alert.guildId()));
            return db.update("INSERT INTO alerts (guild_id, id, type, severity, started_at, ended_at, channel_ids, observed, baseline,"
                            + " context, expire_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (guild_id, id) DO UPDATE SET type = excluded.type, severity = excluded.severity,"
                            + " started_at = excluded.started_at, ended_at = excluded.ended_at, channel_ids = excluded.channel_ids,"
                            + " observed = excluded.observed, baseline = excluded.baseline, context = excluded.context,"
                            + " expire_at = excluded.expire_at"
                            // an ended incident is never reopened by a late save of its opening
                            + " WHERE alerts.ended_at IS NULL OR excluded.ended_at IS NOT NULL",
                    alert.guildId(), alert.id(), alert.type().name(), alert.severity().name(), millis(alert.startedAt()),
                    alert.endedAt() == null ? null : millis(alert.endedAt()), channels, alert.observed(), alert.baseline(),
                    alert.context(), millis(expireAt));
        });
    }

    List<AlertRecord> alerts(long guildId, TimeWindow window) {
        return db.read("read alerts of guild " + guildId, () -> {
            List<AlertRecord> alerts = new ArrayList<>();
            try (PreparedStatement query = db.prepare("SELECT * FROM alerts WHERE guild_id = ? AND started_at >= ? AND started_at < ?",
                    guildId, millis(window.from()), millis(window.to()));
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    alerts.add(RecordRows.alert(rows));
                }
            }
            alerts.sort(Comparator.comparing(AlertRecord::startedAt).thenComparing(AlertRecord::id, SqlValues::compareCodePoints));
            return alerts;
        });
    }

    // ---------------------------------------------------------------- summaries

    void saveSummary(AiSummary summary) {
        db.locked("save summary " + summary.periodKey(), () -> {
            Instant expireAt = settings.policy().expireAt(summary, settings.retention(summary.guildId()));
            return db.update("INSERT INTO ai_summaries (guild_id, period_key, provider, model, text, created_at, expire_at,"
                            + " input_hash, input_tokens, output_tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (guild_id, period_key) DO UPDATE SET"
                            + " provider = excluded.provider, model = excluded.model, text = excluded.text,"
                            + " created_at = excluded.created_at, expire_at = excluded.expire_at,"
                            + " input_hash = excluded.input_hash, input_tokens = excluded.input_tokens,"
                            + " output_tokens = excluded.output_tokens",
                    summary.guildId(), summary.periodKey(), summary.provider().name(), summary.model(), summary.text(),
                    millis(summary.createdAt()), millis(expireAt), summary.inputHash(), summary.inputTokens(),
                    summary.outputTokens());
        });
    }

    Optional<AiSummary> summary(long guildId, String periodKey) {
        return db.read("read summary " + periodKey, () -> {
            try (PreparedStatement query = db.prepare("SELECT * FROM ai_summaries WHERE guild_id = ? AND period_key = ?",
                    guildId, periodKey);
                 ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(RecordRows.summary(rows)) : Optional.empty();
            }
        });
    }

    // ---------------------------------------------------------------- leaderboard cache

    void saveLeaderboard(CachedLeaderboard leaderboard) {
        List<long[]> entries = leaderboard.entries().stream().map(e -> new long[] {e.memberId(), e.count()}).toList();
        String json = SqlValues.json(entries);
        db.locked("save leaderboard " + leaderboard.id(), () -> {
            Instant expireAt = settings.policy().expireAt(leaderboard, settings.retention(leaderboard.guildId()));
            return db.update("INSERT INTO leaderboard_cache (guild_id, channel_id, counter, period, computed_at, entries, total,"
                            + " expire_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, channel_id, counter, period) DO UPDATE SET"
                            + " computed_at = excluded.computed_at, entries = excluded.entries, total = excluded.total,"
                            + " expire_at = excluded.expire_at",
                    leaderboard.guildId(), leaderboard.channelId(), leaderboard.counter().field(), leaderboard.period().label(),
                    millis(leaderboard.computedAt()), json, leaderboard.total(), millis(expireAt));
        });
    }

    Optional<CachedLeaderboard> leaderboard(long guildId, long channelId, Counter counter, Period period) {
        return db.read("read cached leaderboard", () -> {
            try (PreparedStatement query = db.prepare("SELECT * FROM leaderboard_cache WHERE guild_id = ? AND channel_id = ?"
                    + " AND counter = ? AND period = ?", guildId, channelId, counter.field(), period.label());
                 ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(RecordRows.leaderboard(rows)) : Optional.empty();
            }
        });
    }
}

package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of the bucket tables: one table per {@link BucketKind} ({@link BucketKind#collection()}),
 * one column per {@link Counter} ({@link Counter#field()}), primary key
 * {@code (guild_id, channel_id, start, member_id, emoji)}. Table and column names come from those
 * enums only, never from input.
 */
final class BucketSql {

    private static final String KEY = "guild_id, channel_id, start, member_id, emoji";
    private static final String COUNTERS = Arrays.stream(Counter.values()).map(Counter::field).collect(Collectors.joining(", "));

    private BucketSql() {
    }

    /** Adds every counter to the bucket's row, creating it at zero first; {@code expire_at} is replaced. */
    static String upsert(BucketKind kind) {
        return upsert(kind, EnumSet.allOf(Counter.class));
    }

    /**
     * Adds the bound {@code counters} (in {@link Counter} order, after the key and {@code expire_at})
     * to the bucket's row, creating it first; other counters are left as they are (zero in a new row),
     * so a statement binds only what a batch of this kind carries.
     */
    static String upsert(BucketKind kind, Set<Counter> counters) {
        if (counters.isEmpty()) {
            throw new IllegalArgumentException("an upsert needs at least one counter");
        }
        List<Counter> bound = EnumSet.copyOf(counters).stream().toList();
        String columns = bound.stream().map(Counter::field).collect(Collectors.joining(", "));
        String placeholders = "?, ".repeat(6 + bound.size());
        String additions = bound.stream()
                .map(c -> c.field() + " = " + c.field() + " + excluded." + c.field())
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + kind.collection() + " (" + KEY + ", expire_at, " + columns + ") VALUES ("
                + placeholders.substring(0, placeholders.length() - 2) + ") ON CONFLICT (" + KEY + ") DO UPDATE SET "
                + additions + ", expire_at = excluded.expire_at";
    }

    /** Members of one guild and channel ranked by a counter in a window of bucket starts. */
    static String leaderboard(BucketKind kind, Counter counter) {
        return "SELECT member_id, SUM(" + counter.field() + ") AS total FROM " + kind.collection()
                + " WHERE guild_id = ? AND channel_id = ? AND start >= ? AND start < ?"
                + " GROUP BY member_id HAVING total > 0 ORDER BY total DESC, member_id ASC LIMIT ?";
    }

    /** A guild's rows in a window, optionally of one channel and/or one member. */
    static String rows(BucketKind kind, boolean oneChannel, boolean oneMember) {
        return "SELECT " + KEY + ", " + COUNTERS + " FROM " + kind.collection()
                + (oneMember && hasMemberIndex(kind) ? " INDEXED BY " + memberIndex(kind) : "")
                + " WHERE guild_id = ? AND start >= ? AND start < ?"
                + (oneChannel ? " AND channel_id = ?" : "")
                + (oneMember ? " AND member_id = ?" : "");
    }

    /** Totals per channel (guild-wide row left out) or per emoji; ties by channel id numerically or emoji bytes (= code points). */
    static String totals(BucketKind kind, Counter counter) {
        String group = switch (kind) {
            case CHANNEL_HOUR -> "channel_id";
            case EMOJI_DAY -> "emoji";
            case MEMBER_HOUR, MEMBER_DAY -> throw new IllegalArgumentException(
                    "totals are grouped by channel (CHANNEL_HOUR) or emoji (EMOJI_DAY), not " + kind);
        };
        String scope = kind == BucketKind.CHANNEL_HOUR ? " AND channel_id <> " + BucketKey.GUILD_WIDE : " AND channel_id = 0";
        return "SELECT " + group + " AS group_key, SUM(" + counter.field() + ") AS total FROM " + kind.collection()
                + " WHERE guild_id = ? AND start >= ? AND start < ?" + scope
                + " GROUP BY " + group + " HAVING total > 0 ORDER BY total DESC, " + group + " ASC LIMIT ?";
    }

    /** Deletes a member's rows of a member table. */
    static String eraseMember(BucketKind kind) {
        if (!hasMemberIndex(kind)) {
            throw new IllegalArgumentException(kind + " has no member rows");
        }
        return "DELETE FROM " + kind.collection() + " INDEXED BY " + memberIndex(kind) + " WHERE guild_id = ? AND member_id = ?";
    }

    static boolean hasMemberIndex(BucketKind kind) {
        return kind == BucketKind.MEMBER_HOUR || kind == BucketKind.MEMBER_DAY;
    }

    /**
     * The {@code (guild_id, member_id, start)} index of a member table, named explicitly: without
     * statistics SQLite's planner would rather range over the whole guild's primary key.
     */
    static String memberIndex(BucketKind kind) {
        return kind.collection() + "_member";
    }

    /** Every row of a guild, in primary key order (exports). */
    static String guildRows(BucketKind kind) {
        return "SELECT " + KEY + ", " + COUNTERS + " FROM " + kind.collection() + " WHERE guild_id = ? ORDER BY " + KEY;
    }

    static BucketKey key(BucketKind kind, ResultSet row) throws SQLException {
        return new BucketKey(kind, row.getLong("guild_id"), row.getLong("channel_id"), row.getLong("member_id"),
                row.getString("emoji"), Instant.ofEpochMilli(row.getLong("start")));
    }

    static Map<Counter, Long> counters(ResultSet row) throws SQLException {
        EnumMap<Counter, Long> counters = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            long value = row.getLong(counter.field());
            if (value != 0) {
                counters.put(counter, value);
            }
        }
        return counters;
    }
}

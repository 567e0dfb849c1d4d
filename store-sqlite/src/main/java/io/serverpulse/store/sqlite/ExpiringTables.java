package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.retention.ExpiryKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables whose rows expire, each with the columns that order a guild's rows (its key after
 * {@code guild_id}, or {@code rowid}), the column its expiry counts from and its {@link ExpiryKind}.
 * Table and column names are constants here, never input.
 */
final class ExpiringTables {

    record Table(String name, List<String> key, String anchor, ExpiryKind kind) {

        String keyList() {
            return String.join(", ", key);
        }

        /** {@code (a, b) > (?, ?)}, or {@code a > ?} for a one-column key. */
        String after() {
            String placeholders = String.join(", ", key.stream().map(k -> "?").toList());
            return key.size() == 1 ? key.get(0) + " > ?" : "(" + keyList() + ") > (" + placeholders + ")";
        }

        /** The columns that order all of the table's rows: {@code rowid}, or {@code guild_id} and the key. */
        String sweepKey() {
            return key.equals(List.of("rowid")) ? "rowid" : "guild_id, " + keyList();
        }

        /** {@code a = ? AND b = ?}. */
        String equal() {
            return String.join(" AND ", key.stream().map(k -> k + " = ?").toList());
        }
    }

    static final List<Table> ALL;

    static {
        List<Table> tables = new ArrayList<>();
        for (BucketKind kind : BucketKind.values()) {
            tables.add(new Table(kind.collection(), List.of("channel_id", "start", "member_id", "emoji"), "start",
                    ExpiryKind.of(kind)));
        }
        tables.add(new Table("member_events", List.of("member_id", "kind", "at"), "at", ExpiryKind.MEMBER_EVENTS));
        tables.add(new Table("alerts", List.of("rowid"), "started_at", ExpiryKind.ALERTS));
        tables.add(new Table("ai_summaries", List.of("rowid"), "created_at", ExpiryKind.SUMMARIES));
        tables.add(new Table("leaderboard_cache", List.of("rowid"), "computed_at", ExpiryKind.LEADERBOARDS));
        tables.add(new Table("digests", List.of("period_key"), "claimed_at", ExpiryKind.DIGESTS));
        ALL = List.copyOf(tables);
    }

    private ExpiringTables() {
    }
}

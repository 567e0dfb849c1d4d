package io.serverpulse.store.sqlite;

import static io.serverpulse.store.sqlite.SqlValues.millis;

import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.TimeWindow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads of the bucket tables: leaderboards, rows in a window, and totals per channel or emoji ({@link BucketSql}). */
final class MetricReader {

    private final SqliteConnection db;

    MetricReader(SqliteConnection db) {
        this.db = db;
    }

    List<MemberCount> topMembers(LeaderboardQuery query) {
        TimeWindow window = query.window();
        return db.read("read a leaderboard of guild " + query.guildId(), () -> {
            List<MemberCount> board = new ArrayList<>();
            try (PreparedStatement statement = db.prepare(BucketSql.leaderboard(query.period().memberBuckets(), query.counter()),
                    query.guildId(), query.channelId(), millis(window.from()), millis(window.to()), query.limit());
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    board.add(new MemberCount(rows.getLong(1), rows.getLong(2)));
                }
            }
            return board;
        });
    }

    List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        return db.read("read " + kind.collection() + " of guild " + guildId, () -> {
            List<Object> params = new ArrayList<>(List.of(guildId, millis(window.from()), millis(window.to())));
            if (channelId != null) {
                params.add(channelId);
            }
            if (memberId != null) {
                params.add(memberId);
            }
            List<BucketRow> result = new ArrayList<>();
            try (PreparedStatement statement = db.prepare(BucketSql.rows(kind, channelId != null, memberId != null), params.toArray());
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(new BucketRow(BucketSql.key(kind, rows), BucketSql.counters(rows)));
                }
            }
            result.sort(Comparator.comparing((BucketRow row) -> row.key().start())
                    .thenComparing(row -> row.key().id(), SqlValues::compareCodePoints));
            return result;
        });
    }

    List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        String sql = BucketSql.totals(kind, counter);
        return db.read("read " + kind.collection() + " totals of guild " + guildId, () -> {
            List<KeyCount> totals = new ArrayList<>();
            try (PreparedStatement statement = db.prepare(sql, guildId, millis(window.from()), millis(window.to()), limit);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.add(new KeyCount(rows.getString(1), rows.getLong(2)));
                }
            }
            return totals;
        });
    }
}

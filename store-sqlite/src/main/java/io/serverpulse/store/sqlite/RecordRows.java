package io.serverpulse.store.sqlite;

import com.fasterxml.jackson.core.type.TypeReference;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Reads a row of {@code member_events}, {@code alerts}, {@code ai_summaries} or {@code leaderboard_cache} into its record. */
final class RecordRows {

    private RecordRows() {
    }

    static MemberEvent memberEvent(ResultSet row) throws SQLException {
        return new MemberEvent(row.getLong("guild_id"), row.getLong("member_id"), MemberEvent.Kind.valueOf(row.getString("kind")),
                Instant.ofEpochMilli(row.getLong("at")));
    }

    static AlertRecord alert(ResultSet row) throws SQLException {
        long endedAt = row.getLong("ended_at");
        Instant ended = row.wasNull() ? null : Instant.ofEpochMilli(endedAt);
        List<Long> channels = SqlValues.fromJson(row.getString("channel_ids"), new TypeReference<List<Long>>() { },
                "alert channel list");
        return new AlertRecord(row.getString("id"), row.getLong("guild_id"), AlertType.valueOf(row.getString("type")),
                Severity.valueOf(row.getString("severity")), Instant.ofEpochMilli(row.getLong("started_at")), ended, channels,
                row.getLong("observed"), row.getDouble("baseline"), row.getString("context"));
    }

    static AiSummary summary(ResultSet row) throws SQLException {
        return new AiSummary(row.getLong("guild_id"), row.getString("period_key"), AiProvider.valueOf(row.getString("provider")),
                row.getString("model"), row.getString("text"), Instant.ofEpochMilli(row.getLong("created_at")),
                row.getString("input_hash"), row.getInt("input_tokens"), row.getInt("output_tokens"));
    }

    static CachedLeaderboard leaderboard(ResultSet row) throws SQLException {
        List<long[]> entries = SqlValues.fromJson(row.getString("entries"), new TypeReference<List<long[]>>() { }, "leaderboard");
        String periodLabel = row.getString("period");
        Period period = Period.fromLabel(periodLabel)
                .orElseThrow(() -> new StoreException("stored leaderboard has an unknown period: " + periodLabel));
        return new CachedLeaderboard(row.getLong("guild_id"), row.getLong("channel_id"), Counter.fromField(row.getString("counter")),
                period, Instant.ofEpochMilli(row.getLong("computed_at")),
                entries.stream().map(e -> new MemberCount(e[0], e[1])).toList(), row.getLong("total"));
    }
}

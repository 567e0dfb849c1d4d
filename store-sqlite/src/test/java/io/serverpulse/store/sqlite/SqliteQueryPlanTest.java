package io.serverpulse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads are range searches on a key or index, never scans of a whole table: that is what keeps
 * their cost proportional to the rows of one guild, channel and window.
 */
class SqliteQueryPlanTest {

    /** The primary key of the bucket tables. */
    private static final String BUCKET_KEY = "guild_id, channel_id, start, member_id, emoji";

    @TempDir
    Path dataDir;

    @BeforeEach
    void createSchema() {
        SqliteStore.open(dataDir).close();
    }

    private List<String> plan(String sql, int parameters) throws Exception {
        List<String> steps = new ArrayList<>();
        try (Db db = Db.connect(dataDir);
             PreparedStatement explain = db.connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 1; i <= parameters; i++) {
                explain.setLong(i, 1);
            }
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString("detail"));
                }
            }
        }
        return steps;
    }

    @Test
    void leaderboardsSearchThePrimaryKeyOfOneGuildChannelAndWindow() throws Exception {
        // GIVEN the schema
        // WHEN the leaderboard queries are planned
        // THEN each is one primary key range search, no scan
        for (BucketKind kind : List.of(BucketKind.MEMBER_HOUR, BucketKind.MEMBER_DAY)) {
            assertThat(plan(BucketSql.leaderboard(kind, Counter.MESSAGES), 5))
                    .anySatisfy(step -> assertThat(step).startsWith("SEARCH " + kind.collection() + " USING PRIMARY KEY")
                            .contains("guild_id=? AND channel_id=? AND start>? AND start<?"))
                    .noneSatisfy(step -> assertThat(step).startsWith("SCAN " + kind.collection()));
        }
    }

    @Test
    void hourlyAndEmojiReadsSearchAKeyOrIndex() throws Exception {
        // GIVEN the schema
        // WHEN the bucket and totals reads are planned
        List<String> oneChannel = plan(BucketSql.rows(BucketKind.CHANNEL_HOUR, true, false), 4);
        List<String> allChannels = plan(BucketSql.rows(BucketKind.CHANNEL_HOUR, false, false), 3);
        List<String> oneMember = plan(BucketSql.rows(BucketKind.MEMBER_DAY, false, true), 4);
        List<String> oneMemberOneChannel = plan(BucketSql.rows(BucketKind.MEMBER_HOUR, true, true), 5);
        List<String> channelTotals = plan(BucketSql.totals(BucketKind.CHANNEL_HOUR, Counter.MESSAGES), 4);
        List<String> emojiTotals = plan(BucketSql.totals(BucketKind.EMOJI_DAY, Counter.REACTIONS), 4);

        // THEN each searches, none scans
        assertThat(oneChannel).anySatisfy(step -> assertThat(step).startsWith("SEARCH hourly_metrics USING PRIMARY KEY"));
        assertThat(allChannels).anySatisfy(step -> assertThat(step).startsWith("SEARCH hourly_metrics USING INDEX hourly_metrics_guild_start"));
        assertThat(oneMember).anySatisfy(step -> assertThat(step).startsWith("SEARCH user_daily USING INDEX user_daily_member"));
        assertThat(oneMemberOneChannel).anySatisfy(step -> assertThat(step).startsWith("SEARCH user_hourly USING INDEX user_hourly_member"));
        assertThat(channelTotals).anySatisfy(step -> assertThat(step).startsWith("SEARCH hourly_metrics USING INDEX hourly_metrics_guild_start"));
        assertThat(emojiTotals).anySatisfy(step -> assertThat(step).startsWith("SEARCH emoji_daily USING PRIMARY KEY"));
        for (List<String> plan : List.of(oneChannel, allChannels, oneMember, oneMemberOneChannel, channelTotals, emojiTotals)) {
            assertThat(plan).noneSatisfy(step -> assertThat(step).matches("SCAN (hourly_metrics|user_daily|user_hourly|emoji_daily).*"));
        }
    }

    @Test
    void memberErasureSearchesTheMemberIndexes() throws Exception {
        // GIVEN the schema
        // WHEN erasing a member's buckets is planned
        // THEN it searches the member index of each member table
        for (BucketKind kind : List.of(BucketKind.MEMBER_HOUR, BucketKind.MEMBER_DAY)) {
            assertThat(plan(BucketSql.eraseMember(kind), 2))
                    .anySatisfy(step -> assertThat(step).startsWith("SEARCH " + kind.collection() + " USING")
                            .contains(kind.collection() + "_member"));
        }
    }

    @Test
    void sweepSearchesTheExpiryIndexes() throws Exception {
        // GIVEN the schema
        // WHEN the sweep's chunked delete of each table is planned
        // THEN it finds the expired rows through that table's expire_at index
        for (BucketKind kind : BucketKind.values()) {
            assertThat(plan(GuildData.sweepChunk(kind.collection(), BUCKET_KEY), 1))
                    .anySatisfy(step -> assertThat(step).contains("INDEX " + kind.collection() + "_expire"))
                    .noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
        }
        assertThat(plan(GuildData.sweepChunk("member_events", "guild_id, member_id, kind, at"), 1))
                .anySatisfy(step -> assertThat(step).contains("INDEX member_events_expire"));
        assertThat(plan(GuildData.sweepChunk("alerts", "rowid"), 1))
                .anySatisfy(step -> assertThat(step).contains("INDEX alerts_expire"));
        assertThat(plan(GuildData.sweepChunk("applied_batches", "batch_id"), 1))
                .anySatisfy(step -> assertThat(step).contains("INDEX applied_batches_expire"));
    }
}

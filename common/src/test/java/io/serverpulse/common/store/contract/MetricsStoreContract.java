package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.BOB;
import static io.serverpulse.common.store.contract.ContractFixtures.CAROL;
import static io.serverpulse.common.store.contract.ContractFixtures.DAVE;
import static io.serverpulse.common.store.contract.ContractFixtures.ERIN;
import static io.serverpulse.common.store.contract.ContractFixtures.EVERYTHING;
import static io.serverpulse.common.store.contract.ContractFixtures.FRANK;
import static io.serverpulse.common.store.contract.ContractFixtures.GENERAL;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.NOW;
import static io.serverpulse.common.store.contract.ContractFixtures.RANDOM;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static io.serverpulse.common.store.contract.ContractFixtures.mc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The read side of the {@link io.serverpulse.common.metrics.MetricsStore} part of the storage
 * contract: leaderboards per period and channel, bucket rows in a window, and totals per channel or
 * emoji, over {@link StoreContractPart#givenActivity()}.
 *
 * <ul>
 *   <li>Instants are kept to the millisecond (the suite uses whole milliseconds).</li>
 *   <li>Leaderboards: ties by member id ascending; members with a zero count are left out.</li>
 *   <li>{@code buckets} are ordered by start, then by {@link io.serverpulse.common.metrics.BucketKey#id()}
 *       in code point order; windows are half-open.</li>
 *   <li>{@code totals}: ties by channel id numerically, or by emoji in Unicode code point order
 *       (the UTF-8 byte order both databases compare strings in); kinds other than
 *       {@code CHANNEL_HOUR} and {@code EMOJI_DAY} are rejected with {@link IllegalArgumentException}.</li>
 * </ul>
 */
public interface MetricsStoreContract extends StoreContractPart {

    // ================================================================ leaderboards

    @Test
    default void guildWideLeaderboardForEveryPeriod() {
        // GIVEN messages on the edges of every period
        givenActivity();

        // WHEN each period's guild-wide leaderboard is read
        // THEN each holds exactly the messages of its window, ties by member id ascending
        long all = BucketKey.ALL_CHANNELS;
        assertThat(top(GUILD_A, all, Period.LAST_24_HOURS, 10)).containsExactly(mc(ALICE, 4), mc(BOB, 2));
        assertThat(top(GUILD_A, all, Period.LAST_7_DAYS, 10)).containsExactly(mc(CAROL, 4), mc(BOB, 4), mc(ALICE, 4), mc(ERIN, 1));
        assertThat(top(GUILD_A, all, Period.LAST_30_DAYS, 10))
                .containsExactly(mc(CAROL, 5), mc(DAVE, 5), mc(BOB, 4), mc(ALICE, 4), mc(ERIN, 1));
        assertThat(top(GUILD_A, all, Period.ALL_TIME, 10))
                .containsExactly(mc(DAVE, 11), mc(CAROL, 5), mc(BOB, 4), mc(ALICE, 4), mc(ERIN, 1));
    }

    @Test
    default void perChannelLeaderboardForEveryPeriod() {
        // GIVEN messages on the edges of every period in two channels
        givenActivity();

        // WHEN each period's leaderboard of one channel is read
        // THEN only that channel's messages count
        assertThat(top(GUILD_A, GENERAL, Period.LAST_24_HOURS, 10)).containsExactly(mc(ALICE, 3));
        assertThat(top(GUILD_A, RANDOM, Period.LAST_24_HOURS, 10)).containsExactly(mc(BOB, 2), mc(ALICE, 1));
        assertThat(top(GUILD_A, GENERAL, Period.LAST_7_DAYS, 10)).containsExactly(mc(CAROL, 4), mc(ALICE, 3), mc(BOB, 2), mc(ERIN, 1));
        assertThat(top(GUILD_A, RANDOM, Period.LAST_7_DAYS, 10)).containsExactly(mc(BOB, 2), mc(ALICE, 1));
        assertThat(top(GUILD_A, GENERAL, Period.LAST_30_DAYS, 10)).containsExactly(mc(CAROL, 5), mc(ALICE, 3), mc(BOB, 2), mc(ERIN, 1));
        assertThat(top(GUILD_A, RANDOM, Period.LAST_30_DAYS, 10)).containsExactly(mc(DAVE, 5), mc(BOB, 2), mc(ALICE, 1));
        assertThat(top(GUILD_A, GENERAL, Period.ALL_TIME, 10)).containsExactly(mc(CAROL, 5), mc(ALICE, 3), mc(BOB, 2), mc(ERIN, 1));
        assertThat(top(GUILD_A, RANDOM, Period.ALL_TIME, 10)).containsExactly(mc(DAVE, 11), mc(BOB, 2), mc(ALICE, 1));
    }

    @Test
    default void leaderboardLimitCutsAfterTheTieBreak() {
        // GIVEN three members tied at 4 messages in the last 7 days
        givenActivity();

        // WHEN fewer entries are asked for than there are members
        // THEN the first ones in order are returned
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS, 2)).containsExactly(mc(CAROL, 4), mc(BOB, 4));
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 1)).containsExactly(mc(DAVE, 11));
    }

    @Test
    default void reactionLeaderboardIsSeparateAndZeroCountsAreOmitted() {
        // GIVEN Alice posts and reacts, Frank only reacts
        givenActivity();

        // WHEN the reaction and message leaderboards are read
        List<MemberCount> reactions = store().topMembers(
                new LeaderboardQuery(GUILD_A, BucketKey.ALL_CHANNELS, Counter.REACTIONS, Period.LAST_24_HOURS, NOW, 10));
        List<MemberCount> messages = top(GUILD_A, BucketKey.ALL_CHANNELS, Period.LAST_24_HOURS, 10);

        // THEN reactions rank Frank first, and Frank (no messages) is not on the message board
        assertThat(reactions).containsExactly(mc(FRANK, 3), mc(ALICE, 2));
        assertThat(messages).extracting(MemberCount::memberId).doesNotContain(FRANK);
    }

    @Test
    default void leaderboardOfAQuietChannelOrGuildIsEmpty() {
        // GIVEN activity in guild A only in two channels
        givenActivity();

        // WHEN a channel without messages, or a guild without data, is asked
        // THEN the leaderboards are empty
        assertThat(top(GUILD_A, 900_000_000_000_000_099L, Period.ALL_TIME, 10)).isEmpty();
        assertThat(top(810_000_000_000_000_099L, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10)).isEmpty();
    }

    // ================================================================ bucket reads

    @Test
    default void hourlyActivityOfOneChannel() {
        // GIVEN messages and reactions in #general over two days
        givenActivity();

        // WHEN #general's hourly rows of 14 and 15 June are read
        List<BucketRow> rows = store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null,
                new TimeWindow(at("2026-06-14T00:00:00Z"), at("2026-06-16T00:00:00Z")));

        // THEN one row per active hour, oldest first, with its counters
        assertThat(rows).containsExactly(
                new BucketRow(BucketKey.channelHour(GUILD_A, GENERAL, at("2026-06-14T10:00:00Z")), Map.of(Counter.MESSAGES, 2L)),
                new BucketRow(BucketKey.channelHour(GUILD_A, GENERAL, at("2026-06-15T10:00:00Z")),
                        Map.of(Counter.MESSAGES, 3L, Counter.REACTIONS, 2L)),
                new BucketRow(BucketKey.channelHour(GUILD_A, GENERAL, at("2026-06-15T11:00:00Z")), Map.of(Counter.MESSAGES, 1L)));
    }

    @Test
    default void bucketWindowIsHalfOpen() {
        // GIVEN rows at 14 June 10:00 and 15 June 10:00 in #general
        givenActivity();

        // WHEN the window ends exactly where the second row starts
        List<BucketRow> rows = store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null,
                new TimeWindow(at("2026-06-14T10:00:00Z"), at("2026-06-15T10:00:00Z")));

        // THEN the row at the start is in, the row at the end is out
        assertThat(rows).extracting(row -> row.key().start()).containsExactly(at("2026-06-14T10:00:00Z"));
    }

    @Test
    default void everyChannelIncludesTheGuildWideRowOrderedByStartThenId() {
        // GIVEN a join (guild-wide row) and messages in #general in the same hour
        givenActivity();

        // WHEN all channels' rows of that hour are read
        List<BucketRow> rows = store().buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null,
                new TimeWindow(at("2026-06-15T10:00:00Z"), at("2026-06-15T11:00:00Z")));

        // THEN the guild-wide row (channel 0, smaller id) comes before #general's
        assertThat(rows).containsExactly(
                new BucketRow(BucketKey.channelHour(GUILD_A, BucketKey.GUILD_WIDE, at("2026-06-15T10:00:00Z")), Map.of(Counter.JOINS, 1L)),
                new BucketRow(BucketKey.channelHour(GUILD_A, GENERAL, at("2026-06-15T10:00:00Z")),
                        Map.of(Counter.MESSAGES, 3L, Counter.REACTIONS, 2L)));
    }

    @Test
    default void memberRowsFilteredByMemberAndChannel() {
        // GIVEN Alice active on 14 and 15 June in two channels
        givenActivity();

        // WHEN Alice's all-channel day rows, and her #random day rows, are read
        List<BucketRow> allChannels = store().buckets(BucketKind.MEMBER_DAY, GUILD_A, BucketKey.ALL_CHANNELS, ALICE, EVERYTHING);
        List<BucketRow> random = store().buckets(BucketKind.MEMBER_DAY, GUILD_A, RANDOM, ALICE, EVERYTHING);
        List<BucketRow> anyChannel = store().buckets(BucketKind.MEMBER_DAY, GUILD_A, null, ALICE, EVERYTHING);

        // THEN each holds only Alice's rows of that channel
        assertThat(allChannels).containsExactly(
                new BucketRow(BucketKey.memberDay(GUILD_A, BucketKey.ALL_CHANNELS, ALICE, at("2026-06-14T00:00:00Z")), Map.of(Counter.MESSAGES, 1L)),
                new BucketRow(BucketKey.memberDay(GUILD_A, BucketKey.ALL_CHANNELS, ALICE, at("2026-06-15T00:00:00Z")),
                        Map.of(Counter.MESSAGES, 3L, Counter.REACTIONS, 2L)));
        assertThat(random).containsExactly(
                new BucketRow(BucketKey.memberDay(GUILD_A, RANDOM, ALICE, at("2026-06-14T00:00:00Z")), Map.of(Counter.MESSAGES, 1L)));
        assertThat(anyChannel).hasSize(4).allSatisfy(row -> assertThat(row.key().memberId()).isEqualTo(ALICE));
        assertThat(anyChannel).extracting(row -> row.key().start()).isSorted();
    }

    @Test
    default void memberHourAndEmojiRowsReadBack() {
        // GIVEN Frank's reactions 2 hours ago
        givenActivity();

        // WHEN his hour rows and the emoji rows of the day are read
        List<BucketRow> frankHours = store().buckets(BucketKind.MEMBER_HOUR, GUILD_A, RANDOM, FRANK, EVERYTHING);
        List<BucketRow> emoji = store().buckets(BucketKind.EMOJI_DAY, GUILD_A, null, null,
                new TimeWindow(at("2026-06-15T00:00:00Z"), at("2026-06-16T00:00:00Z")));

        // THEN they hold the counts
        assertThat(frankHours).containsExactly(
                new BucketRow(BucketKey.memberHour(GUILD_A, RANDOM, FRANK, at("2026-06-15T08:00:00Z")), Map.of(Counter.REACTIONS, 3L)));
        assertThat(emoji).containsExactlyInAnyOrder(
                new BucketRow(BucketKey.emojiDay(GUILD_A, "👍", at("2026-06-15T00:00:00Z")), Map.of(Counter.REACTIONS, 2L)),
                new BucketRow(BucketKey.emojiDay(GUILD_A, "🎉", at("2026-06-15T00:00:00Z")), Map.of(Counter.REACTIONS, 3L)));
        assertThat(emoji).extracting(row -> row.key().id()).isSorted();
    }

    // ================================================================ totals

    @Test
    default void busiestChannelsOverAPeriod() {
        // GIVEN messages in two channels over the last 30 days (and some outside)
        givenActivity();
        TimeWindow last30Days = Period.LAST_30_DAYS.window(NOW);

        // WHEN channel totals of messages are read
        // THEN each channel's messages in the window, highest first, cut at the limit
        assertThat(store().totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.MESSAGES, last30Days, 10))
                .containsExactly(new KeyCount(Long.toString(GENERAL), 11), new KeyCount(Long.toString(RANDOM), 8));
        assertThat(store().totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.MESSAGES, last30Days, 1))
                .containsExactly(new KeyCount(Long.toString(GENERAL), 11));
    }

    @Test
    default void channelTotalsLeaveOutTheGuildWideRow() {
        // GIVEN a join, counted in the guild-wide row
        givenActivity();

        // WHEN channel totals of joins are read
        // THEN there is no channel to list
        assertThat(store().totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.JOINS, EVERYTHING, 10)).isEmpty();
    }

    @Test
    default void channelTotalTiesAreBrokenByChannelIdNumerically() {
        // GIVEN channels 900 and 1000 with equal counts (as text, "1000" would sort first)
        store().apply(new Activity()
                .messages(GUILD_A, 1000, ALICE, NOW, 2)
                .messages(GUILD_A, 900, BOB, NOW, 2)
                .messages(GUILD_A, 50, BOB, NOW, 1)
                .batch("tie-1"));

        // WHEN channel totals are read
        // THEN 900 comes before 1000
        assertThat(store().totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.MESSAGES, EVERYTHING, 10))
                .containsExactly(new KeyCount("900", 2), new KeyCount("1000", 2), new KeyCount("50", 1));
    }

    @Test
    default void emojiTotalsHighestFirstTiesInCodePointOrder() {
        // GIVEN reactions today and one last month
        Instant today = at("2026-06-15T09:00:00Z");
        store().apply(new Activity()
                .reactions(GUILD_A, GENERAL, ALICE, "party:123456", today, 5)
                .reactions(GUILD_A, GENERAL, ALICE, "👍", today, 3)   // U+1F44D
                .reactions(GUILD_A, RANDOM, BOB, "🎉", today, 3)      // U+1F389
                .reactions(GUILD_A, RANDOM, BOB, "ｗ", today, 3)      // U+FF57: before both in code points, after them in UTF-16
                .reactions(GUILD_A, GENERAL, CAROL, "❤️", today, 1)
                .reactions(GUILD_A, GENERAL, CAROL, "❤️", at("2026-05-01T09:00:00Z"), 40)
                .reactions(GUILD_B, GENERAL, CAROL, "👍", today, 99)
                .batch("emoji-1"));
        TimeWindow last7Days = Period.LAST_7_DAYS.window(NOW);

        // WHEN the top emoji of the last 7 days are read
        List<KeyCount> top = store().totals(BucketKind.EMOJI_DAY, GUILD_A, Counter.REACTIONS, last7Days, 10);
        List<KeyCount> top2 = store().totals(BucketKind.EMOJI_DAY, GUILD_A, Counter.REACTIONS, last7Days, 2);

        // THEN highest first, ties by code point, last month's and guild B's reactions left out
        assertThat(top).containsExactly(new KeyCount("party:123456", 5), new KeyCount("ｗ", 3), new KeyCount("🎉", 3),
                new KeyCount("👍", 3), new KeyCount("❤️", 1));
        assertThat(top2).containsExactly(new KeyCount("party:123456", 5), new KeyCount("ｗ", 3));
    }

    @Test
    default void totalsRejectMemberBuckets() {
        // GIVEN any store
        // WHEN totals of a member bucket kind are asked
        // THEN the request is rejected clearly
        assertThatThrownBy(() -> store().totals(BucketKind.MEMBER_DAY, GUILD_A, Counter.MESSAGES, EVERYTHING, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

}

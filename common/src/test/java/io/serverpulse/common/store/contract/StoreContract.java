package io.serverpulse.common.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The storage contract: every {@link Store} adapter extends this class (and
 * {@link StoreContractProperties}) and must pass it unchanged.
 *
 * <h2>Idempotent metric batches</h2>
 * A batch may reach a store twice (the caller timed out and retried) or after an attempt that died
 * part-way. The contract only fixes the outcome: after any number of complete or interrupted
 * attempts followed by one complete attempt, every increment of the batch is counted exactly once.
 * How is up to the adapter: SQLite writes the whole batch and its id in one transaction (an
 * interrupted attempt leaves nothing, a recorded id makes a retry a no-op); MongoDB, which cannot
 * rely on transactions, must remember the batch id per bucket so that a retry skips the buckets a
 * broken unordered bulk already reached. {@link #applyInterrupted} lets each adapter produce its
 * own realistic half-done write.
 *
 * <h2>Expiry ({@code expire_at})</h2>
 * Computed when a row is written, from the guild's retention at that time (defaults if the guild
 * has no settings):
 * <ul>
 *   <li>metric buckets: bucket start + {@link Retention#metrics()}; {@link BucketKind#MEMBER_HOUR}
 *       rows: bucket start + {@link BucketKind#MEMBER_HOUR_RETENTION}, whatever the guild's retention;</li>
 *   <li>member events: {@link MemberEvent#at()} + {@link Retention#metrics()};</li>
 *   <li>alerts: {@link AlertRecord#startedAt()} + {@link Retention#metrics()};</li>
 *   <li>AI summaries: {@link AiSummary#createdAt()} + {@link Retention#summaries()};</li>
 *   <li>cached leaderboards: {@link CachedLeaderboard#computedAt()} + {@link Retention#leaderboards()};</li>
 *   <li>guild settings never expire.</li>
 * </ul>
 * {@link Store#sweepExpired} deletes the rows whose {@code expire_at} is at or before its argument
 * and returns how many guild rows it deleted (an adapter's own bookkeeping, such as remembered
 * batch ids, is not counted).
 *
 * <h2>Other rules the suite pins down</h2>
 * <ul>
 *   <li>Instants are kept to the millisecond (the suite uses whole milliseconds).</li>
 *   <li>{@code totals}: ties by channel id numerically, or by emoji in Unicode code point order
 *       (the UTF-8 byte order both databases compare strings in); kinds other than
 *       {@code CHANNEL_HOUR} and {@code EMOJI_DAY} are rejected with {@link IllegalArgumentException}.</li>
 *   <li>{@code buckets} are ordered by start, then by {@link BucketKey#id()} in code point order;
 *       member events and alerts oldest first, then by id.</li>
 *   <li>{@code eraseGuild} returns the number of rows an export of the guild visited just before.</li>
 *   <li>{@code close()} may be called more than once; a closed store is not {@code healthy()}, and
 *       every read or write of it throws {@link StoreException#closed} (the same type and message
 *       in every adapter).</li>
 * </ul>
 */
public abstract class StoreContract {

    /** A fixed "now" for every time-dependent read: Monday 2026-06-15, 10:37:12.345 UTC. */
    protected static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");

    protected static final long GUILD_A = 810_000_000_000_000_001L;
    protected static final long GUILD_B = 810_000_000_000_000_002L;
    protected static final long GENERAL = 900_000_000_000_000_011L;
    protected static final long RANDOM = 900_000_000_000_000_012L;
    /** Member ids chosen so that ties (broken by id ascending) come out in a different order than they were written. */
    protected static final long CAROL = 100;
    protected static final long BOB = 200;
    protected static final long ALICE = 300;
    protected static final long DAVE = 400;
    protected static final long ERIN = 500;
    protected static final long FRANK = 600;

    private static final TimeWindow EVERYTHING = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    protected Store store;

    /** A new, empty store; every call returns an independent one. The suite closes what it gets. */
    protected abstract Store createStore();

    /**
     * Simulates a write of {@code batch} that dies after at most its first {@code failAfterIncrements}
     * increments reached the database, the way this adapter's writes really fail (SQLite: a
     * transaction that is rolled back; MongoDB: a prefix of an unordered bulk applied under the same
     * batch id). It may throw (the suite ignores any {@link RuntimeException}) or return normally;
     * the store must stay usable.
     */
    protected abstract void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements);

    /** Runs {@link #applyInterrupted}, ignoring the failure it may report. */
    private void interrupt(MetricBatch batch, int failAfterIncrements) {
        try {
            applyInterrupted(store, batch, failAfterIncrements);
        } catch (RuntimeException expected) {
            // the write died part-way, as intended
        }
    }

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    // ================================================================ settings

    @Test
    void guildWithoutStoredSettingsGetsDefaults() {
        // GIVEN an empty store
        // WHEN settings of a guild that never changed anything are read
        // THEN nothing is stored, and the defaults are served
        assertThat(store.findSettings(GUILD_A)).isEmpty();
        assertThat(store.settings(GUILD_A)).isEqualTo(GuildSettings.defaults(GUILD_A));
        assertThat(store.allSettings()).isEmpty();
    }

    @Test
    void savedSettingsReadBackWithEveryField() {
        // GIVEN settings that differ from the defaults in every field
        GuildSettings settings = everyFieldChanged(GUILD_A);

        // WHEN they are saved
        store.saveSettings(settings);

        // THEN they read back equal
        assertThat(store.findSettings(GUILD_A)).contains(settings);
        assertThat(store.settings(GUILD_A)).isEqualTo(settings);
        assertThat(store.findSettings(GUILD_B)).isEmpty();
    }

    @Test
    void savingSettingsAgainReplacesThem() {
        // GIVEN two guilds with stored settings
        store.saveSettings(everyFieldChanged(GUILD_A));
        store.saveSettings(GuildSettings.defaults(GUILD_B).withDigest(DigestFrequency.HOURLY, at("2026-06-01T00:00:00Z")));

        // WHEN guild A saves a changed copy
        GuildSettings changed = store.settings(GUILD_A).withDigest(DigestFrequency.NONE, at("2026-06-15T09:00:00.001Z"));
        store.saveSettings(changed);

        // THEN the copy replaced the old settings and every guild is listed once
        assertThat(store.findSettings(GUILD_A)).contains(changed);
        assertThat(store.allSettings()).containsExactlyInAnyOrder(changed, store.settings(GUILD_B));
        assertThat(store.settings(GUILD_B).digest()).isEqualTo(DigestFrequency.HOURLY);
    }

    protected static GuildSettings everyFieldChanged(long guildId) {
        Instant t = at("2026-06-10T08:15:30.125Z");
        return GuildSettings.defaults(guildId)
                .withUpdateChannel(GENERAL, t)
                .withCollectChannels(Set.of(GENERAL, RANDOM), t)
                .withDigest(DigestFrequency.DAILY, t)
                .withAlert(AlertType.JOIN_RAID, new AlertRule(true, 25, Duration.ofSeconds(90), 2.5), t)
                .withAlert(AlertType.VOICE_SURGE, AlertRule.defaultFor(AlertType.VOICE_SURGE).withEnabled(false), t)
                .withRetention(new Retention(30, 7, 60), t)
                .withAi(AiProvider.ANTHROPIC, "claude-test", "v1:c2VhbGVkLWtleQ==", t)
                .withLocale("de", t)
                .withSentiment(true, t)
                .withCountBots(true, at("2026-06-10T08:15:31.999Z"));
    }

    // ================================================================ leaderboards

    /**
     * Messages in guild A around {@link #NOW} (Monday 10:37:12.345), placed on the edges of every
     * period; a little activity in guild B with the same channel and member ids.
     */
    private MetricBatch givenActivity() {
        MetricBatch batch = new Activity()
                // inside 24h (the current hour, and the first instant of the 24h window)
                .messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:27:12.345Z"), 3)
                .messages(GUILD_A, RANDOM, ALICE, at("2026-06-14T11:00:00Z"), 1)
                // the last instant before the 24h window; inside 24h
                .messages(GUILD_A, GENERAL, BOB, at("2026-06-14T10:59:59.999Z"), 2)
                .messages(GUILD_A, RANDOM, BOB, at("2026-06-15T09:37:12.345Z"), 2)
                // first instant of 7d, last instant before 7d
                .messages(GUILD_A, GENERAL, CAROL, at("2026-06-09T00:00:00Z"), 4)
                .messages(GUILD_A, GENERAL, CAROL, at("2026-06-08T23:59:59.999Z"), 1)
                // first instant of 30d, last instant before 30d
                .messages(GUILD_A, RANDOM, DAVE, at("2026-05-17T00:00:00Z"), 5)
                .messages(GUILD_A, RANDOM, DAVE, at("2026-05-16T23:59:59.999Z"), 6)
                // a later hour today (in the day periods, not in 24h) and tomorrow (in none)
                .messages(GUILD_A, GENERAL, ERIN, at("2026-06-15T11:00:00Z"), 1)
                .messages(GUILD_A, GENERAL, ERIN, at("2026-06-16T00:00:00Z"), 7)
                // reactions: Frank only reacts
                .reactions(GUILD_A, GENERAL, ALICE, "👍", at("2026-06-15T10:37:12.345Z"), 2)
                .reactions(GUILD_A, RANDOM, FRANK, "🎉", at("2026-06-15T08:37:12.345Z"), 3)
                .joins(GUILD_A, FRANK, at("2026-06-15T10:01:00Z"))
                // guild B: same ids, other numbers
                .messages(GUILD_B, GENERAL, BOB, NOW, 50)
                .messages(GUILD_B, GENERAL, CAROL, at("2026-06-01T12:00:00Z"), 9)
                .batch("activity-1");
        store.apply(batch);
        return batch;
    }

    private List<MemberCount> top(long guildId, long channelId, Period period, int limit) {
        return store.topMembers(LeaderboardQuery.messages(guildId, channelId, period, NOW, limit));
    }

    private static MemberCount mc(long memberId, long count) {
        return new MemberCount(memberId, count);
    }

    @Test
    void guildWideLeaderboardForEveryPeriod() {
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
    void perChannelLeaderboardForEveryPeriod() {
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
    void leaderboardLimitCutsAfterTheTieBreak() {
        // GIVEN three members tied at 4 messages in the last 7 days
        givenActivity();

        // WHEN fewer entries are asked for than there are members
        // THEN the first ones in order are returned
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS, 2)).containsExactly(mc(CAROL, 4), mc(BOB, 4));
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 1)).containsExactly(mc(DAVE, 11));
    }

    @Test
    void reactionLeaderboardIsSeparateAndZeroCountsAreOmitted() {
        // GIVEN Alice posts and reacts, Frank only reacts
        givenActivity();

        // WHEN the reaction and message leaderboards are read
        List<MemberCount> reactions = store.topMembers(
                new LeaderboardQuery(GUILD_A, BucketKey.ALL_CHANNELS, Counter.REACTIONS, Period.LAST_24_HOURS, NOW, 10));
        List<MemberCount> messages = top(GUILD_A, BucketKey.ALL_CHANNELS, Period.LAST_24_HOURS, 10);

        // THEN reactions rank Frank first, and Frank (no messages) is not on the message board
        assertThat(reactions).containsExactly(mc(FRANK, 3), mc(ALICE, 2));
        assertThat(messages).extracting(MemberCount::memberId).doesNotContain(FRANK);
    }

    @Test
    void leaderboardOfAQuietChannelOrGuildIsEmpty() {
        // GIVEN activity in guild A only in two channels
        givenActivity();

        // WHEN a channel without messages, or a guild without data, is asked
        // THEN the leaderboards are empty
        assertThat(top(GUILD_A, 900_000_000_000_000_099L, Period.ALL_TIME, 10)).isEmpty();
        assertThat(top(810_000_000_000_000_099L, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10)).isEmpty();
    }

    // ================================================================ bucket reads

    @Test
    void hourlyActivityOfOneChannel() {
        // GIVEN messages and reactions in #general over two days
        givenActivity();

        // WHEN #general's hourly rows of 14 and 15 June are read
        List<BucketRow> rows = store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null,
                new TimeWindow(at("2026-06-14T00:00:00Z"), at("2026-06-16T00:00:00Z")));

        // THEN one row per active hour, oldest first, with its counters
        assertThat(rows).containsExactly(
                new BucketRow(BucketKey.channelHour(GUILD_A, GENERAL, at("2026-06-14T10:00:00Z")), Map.of(Counter.MESSAGES, 2L)),
                new BucketRow(BucketKey.channelHour(GUILD_A, GENERAL, at("2026-06-15T10:00:00Z")),
                        Map.of(Counter.MESSAGES, 3L, Counter.REACTIONS, 2L)),
                new BucketRow(BucketKey.channelHour(GUILD_A, GENERAL, at("2026-06-15T11:00:00Z")), Map.of(Counter.MESSAGES, 1L)));
    }

    @Test
    void bucketWindowIsHalfOpen() {
        // GIVEN rows at 14 June 10:00 and 15 June 10:00 in #general
        givenActivity();

        // WHEN the window ends exactly where the second row starts
        List<BucketRow> rows = store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null,
                new TimeWindow(at("2026-06-14T10:00:00Z"), at("2026-06-15T10:00:00Z")));

        // THEN the row at the start is in, the row at the end is out
        assertThat(rows).extracting(row -> row.key().start()).containsExactly(at("2026-06-14T10:00:00Z"));
    }

    @Test
    void everyChannelIncludesTheGuildWideRowOrderedByStartThenId() {
        // GIVEN a join (guild-wide row) and messages in #general in the same hour
        givenActivity();

        // WHEN all channels' rows of that hour are read
        List<BucketRow> rows = store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null,
                new TimeWindow(at("2026-06-15T10:00:00Z"), at("2026-06-15T11:00:00Z")));

        // THEN the guild-wide row (channel 0, smaller id) comes before #general's
        assertThat(rows).containsExactly(
                new BucketRow(BucketKey.channelHour(GUILD_A, BucketKey.GUILD_WIDE, at("2026-06-15T10:00:00Z")), Map.of(Counter.JOINS, 1L)),
                new BucketRow(BucketKey.channelHour(GUILD_A, GENERAL, at("2026-06-15T10:00:00Z")),
                        Map.of(Counter.MESSAGES, 3L, Counter.REACTIONS, 2L)));
    }

    @Test
    void memberRowsFilteredByMemberAndChannel() {
        // GIVEN Alice active on 14 and 15 June in two channels
        givenActivity();

        // WHEN Alice's all-channel day rows, and her #random day rows, are read
        List<BucketRow> allChannels = store.buckets(BucketKind.MEMBER_DAY, GUILD_A, BucketKey.ALL_CHANNELS, ALICE, EVERYTHING);
        List<BucketRow> random = store.buckets(BucketKind.MEMBER_DAY, GUILD_A, RANDOM, ALICE, EVERYTHING);
        List<BucketRow> anyChannel = store.buckets(BucketKind.MEMBER_DAY, GUILD_A, null, ALICE, EVERYTHING);

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
    void memberHourAndEmojiRowsReadBack() {
        // GIVEN Frank's reactions 2 hours ago
        givenActivity();

        // WHEN his hour rows and the emoji rows of the day are read
        List<BucketRow> frankHours = store.buckets(BucketKind.MEMBER_HOUR, GUILD_A, RANDOM, FRANK, EVERYTHING);
        List<BucketRow> emoji = store.buckets(BucketKind.EMOJI_DAY, GUILD_A, null, null,
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
    void busiestChannelsOverAPeriod() {
        // GIVEN messages in two channels over the last 30 days (and some outside)
        givenActivity();
        TimeWindow last30Days = Period.LAST_30_DAYS.window(NOW);

        // WHEN channel totals of messages are read
        // THEN each channel's messages in the window, highest first, cut at the limit
        assertThat(store.totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.MESSAGES, last30Days, 10))
                .containsExactly(new KeyCount(Long.toString(GENERAL), 11), new KeyCount(Long.toString(RANDOM), 8));
        assertThat(store.totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.MESSAGES, last30Days, 1))
                .containsExactly(new KeyCount(Long.toString(GENERAL), 11));
    }

    @Test
    void channelTotalsLeaveOutTheGuildWideRow() {
        // GIVEN a join, counted in the guild-wide row
        givenActivity();

        // WHEN channel totals of joins are read
        // THEN there is no channel to list
        assertThat(store.totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.JOINS, EVERYTHING, 10)).isEmpty();
    }

    @Test
    void channelTotalTiesAreBrokenByChannelIdNumerically() {
        // GIVEN channels 900 and 1000 with equal counts (as text, "1000" would sort first)
        store.apply(new Activity()
                .messages(GUILD_A, 1000, ALICE, NOW, 2)
                .messages(GUILD_A, 900, BOB, NOW, 2)
                .messages(GUILD_A, 50, BOB, NOW, 1)
                .batch("tie-1"));

        // WHEN channel totals are read
        // THEN 900 comes before 1000
        assertThat(store.totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.MESSAGES, EVERYTHING, 10))
                .containsExactly(new KeyCount("900", 2), new KeyCount("1000", 2), new KeyCount("50", 1));
    }

    @Test
    void emojiTotalsHighestFirstTiesInCodePointOrder() {
        // GIVEN reactions today and one last month
        Instant today = at("2026-06-15T09:00:00Z");
        store.apply(new Activity()
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
        List<KeyCount> top = store.totals(BucketKind.EMOJI_DAY, GUILD_A, Counter.REACTIONS, last7Days, 10);
        List<KeyCount> top2 = store.totals(BucketKind.EMOJI_DAY, GUILD_A, Counter.REACTIONS, last7Days, 2);

        // THEN highest first, ties by code point, last month's and guild B's reactions left out
        assertThat(top).containsExactly(new KeyCount("party:123456", 5), new KeyCount("ｗ", 3), new KeyCount("🎉", 3),
                new KeyCount("👍", 3), new KeyCount("❤️", 1));
        assertThat(top2).containsExactly(new KeyCount("party:123456", 5), new KeyCount("ｗ", 3));
    }

    @Test
    void totalsRejectMemberBuckets() {
        // GIVEN any store
        // WHEN totals of a member bucket kind are asked
        // THEN the request is rejected clearly
        assertThatThrownBy(() -> store.totals(BucketKind.MEMBER_DAY, GUILD_A, Counter.MESSAGES, EVERYTHING, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ================================================================ batch idempotence

    /** A batch touching every bucket kind in two guilds. */
    private static MetricBatch mixedBatch(String batchId) {
        return new Activity()
                .messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 3)
                .messages(GUILD_A, RANDOM, BOB, at("2026-06-15T09:59:59.999Z"), 2)
                .messages(GUILD_A, GENERAL, CAROL, at("2026-06-10T23:00:00Z"), 1)
                .reactions(GUILD_A, GENERAL, BOB, "👍", at("2026-06-15T10:06:00Z"), 2)
                .reactions(GUILD_A, RANDOM, ALICE, "party:42", at("2026-06-14T22:00:00Z"), 1)
                .deletions(GUILD_A, GENERAL, at("2026-06-15T10:07:00Z"), 12)
                .joins(GUILD_A, DAVE, at("2026-06-15T10:08:00Z"))
                .leaves(GUILD_A, ERIN, at("2026-06-15T08:08:00Z"))
                .voice(GUILD_A, 777, FRANK, at("2026-06-15T08:50:00Z"), at("2026-06-15T10:10:30Z"))
                .messages(GUILD_B, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 4)
                .batch(batchId);
    }

    private List<BucketRow> allBuckets() {
        List<BucketRow> rows = new ArrayList<>(Exported.of(store, GUILD_A).buckets);
        rows.addAll(Exported.of(store, GUILD_B).buckets);
        return rows;
    }

    @Test
    void appliedBatchIsStoredExactly() {
        // GIVEN a batch touching every kind of bucket
        MetricBatch batch = mixedBatch("mixed-1");

        // WHEN it is applied once
        store.apply(batch);

        // THEN the stored rows are exactly its increments
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(batch));
    }

    @Test
    void sameBatchAppliedTwiceCountsOnce() {
        // GIVEN a batch that was applied
        MetricBatch batch = mixedBatch("mixed-2");
        store.apply(batch);

        // WHEN the same batch arrives again (a retry after a timeout), twice
        store.apply(batch);
        store.apply(batch);

        // THEN every counter still holds exactly one application
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(batch));
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.LAST_24_HOURS, 10)).containsExactly(mc(ALICE, 3), mc(BOB, 2));
    }

    @Test
    void differentBatchesToTheSameBucketsAddUp() {
        // GIVEN two batches with different ids and the same buckets
        MetricBatch first = mixedBatch("mixed-3a");
        MetricBatch second = mixedBatch("mixed-3b");

        // WHEN both are applied
        store.apply(first);
        store.apply(second);

        // THEN every counter is doubled
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(first, second));
        assertThat(allBuckets()).allSatisfy(row -> assertThat(row.counters().values()).allSatisfy(v -> assertThat(v % 2).isZero()));
    }

    /** Cut points 0, 1, half, all-but-one and all of the batch's increments. */
    private static int cut(int which, int size) {
        return switch (which) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> size / 2;
            case 3 -> size - 1;
            default -> size;
        };
    }

    @ParameterizedTest(name = "cut point {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void interruptedBatchRetriedCountsOnce(int which) {
        // GIVEN a write of the batch that died part-way
        MetricBatch batch = mixedBatch("mixed-4");
        interrupt(batch, cut(which, batch.size()));

        // WHEN the caller retries the same batch
        store.apply(batch);

        // THEN every increment is counted exactly once
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(batch));
    }

    @Test
    void repeatedInterruptionsThenRetriesCountOnce() {
        // GIVEN a batch whose writes died twice at different points, with another batch in between
        MetricBatch batch = mixedBatch("mixed-5");
        MetricBatch other = new Activity().messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 1).batch("other-5");
        interrupt(batch, batch.size() / 3);
        store.apply(other);
        interrupt(batch, 2 * batch.size() / 3);

        // WHEN it is retried, succeeds, and is retried once more (and dies again)
        store.apply(batch);
        interrupt(batch, 1);
        store.apply(batch);

        // THEN the batch is counted once, plus the other batch's message
        assertThat(top(GUILD_A, GENERAL, Period.LAST_24_HOURS, 10)).containsExactly(mc(ALICE, 4));
        assertThat(allBuckets()).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(batch, other));
    }

    @Test
    void emptyBatchChangesNothing() {
        // GIVEN an empty batch
        MetricBatch empty = MetricBatch.builder("empty-1").build();

        // WHEN it is applied
        store.apply(empty);

        // THEN nothing is stored
        assertThat(allBuckets()).isEmpty();
    }

    @Test
    void concurrentBatchesAndRetriesAllCountOnce() throws Exception {
        // GIVEN 24 batches adding to the same buckets, each sent twice, from 4 threads
        int batches = 24;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                MetricBatch batch = new Activity()
                        .messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 1)
                        .messages(GUILD_A, GENERAL, 1000 + i, at("2026-06-15T10:05:00Z"), 1)
                        .batch("concurrent-" + i);
                done.add(pool.submit(() -> {
                    store.apply(batch);
                    store.apply(batch);
                }));
            }

            // WHEN all of them have been written
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // THEN each batch counted once
        assertThat(top(GUILD_A, GENERAL, Period.LAST_24_HOURS, 1)).containsExactly(mc(ALICE, batches));
        assertThat(store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null, EVERYTHING))
                .extracting(row -> row.get(Counter.MESSAGES)).containsExactly(2L * batches);
    }

    // ================================================================ member events

    @Test
    void memberEventsAreStoredOnceAndReadOldestFirst() {
        // GIVEN joins and leaves, one of them delivered twice in one call and again in another
        MemberEvent aliceJoin = new MemberEvent(GUILD_A, ALICE, MemberEvent.Kind.JOIN, at("2026-06-15T10:00:00.001Z"));
        MemberEvent aliceLeave = new MemberEvent(GUILD_A, ALICE, MemberEvent.Kind.LEAVE, at("2026-06-15T10:00:00.001Z"));
        MemberEvent bobJoin = new MemberEvent(GUILD_A, BOB, MemberEvent.Kind.JOIN, at("2026-06-15T09:30:00Z"));
        MemberEvent carolJoin = new MemberEvent(GUILD_A, CAROL, MemberEvent.Kind.JOIN, at("2026-06-15T11:00:00Z"));
        MemberEvent otherGuild = new MemberEvent(GUILD_B, ALICE, MemberEvent.Kind.JOIN, at("2026-06-15T10:00:00.001Z"));

        // WHEN they are recorded
        store.recordMemberEvents(List.of(aliceJoin, aliceLeave, aliceJoin, bobJoin, carolJoin, otherGuild));
        store.recordMemberEvents(List.of(aliceJoin, bobJoin));
        store.recordMemberEvents(List.of());

        // THEN each is stored once, read oldest first, in a half-open window, for its guild only
        assertThat(store.memberEvents(GUILD_A, new TimeWindow(at("2026-06-15T00:00:00Z"), at("2026-06-15T11:00:00Z"))))
                .containsExactly(bobJoin, aliceJoin, aliceLeave);
        assertThat(store.memberEvents(GUILD_A, EVERYTHING)).containsExactly(bobJoin, aliceJoin, aliceLeave, carolJoin);
        assertThat(store.memberEvents(GUILD_B, EVERYTHING)).containsExactly(otherGuild);
    }

    // ================================================================ alerts

    private static AlertRecord raid(long guildId, Instant startedAt) {
        return new AlertRecord(AlertRecord.idFor(guildId, AlertType.JOIN_RAID, startedAt), guildId, AlertType.JOIN_RAID,
                Severity.CRITICAL, startedAt, null, List.of(GENERAL, RANDOM), 14, 2.25, "usually 2 joins/min, now 14 in 60 s");
    }

    @Test
    void alertsUpsertByIdAndReadOldestFirst() {
        // GIVEN an ongoing raid, and an earlier deletion alert
        AlertRecord raid = raid(GUILD_A, at("2026-06-15T10:00:00.250Z"));
        AlertRecord deletion = new AlertRecord(AlertRecord.idFor(GUILD_A, AlertType.MASS_DELETION, at("2026-06-15T09:00:00Z")),
                GUILD_A, AlertType.MASS_DELETION, Severity.WARNING, at("2026-06-15T09:00:00Z"), at("2026-06-15T09:01:00Z"),
                List.of(), 40, 0.5, "");
        store.saveAlert(raid);
        store.saveAlert(deletion);

        // WHEN the raid ends and is saved again
        AlertRecord ended = raid.ended(at("2026-06-15T10:05:00.750Z"));
        store.saveAlert(ended);

        // THEN there is still one raid, now ended, and windows filter by start
        assertThat(store.alerts(GUILD_A, EVERYTHING)).containsExactly(deletion, ended);
        assertThat(store.alerts(GUILD_A, new TimeWindow(at("2026-06-15T09:00:00.001Z"), at("2026-06-16T00:00:00Z"))))
                .containsExactly(ended);
        assertThat(store.alerts(GUILD_B, EVERYTHING)).isEmpty();
    }

    // ================================================================ summaries

    @Test
    void summariesAreCachedPerGuildAndPeriodKey() {
        // GIVEN a summary for a week in guild A, and one with the same key in guild B
        AiSummary first = new AiSummary(GUILD_A, "weekly:2026-06-08", AiProvider.GEMINI, "gemini-test",
                "Activity rose 12 % — évènements ✨", at("2026-06-15T06:00:00.123Z"));
        AiSummary other = new AiSummary(GUILD_B, "weekly:2026-06-08", AiProvider.OPENAI, "", "Quiet week.", at("2026-06-15T06:00:01Z"));
        store.saveSummary(first);
        store.saveSummary(other);

        // WHEN guild A's summary is rewritten
        AiSummary rewritten = new AiSummary(GUILD_A, "weekly:2026-06-08", AiProvider.GROQ, "llama-test", "Rewritten.",
                at("2026-06-15T07:00:00Z"));
        store.saveSummary(rewritten);

        // THEN each guild reads its own, the rewrite replaced the first, unknown keys are empty
        assertThat(store.summary(GUILD_A, "weekly:2026-06-08")).contains(rewritten);
        assertThat(store.summary(GUILD_B, "weekly:2026-06-08")).contains(other);
        assertThat(store.summary(GUILD_A, "weekly:2026-06-01")).isEmpty();
    }

    // ================================================================ leaderboard cache

    private static CachedLeaderboard cached(long guildId, long channelId, Counter counter, Period period, Instant computedAt,
                                            List<MemberCount> entries) {
        return new CachedLeaderboard(guildId, channelId, counter, period, computedAt, entries);
    }

    @Test
    void leaderboardCacheKeepsOnePerGuildChannelCounterAndPeriod() {
        // GIVEN cached leaderboards that differ in one key part each
        CachedLeaderboard weekly = cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(DAVE, 9), mc(CAROL, 4), mc(BOB, 4)));
        CachedLeaderboard general = cached(GUILD_A, GENERAL, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(ALICE, 1)));
        CachedLeaderboard reactions = cached(GUILD_A, 0, Counter.REACTIONS, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"), List.of());
        CachedLeaderboard monthly = cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_30_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(ERIN, 70)));
        CachedLeaderboard otherGuild = cached(GUILD_B, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(ALICE, 100)));
        for (CachedLeaderboard l : List.of(weekly, general, reactions, monthly, otherGuild)) {
            store.saveLeaderboard(l);
        }

        // WHEN the weekly one is recomputed
        CachedLeaderboard recomputed = cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T11:00:00.001Z"),
                List.of(mc(CAROL, 5), mc(DAVE, 5)));
        store.saveLeaderboard(recomputed);

        // THEN it replaced the old one, entries in order, and the others are untouched
        assertThat(store.leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).contains(recomputed);
        assertThat(store.leaderboard(GUILD_A, GENERAL, Counter.MESSAGES, Period.LAST_7_DAYS)).contains(general);
        assertThat(store.leaderboard(GUILD_A, 0, Counter.REACTIONS, Period.LAST_7_DAYS)).contains(reactions);
        assertThat(store.leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.LAST_30_DAYS)).contains(monthly);
        assertThat(store.leaderboard(GUILD_B, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).contains(otherGuild);
        assertThat(store.leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.ALL_TIME)).isEmpty();
    }

    // ================================================================ export and erasure

    private record TwoGuilds(MetricBatch batchA, MetricBatch batchB, List<MemberEvent> eventsA, List<AlertRecord> alertsA,
                             AiSummary summaryA, CachedLeaderboard leaderboardA) {
    }

    /** Every kind of row, for guild A and guild B, with the same channel and member ids. */
    private TwoGuilds givenTwoGuildsWithEverything() {
        store.saveSettings(everyFieldChanged(GUILD_A));
        store.saveSettings(GuildSettings.defaults(GUILD_B).withLocale("fr", at("2026-06-01T00:00:00Z")));
        MetricBatch batchA = new Activity()
                .messages(GUILD_A, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 3)
                .messages(GUILD_A, GENERAL, BOB, at("2026-06-14T10:05:00Z"), 2)
                .reactions(GUILD_A, RANDOM, ALICE, "👍", at("2026-06-15T10:06:00Z"), 1)
                .joins(GUILD_A, ALICE, at("2026-06-01T10:00:00Z"))
                .batch("two-guilds-a");
        MetricBatch batchB = new Activity()
                .messages(GUILD_B, GENERAL, ALICE, at("2026-06-15T10:05:00Z"), 8)
                .reactions(GUILD_B, RANDOM, BOB, "👍", at("2026-06-15T10:06:00Z"), 4)
                .batch("two-guilds-b");
        store.apply(batchA);
        store.apply(batchB);
        List<MemberEvent> eventsA = List.of(
                new MemberEvent(GUILD_A, ALICE, MemberEvent.Kind.JOIN, at("2026-06-01T10:00:00Z")),
                new MemberEvent(GUILD_A, BOB, MemberEvent.Kind.LEAVE, at("2026-06-02T10:00:00Z")));
        store.recordMemberEvents(eventsA);
        store.recordMemberEvents(List.of(new MemberEvent(GUILD_B, ALICE, MemberEvent.Kind.JOIN, at("2026-06-01T10:00:00Z"))));
        List<AlertRecord> alertsA = List.of(raid(GUILD_A, at("2026-06-03T10:00:00Z")));
        store.saveAlert(alertsA.get(0));
        store.saveAlert(raid(GUILD_B, at("2026-06-03T10:00:00Z")));
        AiSummary summaryA = new AiSummary(GUILD_A, "weekly:2026-06-08", AiProvider.GEMINI, "m", "A's week", at("2026-06-15T06:00:00Z"));
        store.saveSummary(summaryA);
        store.saveSummary(new AiSummary(GUILD_B, "weekly:2026-06-08", AiProvider.GEMINI, "m", "B's week", at("2026-06-15T06:00:00Z")));
        CachedLeaderboard leaderboardA = cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"),
                List.of(mc(ALICE, 3), mc(BOB, 2)));
        store.saveLeaderboard(leaderboardA);
        store.saveLeaderboard(cached(GUILD_B, 0, Counter.MESSAGES, Period.LAST_7_DAYS, at("2026-06-15T10:00:00Z"), List.of(mc(ALICE, 8))));
        return new TwoGuilds(batchA, batchB, eventsA, alertsA, summaryA, leaderboardA);
    }

    @Test
    void exportHandsOverEveryRowOfTheGuildAndNothingElse() {
        // GIVEN two guilds with every kind of row
        TwoGuilds data = givenTwoGuildsWithEverything();

        // WHEN guild A is exported
        Exported exported = Exported.of(store, GUILD_A);

        // THEN exactly guild A's rows are handed over
        assertThat(exported.settings).containsExactly(everyFieldChanged(GUILD_A));
        assertThat(exported.buckets).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(data.batchA()));
        assertThat(exported.memberEvents).containsExactlyInAnyOrderElementsOf(data.eventsA());
        assertThat(exported.alerts).containsExactlyElementsOf(data.alertsA());
        assertThat(exported.summaries).containsExactly(data.summaryA());
        assertThat(exported.leaderboards).containsExactly(data.leaderboardA());
    }

    @Test
    void exportOfAGuildWithoutDataIsEmpty() {
        // GIVEN another guild's data only
        givenTwoGuildsWithEverything();

        // WHEN a third guild is exported
        Exported exported = Exported.of(store, 810_000_000_000_000_099L);

        // THEN nothing is handed over
        assertThat(exported.rows()).isZero();
    }

    @Test
    void eraseGuildDeletesEverythingOfThatGuildOnly() {
        // GIVEN two guilds with every kind of row
        TwoGuilds data = givenTwoGuildsWithEverything();
        long rowsOfA = Exported.of(store, GUILD_A).rows();
        Exported before = Exported.of(store, GUILD_B);

        // WHEN guild A is erased
        long deleted = store.eraseGuild(GUILD_A);

        // THEN all its rows are gone and counted, guild B is untouched
        assertThat(deleted).isEqualTo(rowsOfA);
        assertThat(Exported.of(store, GUILD_A).rows()).isZero();
        assertThat(store.findSettings(GUILD_A)).isEmpty();
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10)).isEmpty();
        assertThat(store.allSettings()).extracting(GuildSettings::guildId).containsExactly(GUILD_B);
        Exported after = Exported.of(store, GUILD_B);
        assertThat(after.buckets).containsExactlyInAnyOrderElementsOf(Activity.rowsOf(data.batchB()));
        assertThat(after).usingRecursiveComparison().isEqualTo(before);
        assertThat(store.eraseGuild(GUILD_A)).isZero();
    }

    @Test
    void eraseMemberDeletesTheirMemberRowsAndEventsOnly() {
        // GIVEN Alice active in both guilds, and a cached reaction leaderboard of guild A without her
        TwoGuilds data = givenTwoGuildsWithEverything();
        CachedLeaderboard withoutAlice = cached(GUILD_A, RANDOM, Counter.REACTIONS, Period.LAST_7_DAYS,
                at("2026-06-15T10:00:00Z"), List.of(mc(BOB, 1)));
        store.saveLeaderboard(withoutAlice);
        List<BucketRow> channelRowsBefore = store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null, EVERYTHING);
        long aliceRows = Activity.rowsOf(data.batchA()).stream().filter(row -> row.key().memberId() == ALICE).count()
                + data.eventsA().stream().filter(e -> e.memberId() == ALICE).count()
                + 1; // guild A's cached message leaderboard lists her

        // WHEN Alice is erased from guild A
        long deleted = store.eraseMember(GUILD_A, ALICE);

        // THEN her member rows and events in guild A are gone; channel totals, Bob, and guild B stay
        assertThat(deleted).isEqualTo(aliceRows);
        assertThat(store.buckets(BucketKind.MEMBER_DAY, GUILD_A, null, ALICE, EVERYTHING)).isEmpty();
        assertThat(store.buckets(BucketKind.MEMBER_HOUR, GUILD_A, null, ALICE, EVERYTHING)).isEmpty();
        assertThat(store.memberEvents(GUILD_A, EVERYTHING)).extracting(MemberEvent::memberId).containsExactly(BOB);
        assertThat(top(GUILD_A, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10)).containsExactly(mc(BOB, 2));
        assertThat(store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null, EVERYTHING)).isEqualTo(channelRowsBefore);
        assertThat(top(GUILD_B, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10)).containsExactly(mc(ALICE, 8));
        assertThat(store.memberEvents(GUILD_B, EVERYTHING)).extracting(MemberEvent::memberId).containsExactly(ALICE);
        // no cached leaderboard of guild A still names her (it is recomputed on the next request)
        assertThat(store.leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).isEmpty();
        assertThat(store.leaderboard(GUILD_A, RANDOM, Counter.REACTIONS, Period.LAST_7_DAYS)).contains(withoutAlice);
        assertThat(store.leaderboard(GUILD_B, 0, Counter.MESSAGES, Period.LAST_7_DAYS)).isPresent();
    }

    // ================================================================ retention

    @Test
    void sweepDeletesExactlyTheRowsWhoseExpiryHasCome() {
        // GIVEN guild A on default retention (90/30/180 days), guild B on 10/3/5 days, and for each
        // kind of row one that expires exactly at the sweep and one that expires just after it
        Instant sweepAt = at("2026-06-15T00:00:00Z");
        store.saveSettings(GuildSettings.defaults(GUILD_B).withRetention(new Retention(10, 3, 5), at("2026-06-01T00:00:00Z")));
        List<Object> kept = new ArrayList<>();
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            Retention retention = store.settings(guild).retention();
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
            store.apply(builder.build());

            Instant eventDue = sweepAt.minus(retention.metrics());
            MemberEvent keptEvent = new MemberEvent(guild, BOB, MemberEvent.Kind.JOIN, eventDue.plusMillis(1));
            store.recordMemberEvents(List.of(new MemberEvent(guild, ALICE, MemberEvent.Kind.JOIN, eventDue), keptEvent));
            kept.add(keptEvent);
            AlertRecord keptAlert = raid(guild, eventDue.plusMillis(1));
            store.saveAlert(raid(guild, eventDue));
            store.saveAlert(keptAlert);
            kept.add(keptAlert);
            Instant summaryDue = sweepAt.minus(retention.summaries());
            AiSummary keptSummary = new AiSummary(guild, "kept", AiProvider.GEMINI, "", "kept", summaryDue.plusMillis(1));
            store.saveSummary(new AiSummary(guild, "due", AiProvider.GEMINI, "", "due", summaryDue));
            store.saveSummary(keptSummary);
            kept.add(keptSummary);
            Instant leaderboardDue = sweepAt.minus(retention.leaderboards());
            CachedLeaderboard keptLeaderboard = cached(guild, 0, Counter.MESSAGES, Period.LAST_30_DAYS, leaderboardDue.plusMillis(1),
                    List.of(mc(ALICE, 1)));
            store.saveLeaderboard(cached(guild, 0, Counter.MESSAGES, Period.LAST_7_DAYS, leaderboardDue, List.of(mc(ALICE, 1))));
            store.saveLeaderboard(keptLeaderboard);
            kept.add(keptLeaderboard);
        }
        kept.add(store.settings(GUILD_B));

        // WHEN the sweep runs a millisecond early, then on time
        long early = store.sweepExpired(sweepAt.minusMillis(1));
        long onTime = store.sweepExpired(sweepAt);

        // THEN the early sweep deletes nothing; the one on time deletes the 8 due rows of each guild, and the rest stays
        assertThat(early).isZero();
        assertThat(onTime).isEqualTo(16);
        List<Object> remaining = new ArrayList<>();
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            Exported exported = Exported.of(store, guild);
            remaining.addAll(exported.settings);
            remaining.addAll(exported.buckets);
            remaining.addAll(exported.memberEvents);
            remaining.addAll(exported.alerts);
            remaining.addAll(exported.summaries);
            remaining.addAll(exported.leaderboards);
        }
        assertThat(remaining).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(store.sweepExpired(sweepAt)).isZero();
    }

    @Test
    void sweepUsesTheRetentionInForceWhenARowWasWritten() {
        // GIVEN a bucket written under 90-day retention, then retention cut to 10 days, then another bucket
        Instant oldHour = at("2026-05-20T10:00:00Z");
        store.apply(MetricBatch.builder("before-change").add(BucketKey.channelHour(GUILD_A, GENERAL, oldHour), Counter.MESSAGES, 1).build());
        store.saveSettings(GuildSettings.defaults(GUILD_A).withRetention(new Retention(10, 30, 180), NOW));
        store.apply(MetricBatch.builder("after-change").add(BucketKey.channelHour(GUILD_A, RANDOM, oldHour), Counter.MESSAGES, 1).build());

        // WHEN the sweep runs 20 days after the buckets' hour
        long deleted = store.sweepExpired(at("2026-06-09T10:00:00Z"));

        // THEN only the bucket written under the 10-day retention is gone
        assertThat(deleted).isEqualTo(1);
        assertThat(store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null, EVERYTHING))
                .extracting(row -> row.key().channelId()).containsExactly(GENERAL);
    }

    @Test
    void aBucketWrittenAgainTakesTheRetentionInForceThen() {
        // GIVEN a bucket written under 90-day retention, then retention cut to 10 days
        Instant oldHour = at("2026-05-20T10:00:00Z");
        BucketKey bucket = BucketKey.channelHour(GUILD_A, GENERAL, oldHour);
        store.apply(MetricBatch.builder("first-write").add(bucket, Counter.MESSAGES, 1).build());
        store.saveSettings(GuildSettings.defaults(GUILD_A).withRetention(new Retention(10, 30, 180), NOW));

        // WHEN the same bucket is written again (a late event of that hour)
        store.apply(MetricBatch.builder("second-write").add(bucket, Counter.MESSAGES, 1).build());

        // THEN it expires by the 10-day retention, with both counts
        assertThat(store.sweepExpired(at("2026-05-30T09:59:59.999Z"))).isZero();
        assertThat(store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null, EVERYTHING))
                .containsExactly(new BucketRow(bucket, Map.of(Counter.MESSAGES, 2L)));
        assertThat(store.sweepExpired(at("2026-05-30T10:00:00Z"))).isEqualTo(1);
        assertThat(store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, GENERAL, null, EVERYTHING)).isEmpty();
    }

    // ================================================================ guild isolation

    @Test
    void readsForOneGuildNeverReturnAnotherGuildsRows() {
        // GIVEN two guilds with identical channel, member, emoji and alert ids but different numbers
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            int n = guild == GUILD_A ? 2 : 5;
            store.saveSettings(GuildSettings.defaults(guild).withDigest(guild == GUILD_A ? DigestFrequency.DAILY : DigestFrequency.HOURLY, NOW));
            store.apply(new Activity()
                    .messages(guild, GENERAL, ALICE, at("2026-06-15T10:00:00Z"), n)
                    .reactions(guild, GENERAL, ALICE, "👍", at("2026-06-15T10:00:00Z"), n)
                    .joins(guild, ALICE, at("2026-06-15T10:00:00Z"))
                    .batch("isolation-" + guild));
            store.recordMemberEvents(List.of(new MemberEvent(guild, ALICE, MemberEvent.Kind.JOIN, at("2026-06-15T10:00:00Z"))));
            store.saveAlert(new AlertRecord("same-id", guild, AlertType.JOIN_RAID, Severity.INFO, at("2026-06-15T10:00:00Z"), null,
                    List.of(GENERAL), n, n, ""));
            store.saveSummary(new AiSummary(guild, "daily:2026-06-15", AiProvider.GEMINI, "", "text " + n, NOW));
            store.saveLeaderboard(cached(guild, 0, Counter.MESSAGES, Period.LAST_24_HOURS, NOW, List.of(mc(ALICE, n))));
        }

        // WHEN every read is made for each guild
        // THEN each sees only its own numbers
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            long n = guild == GUILD_A ? 2 : 5;
            assertThat(store.settings(guild).digest()).isEqualTo(guild == GUILD_A ? DigestFrequency.DAILY : DigestFrequency.HOURLY);
            for (Period period : Period.values()) {
                assertThat(top(guild, BucketKey.ALL_CHANNELS, period, 10)).containsExactly(mc(ALICE, n));
                assertThat(top(guild, GENERAL, period, 10)).containsExactly(mc(ALICE, n));
            }
            for (BucketKind kind : BucketKind.values()) {
                assertThat(store.buckets(kind, guild, null, null, EVERYTHING))
                        .isNotEmpty()
                        .allSatisfy(row -> assertThat(row.key().guildId()).isEqualTo(guild));
            }
            assertThat(store.buckets(BucketKind.CHANNEL_HOUR, guild, GENERAL, null, EVERYTHING))
                    .extracting(row -> row.get(Counter.MESSAGES)).containsExactly(n);
            assertThat(store.totals(BucketKind.CHANNEL_HOUR, guild, Counter.MESSAGES, EVERYTHING, 10))
                    .containsExactly(new KeyCount(Long.toString(GENERAL), n));
            assertThat(store.totals(BucketKind.EMOJI_DAY, guild, Counter.REACTIONS, EVERYTHING, 10))
                    .containsExactly(new KeyCount("👍", n));
            assertThat(store.memberEvents(guild, EVERYTHING)).extracting(MemberEvent::guildId).containsExactly(guild);
            assertThat(store.alerts(guild, EVERYTHING)).extracting(AlertRecord::observed).containsExactly(n);
            assertThat(store.summary(guild, "daily:2026-06-15")).map(AiSummary::text).contains("text " + n);
            assertThat(store.leaderboard(guild, 0, Counter.MESSAGES, Period.LAST_24_HOURS))
                    .map(CachedLeaderboard::entries).contains(List.of(mc(ALICE, n)));
            Exported exported = Exported.of(store, guild);
            assertThat(exported.buckets).allSatisfy(row -> assertThat(row.key().guildId()).isEqualTo(guild));
            assertThat(exported.rows()).isEqualTo(1 + 7 + 1 + 1 + 1 + 1);
        }
    }

    // ================================================================ lifecycle

    @Test
    void openStoreIsHealthyAndDescribesItself() {
        // GIVEN an open store
        // WHEN it is asked about itself
        // THEN it is healthy and has a short description without credentials
        assertThat(store.healthy()).isTrue();
        assertThat(store.describe()).isNotBlank().doesNotContain("password").doesNotContain("@");
    }

    @Test
    void closedStoreIsNotHealthyAndClosingTwiceIsHarmless() {
        // GIVEN a store with data
        givenActivity();

        // WHEN it is closed (twice)
        store.close();
        store.close();

        // THEN it reports itself unhealthy
        assertThat(store.healthy()).isFalse();
    }

    @Test
    void closedStoreRefusesEveryReadAndWriteTheSameWayInEveryAdapter() {
        // GIVEN a store with data, closed
        givenActivity();
        String description = store.describe();
        store.close();

        // WHEN any read or write is asked of it
        MemberEvent join = new MemberEvent(GUILD_A, ALICE, MemberEvent.Kind.JOIN, NOW);
        Map<String, ThrowingCallable> uses = new LinkedHashMap<>();
        uses.put("findSettings", () -> store.findSettings(GUILD_A));
        uses.put("saveSettings", () -> store.saveSettings(GuildSettings.defaults(GUILD_A)));
        uses.put("allSettings", () -> store.allSettings());
        uses.put("apply", () -> store.apply(mixedBatch("after-close")));
        uses.put("topMembers", () -> top(GUILD_A, BucketKey.ALL_CHANNELS, Period.ALL_TIME, 10));
        uses.put("buckets", () -> store.buckets(BucketKind.CHANNEL_HOUR, GUILD_A, null, null, EVERYTHING));
        uses.put("totals", () -> store.totals(BucketKind.CHANNEL_HOUR, GUILD_A, Counter.MESSAGES, EVERYTHING, 10));
        uses.put("recordMemberEvents", () -> store.recordMemberEvents(List.of(join)));
        uses.put("memberEvents", () -> store.memberEvents(GUILD_A, EVERYTHING));
        uses.put("saveAlert", () -> store.saveAlert(raid(GUILD_A, NOW)));
        uses.put("alerts", () -> store.alerts(GUILD_A, EVERYTHING));
        uses.put("saveSummary", () -> store.saveSummary(new AiSummary(GUILD_A, "k", AiProvider.GEMINI, "", "t", NOW)));
        uses.put("summary", () -> store.summary(GUILD_A, "k"));
        uses.put("saveLeaderboard", () -> store.saveLeaderboard(cached(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS, NOW,
                List.of(mc(ALICE, 1)))));
        uses.put("leaderboard", () -> store.leaderboard(GUILD_A, 0, Counter.MESSAGES, Period.LAST_7_DAYS));
        uses.put("exportGuild", () -> Exported.of(store, GUILD_A));
        uses.put("eraseGuild", () -> store.eraseGuild(GUILD_A));
        uses.put("eraseMember", () -> store.eraseMember(GUILD_A, ALICE));
        uses.put("sweepExpired", () -> store.sweepExpired(NOW));

        // THEN each fails with a StoreException saying which store is closed, worded alike by every adapter
        uses.forEach((name, use) -> assertThatThrownBy(use).as(name)
                .isInstanceOf(StoreException.class)
                .hasMessage("the store " + description + " is closed"));
        assertThat(store.describe()).isEqualTo(description);
    }
}

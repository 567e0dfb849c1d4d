package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written timeline {@code timelines/fixture-guild.jsonl}, with every expected number worked
 * out by hand (see the comments): alice 2001 (owner), bob 2002, carol 2003, botty 2004 (a bot), dave
 * 2005 joins later; #general 3001 is collected, #off-topic 3002 is not; voice Lounge 3003, Gaming 3004.
 */
class GroundTruthFixtureTest {

    private static final long GUILD = 1000;
    private static final long GENERAL = 3001;
    private static final long OFF_TOPIC = 3002;
    private static final long LOUNGE = 3003;
    private static final long GAMING = 3004;
    private static final long ALICE = 2001;
    private static final long BOB = 2002;
    private static final long CAROL = 2003;
    private static final long BOTTY = 2004;
    private static final long DAVE = 2005;
    private static final Instant H10 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant H11 = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant H23 = Instant.parse("2026-03-02T23:00:00Z");
    private static final Instant NEXT_H00 = Instant.parse("2026-03-03T00:00:00Z");
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final LocalDate TUESDAY = LocalDate.parse("2026-03-03");

    private static SimulatedCommunity fixture;

    @BeforeAll
    static void read() throws IOException {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                GroundTruthFixtureTest.class.getResourceAsStream("/timelines/fixture-guild.jsonl")), StandardCharsets.UTF_8)) {
            fixture = TimelineJson.read(in);
        }
    }

    @Test
    void the_file_describes_the_guild_and_its_timeline() {
        // GIVEN the fixture as read
        // THEN it has the guild with its channels, members, emoji, collected channel, incident and 22 events
        assertThat(fixture.community().name()).isEqualTo("Fixture Guild");
        assertThat(fixture.community().channels()).hasSize(4);
        assertThat(fixture.community().members()).extracting(m -> m.username()).containsExactly("alice", "bob", "carol", "botty");
        assertThat(fixture.community().members().get(3).bot()).isTrue();
        assertThat(fixture.community().emojis().get(0).reactionKey()).isEqualTo("blob_wave:4001");
        assertThat(fixture.collectedChannelIds()).containsExactly(GENERAL);
        assertThat(fixture.events()).hasSize(22);
        assertThat(fixture.end()).isEqualTo(Instant.parse("2026-03-03T01:00:00Z"));
        assertThat(fixture.incidents()).containsExactly(new Incident(AlertType.MASS_DELETION, GUILD,
                Instant.parse("2026-03-02T11:30:00Z"), Instant.parse("2026-03-02T11:40:00Z"), java.util.List.of(GENERAL), 3));
    }

    @Test
    void messages_reactions_and_deletions_count_only_in_the_collected_channel_and_without_bots() {
        // GIVEN the truth with bots excluded
        GroundTruth truth = fixture.groundTruth(false);

        // THEN 10h: alice's and bob's messages (botty's excluded), bob's and alice's reactions (botty's excluded)
        assertThat(truth.channelHour(GUILD, GENERAL, H10, Counter.MESSAGES)).isEqualTo(2);
        assertThat(truth.channelHour(GUILD, GENERAL, H10, Counter.REACTIONS)).isEqualTo(2);
        // AND 11h: alice's and dave's messages; one single delete plus a bulk of two
        assertThat(truth.channelHour(GUILD, GENERAL, H11, Counter.MESSAGES)).isEqualTo(2);
        assertThat(truth.channelHour(GUILD, GENERAL, H11, Counter.DELETIONS)).isEqualTo(3);
        // AND Tuesday 0h: bob's late message
        assertThat(truth.channelHour(GUILD, GENERAL, NEXT_H00, Counter.MESSAGES)).isEqualTo(1);
        // AND nothing at all in the channel that is not collected (carol's message, alice's reaction, a delete)
        assertThat(truth.perHour(GUILD, OFF_TOPIC, Counter.MESSAGES)).isEmpty();
        assertThat(truth.perHour(GUILD, OFF_TOPIC, Counter.REACTIONS)).isEmpty();
        assertThat(truth.perHour(GUILD, OFF_TOPIC, Counter.DELETIONS)).isEmpty();
        assertThat(truth.total(GUILD, Counter.MESSAGES)).isEqualTo(5);
        assertThat(truth.total(GUILD, Counter.DELETIONS)).isEqualTo(3);
    }

    @Test
    void counting_bots_adds_the_bots_message_reaction_and_emoji() {
        // GIVEN the truth with bots counted
        GroundTruth truth = fixture.groundTruth(true);

        // THEN botty's message and reaction count too
        assertThat(truth.channelHour(GUILD, GENERAL, H10, Counter.MESSAGES)).isEqualTo(3);
        assertThat(truth.channelHour(GUILD, GENERAL, H10, Counter.REACTIONS)).isEqualTo(3);
        assertThat(truth.count(BucketKey.emojiDay(GUILD, "👍", H10), Counter.REACTIONS)).isEqualTo(2);
        assertThat(truth.messages(GUILD, BOTTY, MONDAY)).isEqualTo(1);
    }

    @Test
    void members_are_counted_per_day_and_hour_in_their_channel_and_in_all_channels() {
        // GIVEN the truth with bots excluded
        GroundTruth truth = fixture.groundTruth(false);

        // THEN Monday: alice 2 messages and 1 reaction, bob 1 and 1, dave 1, carol none (off-topic), botty none
        assertThat(truth.messagesPerMember(GUILD, MONDAY)).isEqualTo(Map.of(ALICE, 2L, BOB, 1L, DAVE, 1L));
        assertThat(truth.count(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, ALICE, H10), Counter.REACTIONS)).isEqualTo(1);
        assertThat(truth.count(BucketKey.memberDay(GUILD, GENERAL, BOB, H10), Counter.REACTIONS)).isEqualTo(1);
        assertThat(truth.messages(GUILD, CAROL, MONDAY)).isZero();
        assertThat(truth.messages(GUILD, BOB, TUESDAY)).isEqualTo(1);
        // AND per hour: alice posted once at 10h and once at 11h
        assertThat(truth.count(BucketKey.memberHour(GUILD, GENERAL, ALICE, H10), Counter.MESSAGES)).isEqualTo(1);
        assertThat(truth.count(BucketKey.memberHour(GUILD, BucketKey.ALL_CHANNELS, ALICE, H11), Counter.MESSAGES)).isEqualTo(1);
    }

    @Test
    void emojis_count_per_day_for_the_reacting_members() {
        // GIVEN the truth with bots excluded
        GroundTruth truth = fixture.groundTruth(false);

        // THEN one thumbs-up (bob's, not botty's) and one custom emoji on Monday; the party popper was off-topic
        TimeWindow monday = new TimeWindow(H10.minusSeconds(36_000), NEXT_H00);
        assertThat(truth.totals(BucketKind.EMOJI_DAY, GUILD, Counter.REACTIONS, monday, 10))
                .containsExactly(new KeyCount("blob_wave:4001", 1), new KeyCount("👍", 1));
    }

    @Test
    void voice_joins_and_seconds_follow_each_stretch_split_by_hour_and_truncated_to_seconds() {
        // GIVEN the truth
        GroundTruth truth = fixture.groundTruth(false);

        // THEN Lounge 10h: alice (10:50-11:00 = 600 s) and carol (10:55-11:00 = 300 s) joined
        assertThat(truth.channelHour(GUILD, LOUNGE, H10, Counter.VOICE_JOINS)).isEqualTo(2);
        assertThat(truth.channelHour(GUILD, LOUNGE, H10, Counter.VOICE_SECONDS)).isEqualTo(900);
        // AND Lounge 11h: alice 11:00-11:15:30.5 = 930 s, carol 11:00-11:05:00.25 = 300 s (fractions dropped)
        assertThat(truth.channelHour(GUILD, LOUNGE, H11, Counter.VOICE_SECONDS)).isEqualTo(1_230);
        assertThat(truth.channelHour(GUILD, LOUNGE, H11, Counter.VOICE_JOINS)).isZero();
        // AND Gaming 11h: carol moved in (a join) and stayed 59.75 s
        assertThat(truth.channelHour(GUILD, GAMING, H11, Counter.VOICE_JOINS)).isEqualTo(1);
        assertThat(truth.channelHour(GUILD, GAMING, H11, Counter.VOICE_SECONDS)).isEqualTo(59);
        // AND bob joined at 23:59:59 and is still in voice at the end (01:00): 1 s, then 3600 s
        assertThat(truth.channelHour(GUILD, LOUNGE, H23, Counter.VOICE_JOINS)).isEqualTo(1);
        assertThat(truth.channelHour(GUILD, LOUNGE, H23, Counter.VOICE_SECONDS)).isEqualTo(1);
        assertThat(truth.channelHour(GUILD, LOUNGE, NEXT_H00, Counter.VOICE_SECONDS)).isEqualTo(3_600);
        assertThat(truth.total(GUILD, Counter.VOICE_SECONDS)).isEqualTo(5_790);
        // AND each member's voice seconds are in their all-channel member-day: bob 1 s on Monday, 3600 s on Tuesday
        assertThat(truth.count(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, BOB, H10), Counter.VOICE_SECONDS)).isEqualTo(1);
        assertThat(truth.count(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, BOB, NEXT_H00), Counter.VOICE_SECONDS))
                .isEqualTo(3_600);
        assertThat(truth.count(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, ALICE, H10), Counter.VOICE_SECONDS))
                .isEqualTo(600 + 930);
        assertThat(truth.count(BucketKey.memberHour(GUILD, BucketKey.ALL_CHANNELS, CAROL, H11), Counter.VOICE_SECONDS))
                .isEqualTo(300 + 59);
    }

    @Test
    void joins_and_leaves_are_guild_wide_per_hour_and_day() {
        // GIVEN the truth
        GroundTruth truth = fixture.groundTruth(false);

        // THEN dave joined Monday 11h and carol left Tuesday 0h
        assertThat(truth.channelHour(GUILD, BucketKey.GUILD_WIDE, H11, Counter.JOINS)).isEqualTo(1);
        assertThat(truth.joinsPerDay(GUILD)).isEqualTo(Map.of(MONDAY, 1L));
        assertThat(truth.leavesPerDay(GUILD)).isEqualTo(Map.of(TUESDAY, 1L));
        assertThat(truth.joins(GUILD, TUESDAY)).isZero();
        assertThat(truth.leaves(GUILD, TUESDAY)).isEqualTo(1);
    }

    @Test
    void leaderboards_rank_by_count_then_member_id_within_the_period() {
        // GIVEN the truth
        GroundTruth truth = fixture.groundTruth(false);

        // WHEN ranked on Tuesday 00:30 over 7 days and 24 hours
        Instant now = Instant.parse("2026-03-03T00:30:00Z");
        // THEN alice and bob have 2 each (alice first by id), dave 1
        assertThat(truth.leaderboard(GUILD, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS, now, 10))
                .containsExactly(new MemberCount(ALICE, 2), new MemberCount(BOB, 2), new MemberCount(DAVE, 1));
        assertThat(truth.leaderboard(GUILD, GENERAL, Period.LAST_24_HOURS, now, 2))
                .containsExactly(new MemberCount(ALICE, 2), new MemberCount(BOB, 2));
        // AND on Tuesday 10:30 the last 24 hours start at Monday 11:00: one message each
        assertThat(truth.leaderboard(GUILD, BucketKey.ALL_CHANNELS, Period.LAST_24_HOURS,
                Instant.parse("2026-03-03T10:30:00Z"), 10))
                .containsExactly(new MemberCount(ALICE, 1), new MemberCount(BOB, 1), new MemberCount(DAVE, 1));
        // AND six days later the 7 whole days (3-9 March) still hold bob's Tuesday message, a day later nothing
        assertThat(truth.leaderboard(GUILD, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS,
                Instant.parse("2026-03-09T12:00:00Z"), 10)).containsExactly(new MemberCount(BOB, 1));
        assertThat(truth.leaderboard(GUILD, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS,
                Instant.parse("2026-03-10T12:00:00Z"), 10)).isEmpty();
        assertThat(truth.leaderboard(GUILD, BucketKey.ALL_CHANNELS, Period.ALL_TIME,
                Instant.parse("2026-03-10T12:00:00Z"), 10)).hasSize(3);
    }

    @Test
    void without_a_header_open_voice_sessions_count_up_to_the_last_event() {
        // GIVEN the same events with no known end
        GroundTruth truth = GroundTruth.compute(fixture.communities(), fixture.events(), fixture.collectedChannelIds(), false);

        // THEN bob's open session runs to carol's leave at 00:30: 1800 s in Tuesday's first hour
        assertThat(truth.channelHour(GUILD, LOUNGE, NEXT_H00, Counter.VOICE_SECONDS)).isEqualTo(1_800);
        assertThat(truth.incidents()).isEmpty();
    }
}

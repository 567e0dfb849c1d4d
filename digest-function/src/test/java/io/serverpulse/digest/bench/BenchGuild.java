package io.serverpulse.digest.bench;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A large guild's {@code days} days of pre-aggregated activity, seeded, one day at a time: {@code members}
 * members of whom {@code dailyActiveShare} post or react on a given day (chosen by Zipf's law, one pick in ten
 * uniform), in 1 to 3 of 12 collected channels at an evening-weighted hour, messages per member-day heavy-tailed,
 * a reaction per two messages with one of 12 emoji; 5 % of the day's active members spend 10 to 120 minutes in
 * one of 4 voice channels; 60 joins and 40 leaves a day; a join raid every Wednesday. Written as the stores keep
 * it: member-days (guild-wide and per channel), channel-hours (with the guild-wide joins and leaves), emoji-days,
 * member events and alerts. (Member-hours are left out: a weekly digest does not read them.)
 */
final class BenchGuild {

    static final long GUILD = 1_150_000_000_000_000_001L;
    static final long FIRST_MEMBER = 1_100_000_000_000_000_000L;
    static final long FIRST_CHANNEL = 1_150_000_000_000_001_000L;
    static final long FIRST_VOICE = 1_150_000_000_000_002_000L;
    static final int CHANNELS = 12;
    static final int VOICE_CHANNELS = 4;
    static final List<String> EMOJI = List.of("👍", "😂", "❤️", "🔥", "🎉", "😮", "😢", "👀", "🙏", "💯",
            "pepe_hands:1150000000000003001", "blob_wave:1150000000000003002");

    /** One day of the guild, as the collector would have written it. */
    record Day(MetricBatch batch, List<MemberEvent> memberEvents, List<AlertRecord> alerts) {
    }

    private final Random random;
    private final int members;
    private final int activePerDay;

    BenchGuild(long seed, int members, double dailyActiveShare) {
        this.random = new Random(seed);
        this.members = members;
        this.activePerDay = (int) Math.round(members * dailyActiveShare);
    }

    Day day(Instant dayStart, int index) {
        MetricBatch.Builder batch = MetricBatch.builder("bench-day-" + index);
        long[][] channelHours = new long[CHANNELS][24];
        Set<Integer> active = new HashSet<>();
        while (active.size() < activePerDay) {
            active.add(zipfMember());
        }
        for (int member : active) {
            long memberId = FIRST_MEMBER + member;
            long count = Math.min(400, 1 + (long) Math.floor(Math.pow(random.nextDouble(), -0.8)));
            int inChannels = 1 + random.nextInt(3);
            long left = count;
            for (int k = 0; k < inChannels && left > 0; k++) {
                int channel = random.nextInt(CHANNELS);
                long here = k == inChannels - 1 ? left : 1 + random.nextInt((int) left);
                left -= here;
                int hour = eveningHour();
                batch.add(BucketKey.memberDay(GUILD, FIRST_CHANNEL + channel, memberId, dayStart), Counter.MESSAGES, here);
                channelHours[channel][hour] += here;
                long reactions = here / 2;
                if (reactions > 0) {
                    batch.add(BucketKey.memberDay(GUILD, FIRST_CHANNEL + channel, memberId, dayStart), Counter.REACTIONS, reactions);
                    batch.add(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, memberId, dayStart), Counter.REACTIONS, reactions);
                    batch.add(BucketKey.channelHour(GUILD, FIRST_CHANNEL + channel, dayStart.plus(Duration.ofHours(hour))),
                            Counter.REACTIONS, reactions);
                    batch.add(BucketKey.emojiDay(GUILD, EMOJI.get(Math.min(EMOJI.size() - 1, (int) (-Math.log(random.nextDouble()) * 3))),
                            dayStart), Counter.REACTIONS, reactions);
                }
            }
            batch.add(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, memberId, dayStart), Counter.MESSAGES, count);
            if (random.nextInt(20) == 0) {
                long seconds = 600 + random.nextInt(6_600);
                int hour = eveningHour();
                batch.add(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, memberId, dayStart), Counter.VOICE_SECONDS, seconds);
                batch.add(BucketKey.channelHour(GUILD, FIRST_VOICE + random.nextInt(VOICE_CHANNELS), dayStart.plus(Duration.ofHours(hour))),
                        Counter.VOICE_SECONDS, seconds);
            }
        }
        for (int c = 0; c < CHANNELS; c++) {
            for (int h = 0; h < 24; h++) {
                if (channelHours[c][h] > 0) {
                    batch.add(BucketKey.channelHour(GUILD, FIRST_CHANNEL + c, dayStart.plus(Duration.ofHours(h))), Counter.MESSAGES,
                            channelHours[c][h]);
                }
            }
        }
        List<MemberEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean join = i < 60;
            Instant at = dayStart.plus(Duration.ofSeconds(random.nextInt(86_400)));
            long memberId = FIRST_MEMBER + (join ? members + index * 60L + i : random.nextInt(members));
            events.add(new MemberEvent(GUILD, memberId, join ? MemberEvent.Kind.JOIN : MemberEvent.Kind.LEAVE, at));
            batch.add(BucketKey.channelHour(GUILD, BucketKey.GUILD_WIDE, at), join ? Counter.JOINS : Counter.LEAVES, 1);
        }
        List<AlertRecord> alerts = new ArrayList<>();
        if (dayStart.atZone(java.time.ZoneOffset.UTC).getDayOfWeek() == java.time.DayOfWeek.WEDNESDAY) {
            Instant at = dayStart.plus(Duration.ofHours(14));
            alerts.add(new AlertRecord(AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, at), GUILD, AlertType.JOIN_RAID, Severity.WARNING,
                    at, at.plus(Duration.ofMinutes(4)), List.of(), 80, 2.0, "usually 2 joins/min, now 80 in 1 min"));
        }
        return new Day(batch.build(), events, alerts);
    }

    private int eveningHour() {
        // busier in the evening (UTC): 8:00-23:00, twice as likely from 17:00
        int hour = 8 + random.nextInt(16);
        return hour < 17 && random.nextBoolean() ? 17 + random.nextInt(7) : hour;
    }

    private int zipfMember() {
        if (random.nextInt(10) == 0) {
            return random.nextInt(members);
        }
        int rank = (int) Math.floor(Math.pow(members + 1.0, random.nextDouble())) - 1;
        return Math.min(members - 1, Math.max(0, rank));
    }
}

package io.serverpulse.interactions.bench;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A large guild's 90 days of pre-aggregated activity, seeded: {@code members} members of whom about
 * {@code dailyActiveShare} post on a given day (heavy posters most days: activity is drawn with Zipf-like
 * weights, Zipf's law), 1 to 3 of {@code channels} collected channels per active member-day, messages per member-day
 * heavy-tailed. Written as the stores keep it: member-day buckets (guild-wide and per channel) for 90 days,
 * channel-hour buckets for 90 days, member-hour buckets for the last 49 hours only (their retention).
 */
final class BenchGuild {

    static final long GUILD = 1_150_000_000_000_000_001L;
    static final long FIRST_MEMBER = 1_100_000_000_000_000_000L;
    static final long FIRST_CHANNEL = 1_150_000_000_000_001_000L;

    record Loaded(long memberDays, long channelMemberDays, long channelHours, long memberHours, long messages, Duration took) {
    }

    private BenchGuild() {
    }

    static Loaded load(Store store, Instant now, int members, int days, int channels, double dailyActiveShare, long seed) {
        long started = System.nanoTime();
        Random random = new Random(seed);
        Set<Long> collected = new TreeSet<>();
        for (int c = 0; c < channels; c++) {
            collected.add(FIRST_CHANNEL + c);
        }
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(collected, now));
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Instant memberHoursFrom = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(49));
        int activePerDay = (int) Math.round(members * dailyActiveShare);
        long memberDays = 0;
        long channelMemberDays = 0;
        long channelHours = 0;
        long memberHours = 0;
        long messages = 0;
        for (int d = days - 1; d >= 0; d--) {
            Instant day = today.minus(Duration.ofDays(d));
            MetricBatch.Builder batch = MetricBatch.builder("bench-day-" + d);
            long[][] perChannelHour = new long[channels][24];
            Set<Integer> active = new HashSet<>();
            while (active.size() < activePerDay) {
                active.add(zipfMember(random, members));
            }
            for (int member : active) {
                long memberId = FIRST_MEMBER + member;
                long count = 1 + (long) Math.floor(Math.pow(random.nextDouble(), -0.8)); // heavy tail, mostly 1-5
                count = Math.min(count, 400);
                int inChannels = 1 + random.nextInt(3);
                long left = count;
                for (int k = 0; k < inChannels && left > 0; k++) {
                    int channel = random.nextInt(channels);
                    long here = k == inChannels - 1 ? left : 1 + random.nextInt((int) left);
                    left -= here;
                    int hour = 8 + random.nextInt(16);
                    batch.add(BucketKey.memberDay(GUILD, FIRST_CHANNEL + channel, memberId, day), Counter.MESSAGES, here);
                    perChannelHour[channel][hour] += here;
                    Instant at = day.plus(Duration.ofHours(hour));
                    if (!at.isBefore(memberHoursFrom) && !at.isAfter(now)) {
                        batch.add(BucketKey.memberHour(GUILD, FIRST_CHANNEL + channel, memberId, at), Counter.MESSAGES, here);
                        batch.add(BucketKey.memberHour(GUILD, BucketKey.ALL_CHANNELS, memberId, at), Counter.MESSAGES, here);
                    }
                }
                batch.add(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, memberId, day), Counter.MESSAGES, count);
                messages += count;
            }
            for (int c = 0; c < channels; c++) {
                for (int h = 0; h < 24; h++) {
                    if (perChannelHour[c][h] > 0) {
                        batch.add(BucketKey.channelHour(GUILD, FIRST_CHANNEL + c, day.plus(Duration.ofHours(h))), Counter.MESSAGES,
                                perChannelHour[c][h]);
                    }
                }
            }
            MetricBatch built = batch.build();
            for (var increment : built.increments()) {
                BucketKey key = increment.key();
                switch (key.kind()) {
                    case MEMBER_DAY -> {
                        if (key.channelId() == BucketKey.ALL_CHANNELS) {
                            memberDays++;
                        } else {
                            channelMemberDays++;
                        }
                    }
                    case MEMBER_HOUR -> memberHours++;
                    case CHANNEL_HOUR -> channelHours++;
                    default -> {
                    }
                }
            }
            store.apply(built);
        }
        return new Loaded(memberDays, channelMemberDays, channelHours, memberHours, messages,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * A member index: nine times in ten by Zipf's law (s = 1: the chance of rank r is proportional to 1/r,
     * sampled as floor((n+1)^u) - 1), else uniformly (the occasional lurker who says something).
     */
    private static int zipfMember(Random random, int members) {
        if (random.nextInt(10) == 0) {
            return random.nextInt(members);
        }
        int rank = (int) Math.floor(Math.pow(members + 1.0, random.nextDouble())) - 1;
        return Math.min(members - 1, Math.max(0, rank));
    }
}

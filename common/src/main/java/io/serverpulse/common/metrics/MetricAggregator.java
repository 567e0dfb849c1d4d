package io.serverpulse.common.metrics;

import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MemberLeft;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.MessageSentiment;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.ActivityEvent.VoiceJoined;
import io.serverpulse.common.metrics.ActivityEvent.VoiceTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Folds activity events into bucket increments in memory. Not thread-safe: the collector guards it.
 * Which buckets an event touches is defined here and only here, so the collector, the tests and
 * the emulator's ground truth agree by construction on what is counted where.
 *
 * <ul>
 *   <li>message: channel-hour, member-hour and member-day (both per channel and all channels)</li>
 *   <li>reaction: the same buckets as a message, plus emoji-day</li>
 *   <li>deletion: channel-hour (the author of a deleted message is unknown without a message cache)</li>
 *   <li>join, leave: guild-wide hour</li>
 *   <li>voice: joins and seconds in the voice channel's hours; the seconds also in the member's
 *       all-channel member-hour and member-day buckets (top voice members, active members)</li>
 *   <li>sentiment: channel-hour</li>
 *   <li>an event that could not be counted ({@link #addDropped}): guild-wide hour</li>
 * </ul>
 */
public final class MetricAggregator {

    private final Supplier<String> batchIds;
    private MetricBatch.Builder pending;
    private long eventsInPending;
    private long dropsInPending;

    public MetricAggregator() {
        this(() -> java.util.UUID.randomUUID().toString());
    }

    public MetricAggregator(Supplier<String> batchIds) {
        this.batchIds = batchIds;
        this.pending = MetricBatch.builder(batchIds.get());
    }

    public void add(ActivityEvent event) {
        if (event instanceof MessagePosted m) {
            memberActivity(m.guildId(), m.channelId(), m.memberId(), m.at(), Counter.MESSAGES);
        } else if (event instanceof ReactionAdded r) {
            memberActivity(r.guildId(), r.channelId(), r.memberId(), r.at(), Counter.REACTIONS);
            pending.add(BucketKey.emojiDay(r.guildId(), r.emoji(), r.at()), Counter.REACTIONS, 1);
        } else if (event instanceof MessagesDeleted d) {
            pending.add(BucketKey.channelHour(d.guildId(), d.channelId(), d.at()), Counter.DELETIONS, d.count());
        } else if (event instanceof MemberJoined j) {
            pending.add(BucketKey.channelHour(j.guildId(), BucketKey.GUILD_WIDE, j.at()), Counter.JOINS, 1);
        } else if (event instanceof MemberLeft l) {
            pending.add(BucketKey.channelHour(l.guildId(), BucketKey.GUILD_WIDE, l.at()), Counter.LEAVES, 1);
        } else if (event instanceof VoiceJoined v) {
            pending.add(BucketKey.channelHour(v.guildId(), v.channelId(), v.at()), Counter.VOICE_JOINS, 1);
        } else if (event instanceof VoiceTime v) {
            voiceTime(v);
        } else if (event instanceof MessageSentiment s) {
            pending.add(BucketKey.channelHour(s.guildId(), s.channelId(), s.at()), s.sentiment().counter(), 1);
        } else {
            throw new IllegalArgumentException("unknown event " + event.getClass().getSimpleName());
        }
        eventsInPending++;
    }

    private void memberActivity(long guildId, long channelId, long memberId, Instant at, Counter counter) {
        pending.add(BucketKey.channelHour(guildId, channelId, at), counter, 1);
        pending.add(BucketKey.memberHour(guildId, channelId, memberId, at), counter, 1);
        pending.add(BucketKey.memberHour(guildId, BucketKey.ALL_CHANNELS, memberId, at), counter, 1);
        pending.add(BucketKey.memberDay(guildId, channelId, memberId, at), counter, 1);
        pending.add(BucketKey.memberDay(guildId, BucketKey.ALL_CHANNELS, memberId, at), counter, 1);
    }

    private void voiceTime(VoiceTime v) {
        Instant cursor = v.from();
        while (cursor.isBefore(v.at())) {
            Instant hourEnd = cursor.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            Instant end = hourEnd.isBefore(v.at()) ? hourEnd : v.at();
            long seconds = Duration.between(cursor, end).toSeconds();
            if (seconds > 0) {
                pending.add(BucketKey.channelHour(v.guildId(), v.channelId(), cursor), Counter.VOICE_SECONDS, seconds);
                pending.add(BucketKey.memberHour(v.guildId(), BucketKey.ALL_CHANNELS, v.memberId(), cursor),
                        Counter.VOICE_SECONDS, seconds);
                pending.add(BucketKey.memberDay(v.guildId(), BucketKey.ALL_CHANNELS, v.memberId(), cursor),
                        Counter.VOICE_SECONDS, seconds);
            }
            cursor = end;
        }
    }

    /**
     * Notes an event that was not counted (the collector was overloaded): one more
     * {@link Counter#DROPPED_EVENTS} in the guild-wide {@link BucketKind#CHANNEL_HOUR} bucket of the
     * event's hour. The event's own buckets are not touched.
     */
    public void addDropped(ActivityEvent event) {
        pending.add(BucketKey.channelHour(event.guildId(), BucketKey.GUILD_WIDE, event.at()), Counter.DROPPED_EVENTS, 1);
        dropsInPending++;
    }

    /** Dropped events noted since the last {@link #drain()}. */
    public long pendingDrops() {
        return dropsInPending;
    }

    /** Events folded in since the last {@link #drain()}. */
    public long pendingEvents() {
        return eventsInPending;
    }

    /** Distinct buckets waiting to be written: what bounds the aggregator's memory. */
    public int pendingBuckets() {
        return pending.size();
    }

    /** Hands over everything aggregated so far as one batch with a fresh id, and starts empty. */
    public MetricBatch drain() {
        MetricBatch batch = pending.build();
        pending = MetricBatch.builder(batchIds.get());
        eventsInPending = 0;
        dropsInPending = 0;
        return batch;
    }
}

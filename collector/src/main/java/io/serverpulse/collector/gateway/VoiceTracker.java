package io.serverpulse.collector.gateway;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.VoiceJoined;
import io.serverpulse.common.metrics.ActivityEvent.VoiceTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who is in which voice channel since when, per guild: the only per-member state the collector
 * keeps, and it is bounded by the members in voice right now.
 *
 * <p>A stretch runs from a join or move to the next move or leave, and becomes one
 * {@link VoiceTime} when it ends. A stretch still open when a UTC hour ends is cut at the hour
 * boundary ({@link #cutAtHour}), so that long sessions are counted hour by hour; cutting exactly at
 * boundaries keeps the seconds per hour identical to counting the whole stretch at once (the
 * aggregator splits at the same boundaries and truncates each hour's part to whole seconds).
 * Thread-safe.
 */
public final class VoiceTracker {

    private record Stretch(long channelId, Instant since) {
    }

    private final Map<Long, Map<Long, Stretch>> guilds = new HashMap<>();

    /**
     * A member's voice channel is now {@code channelId} (null: left voice) as of {@code at}. Returns
     * the voice time of the stretch that ended and a {@link VoiceJoined} for a new channel; nothing
     * when the channel did not change.
     */
    public synchronized List<ActivityEvent> update(long guildId, long memberId, Long channelId, Instant at) {
        Map<Long, Stretch> members = guilds.computeIfAbsent(guildId, g -> new HashMap<>());
        Stretch current = members.get(memberId);
        if (current != null && Objects.equals(current.channelId(), channelId)) {
            return List.of();
        }
        List<ActivityEvent> out = new ArrayList<>(2);
        if (current != null) {
            members.remove(memberId);
            out.add(timeOf(guildId, memberId, current, at));
        }
        if (channelId != null) {
            members.put(memberId, new Stretch(channelId, at));
            out.add(new VoiceJoined(guildId, channelId, memberId, at));
        }
        if (members.isEmpty()) {
            guilds.remove(guildId);
        }
        return out;
    }

    /**
     * Drops a member's open stretch without counting it (they opted out): true if there was one.
     */
    public synchronized boolean forget(long guildId, long memberId) {
        Map<Long, Stretch> members = guilds.get(guildId);
        if (members == null || members.remove(memberId) == null) {
            return false;
        }
        if (members.isEmpty()) {
            guilds.remove(guildId);
        }
        return true;
    }

    /** A member found in voice when the guild became ready: timed from {@code at}, not counted as a join. */
    public synchronized void seed(long guildId, long memberId, long channelId, Instant at) {
        guilds.computeIfAbsent(guildId, g -> new HashMap<>()).putIfAbsent(memberId, new Stretch(channelId, at));
    }

    /** Members in voice in the guild. */
    public synchronized int inVoice(long guildId) {
        Map<Long, Stretch> members = guilds.get(guildId);
        return members == null ? 0 : members.size();
    }

    /** Members in voice in every guild. */
    public synchronized int inVoice() {
        return guilds.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Cuts every stretch begun before the current UTC hour at the start of that hour: the voice
     * time up to the boundary, and the stretch goes on from it.
     */
    public synchronized List<ActivityEvent> cutAtHour(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        List<ActivityEvent> out = new ArrayList<>();
        guilds.forEach((guildId, members) -> members.replaceAll((memberId, stretch) -> {
            if (!stretch.since().isBefore(hour)) {
                return stretch;
            }
            out.add(new VoiceTime(guildId, stretch.channelId(), memberId, stretch.since(), hour));
            return new Stretch(stretch.channelId(), hour);
        }));
        return out;
    }

    /** Ends the stretches of one guild (the bot left it) at {@code at}. */
    public synchronized List<ActivityEvent> closeGuild(long guildId, Instant at) {
        Map<Long, Stretch> members = guilds.remove(guildId);
        List<ActivityEvent> out = new ArrayList<>();
        if (members != null) {
            members.forEach((memberId, stretch) -> out.add(timeOf(guildId, memberId, stretch, at)));
        }
        return out;
    }

    /** Ends every stretch at {@code at} (shutdown); afterwards nobody is in voice. */
    public synchronized List<ActivityEvent> closeAll(Instant at) {
        List<ActivityEvent> out = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Map<Long, Stretch>>> it = guilds.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Map<Long, Stretch>> guild = it.next();
            guild.getValue().forEach((memberId, stretch) -> out.add(timeOf(guild.getKey(), memberId, stretch, at)));
            it.remove();
        }
        return out;
    }

    /** Time never runs backwards inside a stretch: an end read just before a cut counts as the cut. */
    private static VoiceTime timeOf(long guildId, long memberId, Stretch stretch, Instant at) {
        Instant end = at.isBefore(stretch.since()) ? stretch.since() : at;
        return new VoiceTime(guildId, stretch.channelId(), memberId, stretch.since(), end);
    }
}

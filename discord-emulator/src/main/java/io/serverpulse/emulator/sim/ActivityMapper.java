package io.serverpulse.emulator.sim;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MemberLeft;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.ActivityEvent.VoiceJoined;
import io.serverpulse.common.metrics.ActivityEvent.VoiceTime;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberRemove;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageCreate;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDelete;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDeleteBulk;
import io.serverpulse.emulator.timeline.TimelineEvent.ReactionAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.VoiceStateUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns timeline events into the metadata-only {@link ActivityEvent}s the collector hands to the
 * aggregator, the way the collector does it: only collected channels for messages, reactions and
 * deletions; bots' messages and reactions dropped unless counted; voice tracked per member, one
 * {@link VoiceJoined} per join or move and one {@link VoiceTime} per stretch in a channel (from a
 * join or move to the next move or leave). Message text never crosses over. Not thread-safe.
 */
public final class ActivityMapper {

    private final Set<Long> collectedChannels;
    private final boolean countBots;
    private final Set<Long> bots;
    private final Map<Member, Stretch> inVoice = new LinkedHashMap<>();

    public ActivityMapper(Set<Long> collectedChannels, boolean countBots, Set<Long> botIds) {
        this.collectedChannels = Set.copyOf(collectedChannels);
        this.countBots = countBots;
        this.bots = Set.copyOf(botIds);
    }

    /** A mapper that knows the bots of these communities and of the timeline's joins and messages. */
    public static ActivityMapper of(List<Community> communities, List<TimelineEvent> events, Set<Long> collectedChannels,
                                    boolean countBots) {
        return new ActivityMapper(collectedChannels, countBots, Bots.ids(communities, events));
    }

    /** Maps a whole simulation, closing the voice sessions still open at its end. */
    public static List<ActivityEvent> mapAll(SimulatedCommunity simulation, boolean countBots) {
        ActivityMapper mapper = of(simulation.communities(), simulation.events(), simulation.collectedChannelIds(), countBots);
        List<ActivityEvent> out = new ArrayList<>(simulation.events().size());
        simulation.events().forEach(e -> out.addAll(mapper.map(e)));
        out.addAll(mapper.closeOpenSessions(simulation.end()));
        return out;
    }

    /** The activity events for one timeline event (none, one, or two for a voice move). */
    public List<ActivityEvent> map(TimelineEvent event) {
        if (event instanceof MessageCreate m) {
            return collected(m.channelId()) && (countBots || !m.bot())
                    ? List.of(new MessagePosted(m.guildId(), m.channelId(), m.authorId(), m.at())) : List.of();
        }
        if (event instanceof ReactionAdd r) {
            return collected(r.channelId()) && (countBots || !bots.contains(r.userId()))
                    ? List.of(new ReactionAdded(r.guildId(), r.channelId(), r.userId(), r.emoji(), r.at())) : List.of();
        }
        if (event instanceof MessageDelete d) {
            return collected(d.channelId()) ? List.of(new MessagesDeleted(d.guildId(), d.channelId(), 1, d.at())) : List.of();
        }
        if (event instanceof MessageDeleteBulk b) {
            return collected(b.channelId()) && !b.messageIds().isEmpty()
                    ? List.of(new MessagesDeleted(b.guildId(), b.channelId(), b.messageIds().size(), b.at())) : List.of();
        }
        if (event instanceof MemberAdd j) {
            return List.of(new MemberJoined(j.guildId(), j.userId(), j.at()));
        }
        if (event instanceof MemberRemove l) {
            return List.of(new MemberLeft(l.guildId(), l.userId(), l.at()));
        }
        if (event instanceof VoiceStateUpdate v) {
            return voice(v);
        }
        throw new IllegalArgumentException("unknown event " + event.getClass().getSimpleName());
    }

    /** Voice time of every session still open, up to {@code at}; afterwards nobody is in voice. */
    public List<ActivityEvent> closeOpenSessions(Instant at) {
        List<ActivityEvent> out = new ArrayList<>();
        inVoice.forEach((member, stretch) -> {
            if (!at.isBefore(stretch.since())) {
                out.add(new VoiceTime(member.guildId(), stretch.channelId(), member.userId(), stretch.since(), at));
            }
        });
        inVoice.clear();
        return out;
    }

    private List<ActivityEvent> voice(VoiceStateUpdate v) {
        Member member = new Member(v.guildId(), v.userId());
        Stretch current = inVoice.get(member);
        if (current != null && Objects.equals(current.channelId(), v.channelId())) {
            return List.of();
        }
        List<ActivityEvent> out = new ArrayList<>(2);
        if (current != null) {
            inVoice.remove(member);
            out.add(new VoiceTime(v.guildId(), current.channelId(), v.userId(), current.since(), v.at()));
        }
        if (v.channelId() != null) {
            inVoice.put(member, new Stretch(v.channelId(), v.at()));
            out.add(new VoiceJoined(v.guildId(), v.channelId(), v.userId(), v.at()));
        }
        return out;
    }

    private boolean collected(long channelId) {
        return collectedChannels.contains(channelId);
    }

    private record Member(long guildId, long userId) {
    }

    private record Stretch(long channelId, Instant since) {
    }
}

package io.serverpulse.emulator.sim;

import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.model.ChannelType;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays a simulated timeline against an independent model of Discord and lists everything that
 * could not have happened: events out of order or outside the timeline, ids that do not match their
 * time, deletes or reactions of messages that do not exist (or not in that channel), members who
 * leave without being there, voice changes that do not fit the member's state.
 */
final class TimelineInvariants {

    private TimelineInvariants() {
    }

    static List<String> violations(SimulatedCommunity sim) {
        List<String> problems = new ArrayList<>();
        Map<Long, Long> messageChannel = new HashMap<>();
        Set<Long> deleted = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        Map<Long, Set<Long>> present = new HashMap<>();
        Map<Long, Set<Long>> textChannels = new HashMap<>();
        Map<Long, Set<Long>> voiceChannels = new HashMap<>();
        Map<String, Long> voiceOf = new HashMap<>();
        Set<String> reactions = new HashSet<>();
        Set<String> corpus = new HashSet<>(MessageCorpus.standard().allTexts());
        for (Community c : sim.communities()) {
            Set<Long> members = new HashSet<>();
            c.members().forEach(m -> members.add(m.userId()));
            present.put(c.guildId(), members);
            textChannels.put(c.guildId(), new HashSet<>());
            voiceChannels.put(c.guildId(), new HashSet<>());
            for (Community.Channel ch : c.channels()) {
                (ch.type() == ChannelType.GUILD_VOICE ? voiceChannels : textChannels).get(c.guildId()).add(ch.id());
            }
            ids.add(c.guildId());
        }
        Instant previous = null;
        int index = 0;
        for (TimelineEvent e : sim.events()) {
            String where = "event " + index++ + " " + e + ": ";
            if (previous != null && !e.at().isAfter(previous)) {
                problems.add(where + "not strictly after the previous event " + previous);
            }
            if (e.at().isBefore(sim.start()) || !e.at().isBefore(sim.end())) {
                problems.add(where + "outside [" + sim.start() + ", " + sim.end() + ")");
            }
            previous = e.at();
            Set<Long> members = present.get(e.guildId());
            if (members == null) {
                problems.add(where + "unknown guild");
                continue;
            }
            if (e instanceof MessageCreate m) {
                if (!Snowflake.timestamp(m.messageId()).equals(m.at())) {
                    problems.add(where + "message id is not a snowflake of its time");
                }
                if (!ids.add(m.messageId())) {
                    problems.add(where + "message id reused");
                }
                if (!members.contains(m.authorId())) {
                    problems.add(where + "author not in the guild");
                }
                if (!textChannels.get(e.guildId()).contains(m.channelId())) {
                    problems.add(where + "not a text channel of the guild");
                }
                if (!corpus.contains(m.content())) {
                    problems.add(where + "text not from the corpus");
                }
                messageChannel.put(m.messageId(), m.channelId());
            } else if (e instanceof MessageDelete d) {
                checkDeletable(problems, where, d.messageId(), d.channelId(), messageChannel, deleted);
            } else if (e instanceof MessageDeleteBulk b) {
                if (b.messageIds().size() < 2 || b.messageIds().size() > 100) {
                    problems.add(where + "bulk delete of " + b.messageIds().size() + " (Discord: 2..100)");
                }
                b.messageIds().forEach(id -> checkDeletable(problems, where, id, b.channelId(), messageChannel, deleted));
            } else if (e instanceof ReactionAdd r) {
                Long channel = messageChannel.get(r.messageId());
                if (channel == null || channel != r.channelId() || deleted.contains(r.messageId())) {
                    problems.add(where + "reaction to a message that does not exist in that channel");
                }
                if (!members.contains(r.userId())) {
                    problems.add(where + "reacting user not in the guild");
                }
                if (!reactions.add(r.messageId() + ":" + r.userId() + ":" + r.emoji())) {
                    problems.add(where + "same reaction twice");
                }
            } else if (e instanceof MemberAdd a) {
                if (!members.add(a.userId())) {
                    problems.add(where + "joins but is already in the guild");
                }
                if (!Snowflake.timestamp(a.userId()).isBefore(a.at())) {
                    problems.add(where + "account created after joining");
                }
            } else if (e instanceof MemberRemove l) {
                if (!members.remove(l.userId())) {
                    problems.add(where + "leaves but is not in the guild");
                }
                if (voiceOf.containsKey(e.guildId() + ":" + l.userId())) {
                    problems.add(where + "leaves the guild while in voice");
                }
            } else if (e instanceof VoiceStateUpdate v) {
                String key = v.guildId() + ":" + v.userId();
                Long current = voiceOf.get(key);
                if (!members.contains(v.userId())) {
                    problems.add(where + "voice change of someone not in the guild");
                }
                if (v.channelId() == null) {
                    if (current == null) {
                        problems.add(where + "leaves voice without being in it");
                    }
                    voiceOf.remove(key);
                } else {
                    if (!voiceChannels.get(e.guildId()).contains(v.channelId())) {
                        problems.add(where + "not a voice channel of the guild");
                    }
                    if (v.channelId().equals(current)) {
                        problems.add(where + "moves to the channel it is in");
                    }
                    voiceOf.put(key, v.channelId());
                }
            }
        }
        if (!voiceOf.isEmpty()) {
            problems.add("voice sessions still open at the end: " + voiceOf);
        }
        return problems;
    }

    private static void checkDeletable(List<String> problems, String where, long messageId, long channelId,
                                       Map<Long, Long> messageChannel, Set<Long> deleted) {
        Long channel = messageChannel.get(messageId);
        if (channel == null || channel != channelId) {
            problems.add(where + "deletes message " + messageId + " that was never posted in that channel");
        } else if (!deleted.add(messageId)) {
            problems.add(where + "deletes message " + messageId + " twice");
        }
    }
}

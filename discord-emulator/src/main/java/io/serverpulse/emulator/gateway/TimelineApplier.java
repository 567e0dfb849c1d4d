package io.serverpulse.emulator.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.GuildState;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MemberRecord;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.emulator.state.UserRecord;
import io.serverpulse.emulator.timeline.TimelineEvent;

/**
 * Applies one timeline event to the emulator's state and dispatches what Discord would send for
 * it. Timestamps are the event's simulated time; message ids are the timeline's (snowflakes of
 * that time), so a client's "time created" is simulated time.
 */
public final class TimelineApplier {

    private final EmulatorState state;
    private final GatewayHub hub;

    public TimelineApplier(EmulatorState state, GatewayHub hub) {
        this.state = state;
        this.hub = hub;
    }

    /**
     * @throws IllegalArgumentException if the event names a guild or channel the emulator does not serve
     */
    public void apply(TimelineEvent event) {
        state.locked(() -> {
            state.clock().set(event.at());
            GuildState guild = state.guild(event.guildId())
                    .orElseThrow(() -> new IllegalArgumentException("timeline event for unknown guild " + event.guildId()));
            if (event instanceof TimelineEvent.MessageCreate e) {
                messageCreate(guild, e);
            } else if (event instanceof TimelineEvent.MessageDelete e) {
                requireChannel(guild, e.channelId());
                state.removeMessage(e.messageId());
                ObjectNode d = Json.object();
                d.put("id", Json.id(e.messageId()));
                d.put("channel_id", Json.id(e.channelId()));
                d.put("guild_id", Json.id(guild.id()));
                hub.dispatchGuild(guild.id(), "MESSAGE_DELETE", d);
            } else if (event instanceof TimelineEvent.MessageDeleteBulk e) {
                requireChannel(guild, e.channelId());
                ObjectNode d = Json.object();
                ArrayNode ids = d.putArray("ids");
                for (Long id : e.messageIds()) {
                    state.removeMessage(id);
                    ids.add(Json.id(id));
                }
                d.put("channel_id", Json.id(e.channelId()));
                d.put("guild_id", Json.id(guild.id()));
                hub.dispatchGuild(guild.id(), "MESSAGE_DELETE_BULK", d);
            } else if (event instanceof TimelineEvent.ReactionAdd e) {
                reactionAdd(guild, e);
            } else if (event instanceof TimelineEvent.MemberAdd e) {
                MemberRecord member = state.addMember(guild.id(), new UserRecord(e.userId(), e.username(), e.bot()), e.at());
                ObjectNode d = state.payloads().member(guild, member, true);
                d.put("guild_id", Json.id(guild.id()));
                hub.dispatchGuild(guild.id(), "GUILD_MEMBER_ADD", d);
            } else if (event instanceof TimelineEvent.MemberRemove e) {
                state.removeMember(guild.id(), e.userId());
                ObjectNode d = Json.object();
                d.put("guild_id", Json.id(guild.id()));
                d.set("user", state.payloads().user(state.user(e.userId())));
                hub.dispatchGuild(guild.id(), "GUILD_MEMBER_REMOVE", d);
            } else if (event instanceof TimelineEvent.VoiceStateUpdate e) {
                if (e.channelId() != null && !requireChannel(guild, e.channelId()).isVoice()) {
                    throw new IllegalArgumentException("channel " + e.channelId() + " is not a voice channel");
                }
                String sessionId = state.setVoice(guild.id(), e.userId(), e.channelId());
                hub.dispatchGuild(guild.id(), "VOICE_STATE_UPDATE",
                        state.payloads().voiceState(guild, e.userId(), e.channelId(), sessionId, true));
            } else {
                throw new IllegalArgumentException("unsupported timeline event " + event.getClass().getSimpleName());
            }
        });
    }

    private void messageCreate(GuildState guild, TimelineEvent.MessageCreate e) {
        ChannelRecord channel = requireChannel(guild, e.channelId());
        if (!channel.acceptsMessages()) {
            throw new IllegalArgumentException("channel " + e.channelId() + " does not take messages");
        }
        state.rememberUser(e.authorId(), e.bot());
        StoredMessage message = StoredMessage.fromTimeline(e.messageId(), guild.id(), e.channelId(), e.authorId(), e.content(), e.at());
        state.putMessage(message);
        ObjectNode full = state.payloads().messageDispatch(message, true);
        long botId = state.application().botUserId();
        boolean mentionsBot = e.content().contains("<@" + botId + ">") || e.content().contains("<@!" + botId + ">");
        ObjectNode redacted = mentionsBot ? null : state.payloads().messageDispatch(message, false);
        hub.dispatchGuildContent(guild.id(), "MESSAGE_CREATE", full, redacted);
    }

    private void reactionAdd(GuildState guild, TimelineEvent.ReactionAdd e) {
        requireChannel(guild, e.channelId());
        ObjectNode d = Json.object();
        d.put("user_id", Json.id(e.userId()));
        d.put("channel_id", Json.id(e.channelId()));
        d.put("message_id", Json.id(e.messageId()));
        d.put("guild_id", Json.id(guild.id()));
        guild.member(e.userId()).ifPresent(m -> d.set("member", state.payloads().member(guild, m, true)));
        d.set("emoji", io.serverpulse.emulator.state.Payloads.reactionEmoji(e.emoji()));
        state.message(e.messageId()).ifPresent(m -> d.put("message_author_id", Json.id(m.authorId())));
        d.put("burst", false);
        d.putArray("burst_colors");
        d.put("type", 0);
        hub.dispatchGuild(guild.id(), "MESSAGE_REACTION_ADD", d);
    }

    private ChannelRecord requireChannel(GuildState guild, long channelId) {
        return guild.channel(channelId).orElseThrow(
                () -> new IllegalArgumentException("timeline event for unknown channel " + channelId + " of guild " + guild.id()));
    }
}

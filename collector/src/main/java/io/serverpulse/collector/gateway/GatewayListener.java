package io.serverpulse.collector.gateway;

import io.serverpulse.collector.settings.SettingsCache;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.entities.emoji.EmojiUnion;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.guild.voice.GuildVoiceUpdateEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * The thin JDA side of collection: reads ids, bot flags, emoji and a timestamp from each gateway
 * event and calls the {@link ActivityRecorder}. A message's content is handed over only as a
 * supplier, which the recorder calls just to score sentiment in memory for an opted-in guild when
 * the operator enabled the MESSAGE_CONTENT intent (without it, Discord sends no text at all).
 * Direct messages are ignored.
 *
 * <p>Timestamps: a message's creation time from its snowflake id and a join's {@code joined_at}
 * (exact, also when events are replayed after a RESUME); every other event carries no time in
 * Discord's payload and is timed by {@code clock} on receipt.
 */
public final class GatewayListener extends ListenerAdapter {

    private final ActivityRecorder recorder;
    private final SettingsCache settings;
    private final Clock clock;
    private volatile boolean stopped;

    public GatewayListener(ActivityRecorder recorder, SettingsCache settings, Clock clock) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (stopped) {
            return;
        }
        if (!event.isFromGuild()) {
            return;
        }
        Message message = event.getMessage();
        User author = event.getAuthor();
        if (message.getType().isSystem() || author.getIdLong() == event.getJDA().getSelfUser().getIdLong()) {
            return;
        }
        recorder.message(event.getGuild().getIdLong(), event.getChannel().getIdLong(), author.getIdLong(),
                author.isBot() || event.isWebhookMessage(), message.getTimeCreated().toInstant(), message::getContentRaw);
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        if (stopped) {
            return;
        }
        if (!event.isFromGuild() || event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()) {
            return;
        }
        recorder.reaction(event.getGuild().getIdLong(), event.getChannel().getIdLong(), event.getUserIdLong(),
                isBot(event.getMember(), event.getUser()), emoji(event.getEmoji()), now());
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        if (stopped) {
            return;
        }
        if (event.isFromGuild()) {
            recorder.deleted(event.getGuild().getIdLong(), event.getChannel().getIdLong(), 1, now());
        }
    }

    @Override
    public void onMessageBulkDelete(MessageBulkDeleteEvent event) {
        if (stopped) {
            return;
        }
        recorder.deleted(event.getGuild().getIdLong(), event.getChannel().getIdLong(), event.getMessageIds().size(), now());
    }

    @Override
    public void onGuildMemberJoin(GuildMemberJoinEvent event) {
        if (stopped) {
            return;
        }
        Member member = event.getMember();
        Instant at = member.hasTimeJoined() ? member.getTimeJoined().toInstant() : now();
        recorder.joined(event.getGuild().getIdLong(), member.getIdLong(), at);
    }

    @Override
    public void onGuildMemberRemove(GuildMemberRemoveEvent event) {
        if (stopped) {
            return;
        }
        recorder.left(event.getGuild().getIdLong(), event.getUser().getIdLong(), now());
    }

    @Override
    public void onGuildVoiceUpdate(GuildVoiceUpdateEvent event) {
        if (stopped) {
            return;
        }
        AudioChannel joined = event.getChannelJoined();
        recorder.voice(event.getGuild().getIdLong(), event.getMember().getIdLong(),
                joined == null ? null : joined.getIdLong(), now());
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        if (stopped) {
            return;
        }
        long guildId = event.getGuild().getIdLong();
        settings.preload(guildId);
        recorder.guildReady(guildId);
        Instant at = now();
        event.getGuild().getVoiceStates().forEach(state -> {
            AudioChannel channel = state.getChannel();
            if (channel != null) {
                recorder.alreadyInVoice(guildId, state.getMember().getIdLong(), channel.getIdLong(), at);
            }
        });
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        if (stopped) {
            return;
        }
        settings.preload(event.getGuild().getIdLong());
        recorder.guildReady(event.getGuild().getIdLong());
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        if (stopped) {
            return;
        }
        long guildId = event.getGuild().getIdLong();
        recorder.guildGone(guildId, now());
        settings.evict(guildId);
    }

    /**
     * Stops counting: events handled after this are ignored (the shutdown path calls it before the
     * final flush, so that nothing is recorded into a flusher that is closing).
     */
    public void stop() {
        stopped = true;
    }

    private Instant now() {
        return clock.instant();
    }

    private static boolean isBot(Member member, User user) {
        if (member != null) {
            return member.getUser().isBot();
        }
        return user != null && user.isBot();
    }

    /** A unicode emoji as itself; a custom one as {@code name:id}, as timelines and the emoji buckets write it. */
    static String emoji(EmojiUnion emoji) {
        if (emoji.getType() == Emoji.Type.CUSTOM) {
            return emoji.getName() + ":" + emoji.asCustom().getId();
        }
        return emoji.getName();
    }
}

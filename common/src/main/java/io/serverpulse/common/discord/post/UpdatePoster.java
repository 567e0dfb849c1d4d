package io.serverpulse.common.discord.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import io.serverpulse.common.settings.GuildSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The one way ServerPulse posts into a guild's update channel, in both modes (alerts; digests): over
 * {@link DiscordRest}, which waits out rate limits per bucket, so a wait on one channel holds up
 * only the thread posting there. The channel is resolved by {@link UpdateChannels} (the saved one,
 * else {@code #serverpulse-updates}, found or created and saved). A {@link ChannelPost} is
 * identified by its footer:
 * <ul>
 *   <li>{@link #postOnce} posts it unless the bot's message with that footer is already there (a
 *       repeated delivery posts nothing);</li>
 *   <li>{@link #postOrEdit} edits that message to the post's new content, or posts it if it is not
 *       found;</li>
 *   <li>{@link #find} finds it: among the channel's last {@value #HISTORY} messages, the bot's own
 *       one with an embed whose footer is that text.</li>
 * </ul>
 * The messages this poster posted or edited are remembered (the last {@value #REMEMBERED}), so an
 * edit needs no search, even when more than {@value #HISTORY} messages followed; one that was
 * deleted meanwhile is searched for as if unknown. Thread-safe.
 */
public final class UpdatePoster {

    /** How far back the update channel is searched for a message (Discord's page size). */
    public static final int HISTORY = 100;
    /** The name of the channel created for a guild that has none. */
    public static final String DEFAULT_CHANNEL = UpdateChannels.DEFAULT_NAME;
    static final int REMEMBERED = 1024;

    private record MessageRef(long channelId, long messageId) {
    }

    private final DiscordCalls discord;
    private final UpdateChannels channels;
    private final Map<String, MessageRef> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MessageRef> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile String selfId;

    public UpdatePoster(DiscordRest rest, UpdateChannelStore store) {
        this.discord = new DiscordCalls(Objects.requireNonNull(rest, "rest"));
        this.channels = new UpdateChannels(discord, store);
    }

    /** The guild's update channel, found or created (and saved); empty if the bot may not create one. */
    public OptionalLong updateChannel(GuildSettings guild) {
        return channels.resolve(guild);
    }

    /**
     * Posts unless the bot's message with the post's footer is already in the update channel.
     *
     * @throws PostFailure if Discord refused a step or could not be reached
     */
    public Posted postOnce(GuildSettings guild, ChannelPost post) {
        MessageRef known = recall(post.footer());
        if (known != null) {
            return new Posted(Posted.Outcome.ALREADY_POSTED, known.channelId(), known.messageId());
        }
        OptionalLong channel = channels.resolve(guild);
        if (channel.isEmpty()) {
            return Posted.noChannel();
        }
        long channelId = channel.getAsLong();
        OptionalLong existing = find(channelId, post.footer());
        if (existing.isPresent()) {
            remember(post.footer(), channelId, existing.getAsLong());
            return new Posted(Posted.Outcome.ALREADY_POSTED, channelId, existing.getAsLong());
        }
        return post(channelId, post);
    }

    /**
     * Edits the bot's message with the post's footer to the post's content, or posts it if that
     * message is not found.
     *
     * @throws PostFailure if Discord refused a step or could not be reached
     */
    public Posted postOrEdit(GuildSettings guild, ChannelPost post) {
        MessageRef known = recall(post.footer());
        if (known != null) {
            RestResult result = edit(known.channelId(), known.messageId(), post);
            if (result.status() != 404) {
                DiscordCalls.expectOk(result, "edit message " + Long.toUnsignedString(known.messageId()));
                return new Posted(Posted.Outcome.EDITED, known.channelId(), known.messageId());
            }
            forget(post.footer());
        }
        OptionalLong channel = channels.resolve(guild);
        if (channel.isEmpty()) {
            return Posted.noChannel();
        }
        long channelId = channel.getAsLong();
        OptionalLong existing = find(channelId, post.footer());
        if (existing.isEmpty()) {
            return post(channelId, post);
        }
        long messageId = existing.getAsLong();
        DiscordCalls.expectOk(edit(channelId, messageId, post), "edit message " + Long.toUnsignedString(messageId));
        remember(post.footer(), channelId, messageId);
        return new Posted(Posted.Outcome.EDITED, channelId, messageId);
    }

    /**
     * The bot's own message in the channel with an embed whose footer is {@code footer}, among the
     * channel's last {@value #HISTORY} messages.
     *
     * @throws PostFailure if Discord refused or could not be reached
     */
    public OptionalLong find(long channelId, String footer) {
        String self = selfId();
        JsonNode messages = discord.get(Routes.CHANNEL_MESSAGES.compile(channelId).query("limit", HISTORY),
                "read channel " + Long.toUnsignedString(channelId));
        for (JsonNode message : messages) {
            if (!self.equals(message.path("author").path("id").asText())) {
                continue;
            }
            for (JsonNode embed : message.path("embeds")) {
                if (footer.equals(embed.path("footer").path("text").asText())) {
                    return OptionalLong.of(Long.parseUnsignedLong(message.path("id").asText()));
                }
            }
        }
        return OptionalLong.empty();
    }

    private Posted post(long channelId, ChannelPost post) {
        String json = DiscordJson.write(post.toJson());
        JsonNode message = discord.send(RestCall.message(Routes.MESSAGE_CREATE.compile(channelId), json, post.files()),
                "post in channel " + Long.toUnsignedString(channelId));
        long messageId = Long.parseUnsignedLong(message.path("id").asText("0"));
        remember(post.footer(), channelId, messageId);
        return new Posted(Posted.Outcome.POSTED, channelId, messageId);
    }

    private RestResult edit(long channelId, long messageId, ChannelPost post) {
        String json = DiscordJson.write(post.toJson());
        return discord.call(RestCall.message(Routes.MESSAGE_EDIT.compile(channelId, messageId), json, post.files()),
                "edit message " + Long.toUnsignedString(messageId));
    }

    /** The bot's own user id, asked once. */
    private String selfId() {
        String id = selfId;
        if (id == null) {
            id = discord.get(Routes.CURRENT_USER.compile(), "read the bot user").path("id").asText();
            selfId = id;
        }
        return id;
    }

    private MessageRef recall(String footer) {
        synchronized (remembered) {
            return remembered.get(footer);
        }
    }

    private void remember(String footer, long channelId, long messageId) {
        synchronized (remembered) {
            remembered.put(footer, new MessageRef(channelId, messageId));
        }
    }

    private void forget(String footer) {
        synchronized (remembered) {
            remembered.remove(footer);
        }
    }
}

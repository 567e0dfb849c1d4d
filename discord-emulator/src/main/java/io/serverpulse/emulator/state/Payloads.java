package io.serverpulse.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.model.Community;

import java.util.function.Predicate;

/**
 * Discord's object shapes (API v10) built from the emulator's state: users, members, roles,
 * channels, emojis, voice states, guilds and messages, with every field a client such as JDA
 * requires. Callers hold {@link EmulatorState}'s lock.
 */
public final class Payloads {

    private final EmulatorState state;

    Payloads(EmulatorState state) {
        this.state = state;
    }

    public ObjectNode user(UserRecord user) {
        ObjectNode json = Json.object();
        json.put("id", Json.id(user.id()));
        json.put("username", user.username());
        json.put("discriminator", "0");
        json.put("global_name", user.username());
        json.putNull("avatar");
        json.put("bot", user.bot());
        json.put("system", false);
        json.put("public_flags", 0);
        json.put("flags", 0);
        json.putNull("banner");
        json.putNull("accent_color");
        json.putNull("primary_guild");
        return json;
    }

    /** The bot user as READY and GET /users/@me describe it. */
    public ObjectNode selfUser() {
        Application app = state.application();
        ObjectNode json = user(new UserRecord(app.botUserId(), app.botName(), true));
        json.put("verified", true);
        json.put("mfa_enabled", false);
        json.putNull("email");
        json.put("locale", "en-US");
        return json;
    }

    public ObjectNode member(GuildState guild, MemberRecord member, boolean withUser) {
        ObjectNode json = Json.object();
        if (withUser) {
            json.set("user", user(state.user(member.userId())));
        }
        json.putNull("nick");
        json.putNull("avatar");
        json.putNull("banner");
        ArrayNode roles = json.putArray("roles");
        member.roleIds().forEach(r -> roles.add(Json.id(r)));
        json.put("joined_at", Json.time(member.joinedAt()));
        json.putNull("premium_since");
        json.put("deaf", false);
        json.put("mute", false);
        json.put("flags", 0);
        json.put("pending", false);
        json.putNull("communication_disabled_until");
        return json;
    }

    public ObjectNode role(RoleRecord role) {
        ObjectNode json = Json.object();
        json.put("id", Json.id(role.id()));
        json.put("name", role.name());
        json.put("color", 0);
        ObjectNode colors = json.putObject("colors");
        colors.put("primary_color", 0);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        json.put("hoist", false);
        json.putNull("icon");
        json.putNull("unicode_emoji");
        json.put("position", role.position());
        json.put("permissions", Long.toString(role.permissions()));
        json.put("managed", role.managed());
        json.put("mentionable", false);
        json.put("flags", 0);
        if (role.botId() != null) {
            json.putObject("tags").put("bot_id", Json.id(role.botId()));
        }
        return json;
    }

    public ObjectNode channel(ChannelRecord channel) {
        ObjectNode json = Json.object();
        json.put("id", Json.id(channel.id()));
        json.put("type", channel.type());
        json.put("guild_id", Json.id(channel.guildId()));
        json.put("name", channel.name());
        json.put("position", channel.position());
        json.putArray("permission_overwrites");
        if (channel.parentId() == null) {
            json.putNull("parent_id");
        } else {
            json.put("parent_id", Json.id(channel.parentId()));
        }
        json.put("nsfw", false);
        json.put("flags", 0);
        if (channel.type() != ChannelRecord.GUILD_CATEGORY) {
            json.putNull("last_message_id");
            json.put("rate_limit_per_user", 0);
        }
        if (channel.type() == ChannelRecord.GUILD_TEXT || channel.type() == ChannelRecord.GUILD_ANNOUNCEMENT) {
            if (channel.topic() == null) {
                json.putNull("topic");
            } else {
                json.put("topic", channel.topic());
            }
        }
        if (channel.isVoice()) {
            json.put("bitrate", 64000);
            json.put("user_limit", 0);
            json.putNull("rtc_region");
        }
        return json;
    }

    public ObjectNode emoji(Community.Emoji emoji) {
        ObjectNode json = Json.object();
        json.put("id", Json.id(emoji.id()));
        json.put("name", emoji.name());
        json.putArray("roles");
        json.put("require_colons", true);
        json.put("managed", false);
        json.put("animated", false);
        json.put("available", true);
        return json;
    }

    /** The partial emoji of a reaction: a unicode emoji, or {@code name:id} for a custom one. */
    public static ObjectNode reactionEmoji(String emoji) {
        ObjectNode json = Json.object();
        int colon = emoji.lastIndexOf(':');
        if (colon > 0 && colon < emoji.length() - 1 && emoji.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            json.put("id", emoji.substring(colon + 1));
            json.put("name", emoji.substring(0, colon));
            json.put("animated", false);
        } else {
            json.putNull("id");
            json.put("name", emoji);
        }
        return json;
    }

    /** A voice state; {@code channelId} null means the user left voice. */
    public ObjectNode voiceState(GuildState guild, long userId, Long channelId, String sessionId, boolean withGuildAndMember) {
        ObjectNode json = Json.object();
        if (withGuildAndMember) {
            json.put("guild_id", Json.id(guild.id()));
        }
        if (channelId == null) {
            json.putNull("channel_id");
        } else {
            json.put("channel_id", Json.id(channelId));
        }
        json.put("user_id", Json.id(userId));
        if (withGuildAndMember) {
            MemberRecord member = guild.member(userId).orElse(new MemberRecord(userId, guild.joinedAt(), java.util.List.of()));
            json.set("member", member(guild, member, true));
        }
        json.put("session_id", sessionId);
        json.put("deaf", false);
        json.put("mute", false);
        json.put("self_deaf", false);
        json.put("self_mute", false);
        json.put("self_stream", false);
        json.put("self_video", false);
        json.put("suppress", false);
        json.putNull("request_to_speak_timestamp");
        return json;
    }

    /** The guild object of GET /guilds/{id} (no members, channels or voice states). */
    public ObjectNode guild(GuildState guild) {
        ObjectNode json = Json.object();
        json.put("id", Json.id(guild.id()));
        json.put("name", guild.name());
        json.putNull("icon");
        json.putNull("icon_hash");
        json.putNull("home_header");
        json.putNull("splash");
        json.putNull("discovery_splash");
        json.put("owner_id", Json.id(guild.ownerId()));
        json.putNull("afk_channel_id");
        json.put("afk_timeout", 300);
        json.put("widget_enabled", false);
        json.putNull("widget_channel_id");
        json.put("region", "deprecated");
        json.put("verification_level", 0);
        json.put("default_message_notifications", 0);
        json.put("explicit_content_filter", 0);
        ArrayNode roles = json.putArray("roles");
        guild.roles().forEach(r -> roles.add(role(r)));
        ArrayNode emojis = json.putArray("emojis");
        guild.emojis().forEach(e -> emojis.add(emoji(e)));
        json.putArray("features");
        json.put("mfa_level", 0);
        json.putNull("application_id");
        json.putNull("system_channel_id");
        json.put("system_channel_flags", 0);
        json.putNull("rules_channel_id");
        json.putNull("max_presences");
        json.put("max_members", 500000);
        json.put("max_video_channel_users", 25);
        json.put("max_stage_video_channel_users", 50);
        json.putNull("vanity_url_code");
        json.putNull("description");
        json.putNull("banner");
        json.put("premium_tier", 0);
        json.put("premium_subscription_count", 0);
        json.put("preferred_locale", "en-US");
        json.putNull("public_updates_channel_id");
        json.put("nsfw", false);
        json.put("nsfw_level", 0);
        json.putNull("incidents_data");
        json.putArray("stickers");
        json.put("premium_progress_bar_enabled", false);
        json.putNull("safety_alerts_channel_id");
        return json;
    }

    /**
     * GUILD_CREATE's guild: the guild object plus channels, members, voice states and the other
     * extra fields. Discord sends all members only with GUILD_PRESENCES and a guild at most
     * {@code largeThreshold} big; otherwise the bot and the members in voice.
     */
    public ObjectNode guildCreate(GuildState guild, boolean presencesIntent, int largeThreshold) {
        ObjectNode json = guild(guild);
        json.put("joined_at", Json.time(guild.joinedAt()));
        boolean large = guild.memberCount() > largeThreshold;
        json.put("large", large);
        json.put("unavailable", false);
        json.put("member_count", guild.memberCount());
        ArrayNode voiceStates = json.putArray("voice_states");
        guild.voiceStates().forEach(v -> voiceStates.add(voiceState(guild, v.userId(), v.channelId(), v.sessionId(), false)));
        long botId = state.application().botUserId();
        Predicate<MemberRecord> sent = presencesIntent && !large
                ? m -> true
                : m -> m.userId() == botId || guild.voice(m.userId()).isPresent();
        ArrayNode members = json.putArray("members");
        guild.members().stream().filter(sent).forEach(m -> members.add(member(guild, m, true)));
        ArrayNode channels = json.putArray("channels");
        guild.channels().forEach(c -> channels.add(channel(c)));
        json.putArray("threads");
        json.putArray("presences");
        json.putArray("stage_instances");
        json.putArray("guild_scheduled_events");
        json.putArray("soundboard_sounds");
        return json;
    }

    /**
     * A message object. Without {@code withContent} the fields the MESSAGE_CONTENT intent guards
     * (content, embeds, attachments, components) are empty, as Discord sends them.
     */
    public ObjectNode message(StoredMessage message, boolean withContent) {
        ObjectNode json = Json.object();
        json.put("id", Json.id(message.id()));
        json.put("type", message.type());
        json.put("channel_id", Json.id(message.channelId()));
        UserRecord author = message.viaWebhook()
                ? new UserRecord(state.application().botUserId(), state.application().botName(), true)
                : state.user(message.authorId());
        json.set("author", user(author));
        json.put("content", withContent ? message.content() : "");
        json.put("timestamp", Json.time(message.timestamp()));
        if (message.editedAt() == null) {
            json.putNull("edited_timestamp");
        } else {
            json.put("edited_timestamp", Json.time(message.editedAt()));
        }
        json.put("tts", false);
        json.put("mention_everyone", false);
        json.putArray("mentions");
        json.putArray("mention_roles");
        ArrayNode attachments = json.putArray("attachments");
        ArrayNode embeds = json.putArray("embeds");
        ArrayNode components = json.putArray("components");
        if (withContent) {
            message.attachments().forEach(a -> attachments.add(attachment(message.channelId(), a)));
            message.embeds().forEach(e -> embeds.add(embed(e)));
            message.components().forEach(components::add);
        }
        json.put("pinned", false);
        json.put("flags", message.flags());
        if (message.nonce() != null) {
            json.put("nonce", message.nonce());
        }
        if (message.messageReference() != null) {
            json.set("message_reference", message.messageReference());
        }
        if (message.viaWebhook()) {
            json.put("webhook_id", Json.id(state.application().id()));
            json.put("application_id", Json.id(state.application().id()));
        }
        if (message.interactionId() != null) {
            state.interactions().byId(message.interactionId()).ifPresent(i -> {
                ObjectNode metadata = json.putObject("interaction_metadata");
                metadata.put("id", Json.id(i.id()));
                metadata.put("type", i.type());
                metadata.set("user", user(state.user(i.userId())));
                metadata.putObject("authorizing_integration_owners").put("0", Json.id(i.guildId()));
            });
        }
        return json;
    }

    /** A message as a gateway dispatch carries it: with {@code guild_id} and the author's partial {@code member}. */
    public ObjectNode messageDispatch(StoredMessage message, boolean withContent) {
        ObjectNode json = message(message, withContent);
        json.put("guild_id", Json.id(message.guildId()));
        if (!message.viaWebhook()) {
            state.guild(message.guildId()).flatMap(g -> g.member(message.authorId()).map(m -> member(g, m, false)))
                    .ifPresent(m -> json.set("member", m));
        }
        state.channel(message.channelId()).ifPresent(c -> json.put("channel_type", c.type()));
        return json;
    }

    public ObjectNode attachment(long channelId, StoredAttachment attachment) {
        ObjectNode json = Json.object();
        json.put("id", Json.id(attachment.id()));
        json.put("filename", attachment.filename());
        if (attachment.description() != null && !attachment.description().isEmpty()) {
            json.put("description", attachment.description());
        }
        if (attachment.contentType() != null) {
            json.put("content_type", attachment.contentType());
        }
        json.put("size", attachment.size());
        String url = state.cdnBaseUrl() + "attachments/" + Json.id(channelId) + "/" + Json.id(attachment.id()) + "/"
                + java.net.URLEncoder.encode(attachment.filename(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        json.put("url", url);
        json.put("proxy_url", url);
        json.put("flags", 0);
        return json;
    }

    /** An embed as Discord returns it: {@code type} defaults to {@code rich}. */
    public static ObjectNode embed(JsonNode sent) {
        ObjectNode json = sent.isObject() ? ((ObjectNode) sent).deepCopy() : Json.object();
        if (!json.hasNonNull("type")) {
            json.put("type", "rich");
        }
        for (JsonNode field : json.path("fields")) {
            if (field instanceof ObjectNode f && !f.hasNonNull("inline")) {
                f.put("inline", false);
            }
        }
        return json;
    }
}

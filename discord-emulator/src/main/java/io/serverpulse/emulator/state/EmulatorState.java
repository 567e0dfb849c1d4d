package io.serverpulse.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.model.Community;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The emulated Discord's world: guilds, users, messages, commands, interactions, and the record
 * of what the bot sent. One reentrant lock guards it all; the gateway takes the same lock while it
 * applies an event and fans its dispatch out, so a session's GUILD_CREATE snapshot and the
 * dispatches after it never disagree.
 */
public final class EmulatorState {

    private final ReentrantLock lock = new ReentrantLock();
    private final Application application;
    private final EmulatorTime clock;
    private final IdGenerator ids;
    private final Recorded recorded = new Recorded();
    private final CommandRegistry commands;
    private final Interactions interactions = new Interactions();
    private final Payloads payloads;
    private final Map<Long, GuildState> guilds = new LinkedHashMap<>();
    private final Map<Long, UserRecord> users = new HashMap<>();
    private final Map<Long, Long> channelToGuild = new HashMap<>();
    private final Map<Long, StoredMessage> messages = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile String cdnBaseUrl = "http://127.0.0.1/";

    public EmulatorState(Application application, List<Community> communities, EmulatorTime clock, long botPermissions) {
        this.application = Objects.requireNonNull(application, "application");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = new IdGenerator(clock);
        this.commands = new CommandRegistry(application.id(), ids);
        this.payloads = new Payloads(this);
        users.put(application.botUserId(), new UserRecord(application.botUserId(), application.botName(), true));
        for (Community community : communities) {
            if (guilds.containsKey(community.guildId())) {
                throw new IllegalArgumentException("two communities share guild id " + community.guildId());
            }
            Instant joined = Snowflake.timestamp(community.guildId());
            GuildState guild = new GuildState(community, application.botUserId(), ids.next(), botPermissions, joined);
            guilds.put(guild.id(), guild);
            for (Community.Channel channel : community.channels()) {
                Long previous = channelToGuild.put(channel.id(), guild.id());
                if (previous != null) {
                    throw new IllegalArgumentException("channel " + channel.id() + " is in two guilds");
                }
            }
            for (Community.Member member : community.members()) {
                users.putIfAbsent(member.userId(), new UserRecord(member.userId(), member.username(), member.bot()));
            }
        }
    }

    public ReentrantLock lock() {
        return lock;
    }

    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    public Application application() {
        return application;
    }

    public EmulatorTime clock() {
        return clock;
    }

    public IdGenerator ids() {
        return ids;
    }

    public Recorded recorded() {
        return recorded;
    }

    public CommandRegistry commands() {
        return commands;
    }

    public Interactions interactions() {
        return interactions;
    }

    public Payloads payloads() {
        return payloads;
    }

    /** Base URL of the emulator's CDN route for attachments, ending in {@code /}. */
    public String cdnBaseUrl() {
        return cdnBaseUrl;
    }

    public void cdnBaseUrl(String url) {
        this.cdnBaseUrl = url.endsWith("/") ? url : url + "/";
    }

    public Collection<GuildState> guilds() {
        return locked(() -> List.copyOf(guilds.values()));
    }

    public List<Long> guildIds() {
        return locked(() -> new ArrayList<>(guilds.keySet()));
    }

    public Optional<GuildState> guild(long guildId) {
        return locked(() -> Optional.ofNullable(guilds.get(guildId)));
    }

    public Optional<ChannelRecord> channel(long channelId) {
        return locked(() -> Optional.ofNullable(channelToGuild.get(channelId))
                .flatMap(g -> guilds.get(g).channel(channelId)));
    }

    /** The user with this id; one the emulator never heard of gets a placeholder name. */
    public UserRecord user(long userId) {
        return locked(() -> users.getOrDefault(userId, new UserRecord(userId, "user-" + Long.toUnsignedString(userId), false)));
    }

    /** Makes sure a user the timeline mentions is known, with a placeholder name if it never joined. */
    public void rememberUser(long userId, boolean bot) {
        locked(() -> {
            users.putIfAbsent(userId, new UserRecord(userId, "user-" + Long.toUnsignedString(userId), bot));
        });
    }

    public ChannelRecord createChannel(long guildId, String name, int type, Long parentId, String topic, Integer position) {
        return locked(() -> {
            GuildState guild = guilds.get(guildId);
            int pos = position != null ? position : guild.channels().size();
            ChannelRecord channel = new ChannelRecord(ids.next(), guildId, name, type, pos, parentId, topic);
            guild.putChannel(channel);
            channelToGuild.put(channel.id(), guildId);
            recorded.channelCreated(channel);
            return channel;
        });
    }

    public MemberRecord addMember(long guildId, UserRecord user, Instant at) {
        return locked(() -> {
            users.put(user.id(), user);
            MemberRecord member = new MemberRecord(user.id(), at, List.of());
            guilds.get(guildId).putMember(member);
            return member;
        });
    }

    public void removeMember(long guildId, long userId) {
        locked(() -> guilds.get(guildId).removeMember(userId));
    }

    /** Moves a user into a voice channel (or out of voice with null); returns the voice session id. */
    public String setVoice(long guildId, long userId, Long channelId) {
        return locked(() -> {
            GuildState guild = guilds.get(guildId);
            String sessionId = guild.voice(userId).map(VoiceRecord::sessionId).orElseGet(this::randomHex);
            if (channelId == null) {
                guild.removeVoice(userId);
            } else {
                guild.putVoice(new VoiceRecord(userId, channelId, sessionId));
            }
            return sessionId;
        });
    }

    /** Stores a message (a new one or a new version); the bot's own are also recorded. */
    public void putMessage(StoredMessage message) {
        locked(() -> {
            messages.put(message.id(), message);
            if (message.source() != MessageSource.TIMELINE) {
                recorded.message(message);
            }
        });
    }

    public void recordEdit(MessageEdit edit) {
        recorded.edit(edit);
    }

    public Optional<StoredMessage> message(long messageId) {
        return locked(() -> Optional.ofNullable(messages.get(messageId)));
    }

    public Optional<StoredMessage> removeMessage(long messageId) {
        return locked(() -> {
            StoredMessage removed = messages.remove(messageId);
            if (removed != null && removed.source() != MessageSource.TIMELINE) {
                recorded.messageDeleted(messageId);
            }
            return Optional.ofNullable(removed);
        });
    }

    /** The latest messages of a channel, newest first, as GET /channels/{id}/messages lists them. */
    public List<StoredMessage> channelMessages(long channelId, int limit) {
        return locked(() -> messages.values().stream()
                .filter(m -> m.channelId() == channelId && !m.ephemeral())
                .sorted((a, b) -> Long.compareUnsigned(b.id(), a.id()))
                .limit(limit)
                .toList());
    }

    public CommandRegistry.Upsert upsertCommand(Long guildId, JsonNode body) {
        return locked(() -> {
            recorded.commandRegistration(new CommandRegistration("POST", guildId, body.deepCopy(), clock.now()));
            return commands.upsert(guildId, body);
        });
    }

    public List<ObjectNode> overwriteCommands(Long guildId, JsonNode array) {
        return locked(() -> {
            recorded.commandRegistration(new CommandRegistration("PUT", guildId, array.deepCopy(), clock.now()));
            return commands.overwrite(guildId, array);
        });
    }

    public List<ObjectNode> listCommands(Long guildId) {
        return locked(() -> commands.list(guildId));
    }

    /** Marks an interaction answered with {@code callbackType} and records the callback. */
    public void acknowledge(PendingInteraction interaction, InteractionCallback callback) {
        locked(() -> {
            interaction.acknowledge(callback.type());
            recorded.interactionCallback(callback);
        });
    }

    public void setOriginal(PendingInteraction interaction, long messageId) {
        locked(() -> interaction.original(messageId));
    }

    public void addFollowUp(PendingInteraction interaction, long messageId) {
        locked(() -> interaction.followUp(messageId));
    }

    /**
     * A new slash-command interaction, as Discord would send it when {@code userId} runs the
     * registered command {@code name} in {@code channelId} with {@code options} (Discord's
     * option objects: {@code name}, {@code type}, {@code value}).
     *
     * @throws IllegalStateException if the bot registered no such command for that guild or globally
     * @throws IllegalArgumentException if the channel or member is unknown
     */
    public PendingInteraction newSlashCommand(long channelId, long userId, String name, ArrayNode options) {
        return locked(() -> {
            ChannelRecord channel = channel(channelId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown channel " + channelId));
            GuildState guild = guilds.get(channel.guildId());
            MemberRecord member = guild.member(userId)
                    .orElseThrow(() -> new IllegalArgumentException("user " + userId + " is not a member of " + guild.id()));
            ObjectNode command = commands.find(guild.id(), name)
                    .orElseThrow(() -> new IllegalStateException("the bot registered no slash command named " + name));
            long id = ids.next();
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("interaction:" + Json.id(id) + ":" + randomToken()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            ObjectNode json = Json.object();
            json.put("id", Json.id(id));
            json.put("application_id", Json.id(application.id()));
            json.put("type", 2);
            json.put("token", token);
            json.put("version", 1);
            json.put("guild_id", Json.id(guild.id()));
            json.put("channel_id", Json.id(channelId));
            json.set("channel", payloads.channel(channel));
            ObjectNode partialGuild = json.putObject("guild");
            partialGuild.put("id", Json.id(guild.id()));
            partialGuild.put("locale", "en-US");
            partialGuild.putArray("features");
            json.put("guild_locale", "en-US");
            json.put("locale", "en-US");
            ObjectNode memberJson = payloads.member(guild, member, true);
            memberJson.put("permissions", Long.toString(guild.permissionsOf(userId)));
            json.set("member", memberJson);
            ObjectNode data = json.putObject("data");
            data.put("id", command.path("id").asText());
            data.put("name", name);
            data.put("type", 1);
            if (command.hasNonNull("guild_id")) {
                data.put("guild_id", command.path("guild_id").asText());
            }
            data.set("options", options == null ? Json.array() : options.deepCopy());
            resolveChannels(data, data.path("options"), guild, userId);
            json.put("app_permissions", Long.toString(guild.permissionsOf(application.botUserId())));
            json.putArray("entitlements");
            json.putObject("authorizing_integration_owners").put("0", Json.id(guild.id()));
            json.put("context", 0);
            json.put("attachment_size_limit", 10 * 1024 * 1024);
            PendingInteraction interaction = new PendingInteraction(id, token, 2, guild.id(), channelId, userId, json);
            interactions.register(interaction);
            return interaction;
        });
    }

    /**
     * As Discord does, every channel option (type 7, in sub-commands too) is resolved in
     * {@code data.resolved.channels}: the partial channel with its id, name, type and the member's
     * permissions, so that a bot can check the channel's type without asking.
     */
    private void resolveChannels(ObjectNode data, JsonNode options, GuildState guild, long userId) {
        for (JsonNode option : options) {
            if (option.path("type").asInt() == 7 && option.path("value").isTextual()) {
                long id = Long.parseUnsignedLong(option.path("value").asText());
                channel(id).filter(c -> c.guildId() == guild.id()).ifPresent(channel -> {
                    ObjectNode resolved = data.withObjectProperty("resolved").withObjectProperty("channels").putObject(Json.id(id));
                    resolved.put("id", Json.id(id));
                    resolved.put("name", channel.name());
                    resolved.put("type", channel.type());
                    resolved.put("permissions", Long.toString(guild.permissionsOf(userId)));
                    if (channel.parentId() != null) {
                        resolved.put("parent_id", Json.id(channel.parentId()));
                    }
                });
            }
            resolveChannels(data, option.path("options"), guild, userId);
        }
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private String randomToken() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

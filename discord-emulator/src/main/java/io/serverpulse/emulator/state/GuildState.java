package io.serverpulse.emulator.state;

import io.serverpulse.emulator.model.Community;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One guild as the emulator serves it now: channels, roles, members (the bot included), voice
 * states. Not thread-safe: {@link EmulatorState} guards it with its lock.
 */
public final class GuildState {

    private final long id;
    private final String name;
    private final long ownerId;
    private final Instant joinedAt;
    private final Map<Long, ChannelRecord> channels = new LinkedHashMap<>();
    private final Map<Long, RoleRecord> roles = new LinkedHashMap<>();
    private final Map<Long, MemberRecord> members = new LinkedHashMap<>();
    private final Map<Long, VoiceRecord> voice = new LinkedHashMap<>();
    private final List<Community.Emoji> emojis;

    GuildState(Community community, long botUserId, long botRoleId, long botPermissions, Instant joinedAt) {
        this.id = community.guildId();
        this.name = community.name();
        this.ownerId = community.ownerId();
        this.joinedAt = joinedAt;
        this.emojis = List.copyOf(community.emojis());
        roles.put(id, new RoleRecord(id, "@everyone", Permissions.EVERYONE_DEFAULT, 0, false, null));
        roles.put(botRoleId, new RoleRecord(botRoleId, "ServerPulse", botPermissions, 1, true, botUserId));
        for (Community.Channel channel : community.channels()) {
            channels.put(channel.id(), new ChannelRecord(channel.id(), id, channel.name(), channel.type().code(),
                    channel.position(), null, null));
        }
        for (Community.Member member : community.members()) {
            members.put(member.userId(), new MemberRecord(member.userId(), joinedAt, List.of()));
        }
        members.put(botUserId, new MemberRecord(botUserId, joinedAt, List.of(botRoleId)));
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long ownerId() {
        return ownerId;
    }

    /** When the bot joined this guild. */
    public Instant joinedAt() {
        return joinedAt;
    }

    public Collection<ChannelRecord> channels() {
        return List.copyOf(channels.values());
    }

    public Optional<ChannelRecord> channel(long channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    void putChannel(ChannelRecord channel) {
        channels.put(channel.id(), channel);
    }

    public Collection<RoleRecord> roles() {
        return List.copyOf(roles.values());
    }

    public Collection<MemberRecord> members() {
        return List.copyOf(members.values());
    }

    public int memberCount() {
        return members.size();
    }

    public Optional<MemberRecord> member(long userId) {
        return Optional.ofNullable(members.get(userId));
    }

    void putMember(MemberRecord member) {
        members.put(member.userId(), member);
    }

    void removeMember(long userId) {
        members.remove(userId);
        voice.remove(userId);
    }

    public Collection<VoiceRecord> voiceStates() {
        return List.copyOf(voice.values());
    }

    public Optional<VoiceRecord> voice(long userId) {
        return Optional.ofNullable(voice.get(userId));
    }

    void putVoice(VoiceRecord state) {
        voice.put(state.userId(), state);
    }

    void removeVoice(long userId) {
        voice.remove(userId);
    }

    public List<Community.Emoji> emojis() {
        return emojis;
    }

    /** The union of the member's role permissions, {@code @everyone} included. */
    public long permissionsOf(long userId) {
        MemberRecord member = members.get(userId);
        if (member == null) {
            return 0;
        }
        if (userId == ownerId) {
            return Permissions.ADMINISTRATOR;
        }
        long granted = roles.get(id).permissions();
        for (Long roleId : member.roleIds()) {
            RoleRecord role = roles.get(roleId);
            if (role != null) {
                granted |= role.permissions();
            }
        }
        return granted;
    }

    public List<Long> memberIds() {
        return new ArrayList<>(members.keySet());
    }
}

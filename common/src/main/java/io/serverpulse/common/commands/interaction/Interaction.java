package io.serverpulse.common.commands.interaction;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a Discord interaction that ServerPulse reads. {@code guildId} and {@code permissions}
 * are empty outside a server (DMs). The token is never printed by {@link #toString()}.
 *
 * @param permissions the invoking member's permissions in the channel ({@code member.permissions})
 * @param attachmentSizeLimit bytes a file may have in the answer (Discord's {@code attachment_size_limit}),
 *     or {@link #DEFAULT_ATTACHMENT_LIMIT} when absent
 */
public record Interaction(
        InteractionType type,
        long id,
        long applicationId,
        String token,
        Optional<Long> guildId,
        Optional<Long> channelId,
        Optional<Long> userId,
        Optional<BigInteger> permissions,
        String locale,
        long attachmentSizeLimit,
        InteractionData data) {

    /** Discord's default upload limit (10 MiB). */
    public static final long DEFAULT_ATTACHMENT_LIMIT = 10L * 1024 * 1024;

    public Interaction {
        Objects.requireNonNull(type, "type");
        token = token == null ? "" : token;
        guildId = guildId == null ? Optional.empty() : guildId;
        channelId = channelId == null ? Optional.empty() : channelId;
        userId = userId == null ? Optional.empty() : userId;
        permissions = permissions == null ? Optional.empty() : permissions;
        locale = locale == null || locale.isBlank() ? "en-US" : locale;
        data = data == null ? InteractionData.EMPTY : data;
    }

    /** Invoked in a server by a member (not in a DM). */
    public boolean inGuild() {
        return guildId.isPresent() && permissions.isPresent();
    }

    @Override
    public String toString() {
        return "Interaction[type=" + type + ", id=" + id + ", guild=" + guildId.map(String::valueOf).orElse("-")
                + ", user=" + userId.map(String::valueOf).orElse("-") + ", locale=" + locale + ", data=" + data + "]";
    }
}

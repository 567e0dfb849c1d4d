package io.serverpulse.emulator.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing that happens in a simulated guild, in simulated time. The emulator plays these as
 * gateway dispatches; the ground truth is computed from them. Unlike the bot's own events, these
 * carry message text: the privacy tests search the bot's storage and logs for it.
 */
public sealed interface TimelineEvent {

    long guildId();

    Instant at();

    record MessageCreate(long guildId, long channelId, long messageId, long authorId, boolean bot, String content, Instant at)
            implements TimelineEvent {
        public MessageCreate {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(at, "at");
        }
    }

    record MessageDelete(long guildId, long channelId, long messageId, Instant at) implements TimelineEvent {
        public MessageDelete {
            Objects.requireNonNull(at, "at");
        }
    }

    record MessageDeleteBulk(long guildId, long channelId, List<Long> messageIds, Instant at) implements TimelineEvent {
        public MessageDeleteBulk {
            messageIds = List.copyOf(messageIds);
            Objects.requireNonNull(at, "at");
        }
    }

    /** {@code emoji} is a unicode emoji, or {@code name:id} for a guild emoji. */
    record ReactionAdd(long guildId, long channelId, long messageId, long userId, String emoji, Instant at)
            implements TimelineEvent {
        public ReactionAdd {
            Objects.requireNonNull(emoji, "emoji");
            Objects.requireNonNull(at, "at");
        }
    }

    record MemberAdd(long guildId, long userId, String username, boolean bot, Instant at) implements TimelineEvent {
        public MemberAdd {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(at, "at");
        }
    }

    record MemberRemove(long guildId, long userId, Instant at) implements TimelineEvent {
        public MemberRemove {
            Objects.requireNonNull(at, "at");
        }
    }

    /** A member's voice state: {@code channelId} is the voice channel joined or moved to, null when they left voice. */
    record VoiceStateUpdate(long guildId, long userId, Long channelId, Instant at) implements TimelineEvent {
        public VoiceStateUpdate {
            Objects.requireNonNull(at, "at");
        }
    }
}

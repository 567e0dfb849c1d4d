package io.serverpulse.common.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened in a guild, reduced to metadata: ids, a timestamp, a count, an emoji.
 * There is deliberately no field that could hold message text.
 */
public sealed interface ActivityEvent {

    long guildId();

    Instant at();

    /** A member posted a message in a collected channel. */
    record MessagePosted(long guildId, long channelId, long memberId, Instant at) implements ActivityEvent {
        public MessagePosted {
            Objects.requireNonNull(at, "at");
        }
    }

    /** {@code count} messages were deleted in a collected channel (1 for a single delete, n for a bulk delete). */
    record MessagesDeleted(long guildId, long channelId, int count, Instant at) implements ActivityEvent {
        public MessagesDeleted {
            Objects.requireNonNull(at, "at");
            if (count <= 0) {
                throw new IllegalArgumentException("count must be positive: " + count);
            }
        }
    }

    /** A member added a reaction in a collected channel. {@code emoji} is a unicode emoji or {@code name:id}. */
    record ReactionAdded(long guildId, long channelId, long memberId, String emoji, Instant at) implements ActivityEvent {
        public ReactionAdded {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(emoji, "emoji");
        }
    }

    /** A member joined the guild. */
    record MemberJoined(long guildId, long memberId, Instant at) implements ActivityEvent {
        public MemberJoined {
            Objects.requireNonNull(at, "at");
        }
    }

    /** A member left (or was removed from) the guild. */
    record MemberLeft(long guildId, long memberId, Instant at) implements ActivityEvent {
        public MemberLeft {
            Objects.requireNonNull(at, "at");
        }
    }

    /** A member joined a voice channel. */
    record VoiceJoined(long guildId, long channelId, long memberId, Instant at) implements ActivityEvent {
        public VoiceJoined {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A member spent {@code from}–{@code at} in a voice channel (a closed session, or the part of an
     * open one up to a flush). Its seconds are split over the UTC hours it spans.
     */
    record VoiceTime(long guildId, long channelId, long memberId, Instant from, Instant at) implements ActivityEvent {
        public VoiceTime {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(at, "at");
            if (at.isBefore(from)) {
                throw new IllegalArgumentException("voice time ends before it starts");
            }
        }

        public Duration duration() {
            return Duration.between(from, at);
        }
    }

    /** The sentiment class of one message, scored in memory for guilds that opted in; the text is already gone. */
    record MessageSentiment(long guildId, long channelId, Sentiment sentiment, Instant at) implements ActivityEvent {
        public MessageSentiment {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(sentiment, "sentiment");
        }
    }

    enum Sentiment {
        POSITIVE(Counter.SENTIMENT_POSITIVE),
        NEUTRAL(Counter.SENTIMENT_NEUTRAL),
        NEGATIVE(Counter.SENTIMENT_NEGATIVE);

        private final Counter counter;

        Sentiment(Counter counter) {
            this.counter = counter;
        }

        public Counter counter() {
            return counter;
        }
    }
}

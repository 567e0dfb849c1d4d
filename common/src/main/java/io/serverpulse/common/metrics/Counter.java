package io.serverpulse.common.metrics;

import java.util.Locale;

/**
 * The counters ServerPulse keeps. Each is a plain count of metadata events; none is derived from
 * message text except the three sentiment buckets, which a guild must opt in to and which hold
 * only counts. {@link #DROPPED_EVENTS} counts what could not be counted.
 */
public enum Counter {
    MESSAGES,
    REACTIONS,
    DELETIONS,
    JOINS,
    LEAVES,
    VOICE_JOINS,
    VOICE_SECONDS,
    SENTIMENT_POSITIVE,
    SENTIMENT_NEUTRAL,
    SENTIMENT_NEGATIVE,
    /**
     * Activity events of the guild's hour that the collector could not count because it was
     * overloaded (its memory bound was reached while the database fell behind); kept in the
     * guild-wide {@link BucketKind#CHANNEL_HOUR} row, written with the next batch, so that every
     * number over that hour can say how many events it misses.
     */
    DROPPED_EVENTS;

    /** The stable field or column name used by every storage adapter, e.g. {@code voice_seconds}. */
    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Counter fromField(String field) {
        return valueOf(field.toUpperCase(Locale.ROOT));
    }
}

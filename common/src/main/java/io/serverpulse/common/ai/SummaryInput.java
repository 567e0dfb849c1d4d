package io.serverpulse.common.ai;

import io.serverpulse.common.alerts.AlertType;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything an AI provider is told about a guild's period: counts, changes, ranks, hours and alert
 * types. By construction it cannot hold a member or channel id, a name or any message text: members
 * and channels are ranks ({@code member #1}), emoji are ranks too (a custom emoji's name is a name),
 * and the only strings are a period label and a language code, both checked against fixed patterns.
 * The digest maps its report to this record; the prompt is built from this record alone.
 *
 * @param period a short label of the period ({@code weekly}, {@code daily}, {@code 7d}, …)
 * @param language the language the answer is written in ({@code en}, {@code de}, {@code fr})
 * @param totals the period's totals, each with the previous period's value when known
 * @param topMembers members by messages, best first ({@code member #1} …)
 * @param topChannels channels by messages, best first ({@code channel #1} …)
 * @param topVoice members by voice minutes ({@code voice member #1} …)
 * @param topEmoji emoji by uses ({@code emoji #1} …)
 * @param peak the busiest hour of the week in the guild's time zone; null when there was no activity
 * @param growth joins, leaves and new-member retention; null when unknown
 * @param alerts the period's alerts: type and when they started (guild's time zone)
 * @param sentiment sentiment counts, only where the guild opted in; null otherwise
 */
public record SummaryInput(String period, String language, List<Total> totals, List<Ranked> topMembers,
                           List<Ranked> topChannels, List<Ranked> topVoice, List<Ranked> topEmoji, Peak peak,
                           Growth growth, List<AlertEntry> alerts, Sentiment sentiment) {

    private static final Pattern PERIOD = Pattern.compile("[a-z0-9-]{1,16}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    static final int MAX_RANKED = 10;
    static final int MAX_ALERTS = 20;

    public SummaryInput {
        Objects.requireNonNull(period, "period");
        if (!PERIOD.matcher(period).matches()) {
            throw new IllegalArgumentException("period must match " + PERIOD + ": " + period);
        }
        language = language == null ? "en" : language;
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language must be a two-letter code: " + language);
        }
        totals = List.copyOf(totals == null ? List.of() : totals);
        topMembers = bounded(topMembers);
        topChannels = bounded(topChannels);
        topVoice = bounded(topVoice);
        topEmoji = bounded(topEmoji);
        alerts = List.copyOf(alerts == null ? List.of() : alerts.subList(0, Math.min(alerts.size(), MAX_ALERTS)));
    }

    private static List<Ranked> bounded(List<Ranked> ranked) {
        return List.copyOf(ranked == null ? List.of() : ranked.subList(0, Math.min(ranked.size(), MAX_RANKED)));
    }

    /** What a total counts. */
    public enum Measure {
        MESSAGES, REACTIONS, ACTIVE_MEMBERS, VOICE_MINUTES
    }

    /** A period total; {@code previous} is null when the previous period is unknown. */
    public record Total(Measure measure, long value, Long previous) {
        public Total {
            Objects.requireNonNull(measure, "measure");
        }
    }

    /** A place in a ranking: rank 1 is the first; {@code previous} is the same rank holder's previous value, or null. */
    public record Ranked(int rank, long value, Long previous) {
        public Ranked {
            if (rank < 1) {
                throw new IllegalArgumentException("rank starts at 1: " + rank);
            }
        }
    }

    /** The busiest hour ({@code hour}:00 to {@code hour+1}:00) on {@code day}, in the guild's time zone. */
    public record Peak(DayOfWeek day, int hour) {
        public Peak {
            Objects.requireNonNull(day, "day");
            if (hour < 0 || hour > 23) {
                throw new IllegalArgumentException("hour out of range: " + hour);
            }
        }
    }

    /**
     * Members who joined and left, and of those who joined in the previous period how many were
     * active in this one ({@code previousJoiners} null when unknown).
     */
    public record Growth(long joins, long leaves, Long previousJoiners, Long previousJoinersActive) {
    }

    /** An alert that started on {@code day} at {@code hour} (guild's time zone). */
    public record AlertEntry(AlertType type, DayOfWeek day, int hour) {
        public AlertEntry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(day, "day");
        }
    }

    /** Counted messages by mood. */
    public record Sentiment(long positive, long neutral, long negative) {
    }
}

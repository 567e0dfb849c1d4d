package io.serverpulse.common.settings;

import java.time.Duration;

/**
 * How long a guild's data is kept. Raw metrics, member events and alerts follow {@code metricsDays};
 * cached leaderboards {@code leaderboardDays}; AI summaries {@code summaryDays}.
 */
public record Retention(int metricsDays, int leaderboardDays, int summaryDays) {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;
    public static final Retention DEFAULT = new Retention(90, 30, 180);

    public Retention {
        check("metricsDays", metricsDays);
        check("leaderboardDays", leaderboardDays);
        check("summaryDays", summaryDays);
    }

    private static void check(String name, int days) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException(name + " must be " + MIN_DAYS + ".." + MAX_DAYS + " days: " + days);
        }
    }

    public Duration metrics() {
        return Duration.ofDays(metricsDays);
    }

    public Duration leaderboards() {
        return Duration.ofDays(leaderboardDays);
    }

    public Duration summaries() {
        return Duration.ofDays(summaryDays);
    }
}

package io.serverpulse.common.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a guild's digest is posted. {@link #HOURLY} is no longer offered (an hour holds too few
 * messages to compare with anything, and a post every hour buries the update channel): settings that
 * still hold it are read, and get no digest until an admin picks daily or weekly ({@code /set-digest}
 * and {@code /serverpulse status} say so).
 */
public enum DigestFrequency {
    HOURLY("hourly"),
    DAILY("daily"),
    WEEKLY("weekly"),
    NONE("none");

    /** What admins can choose, in the order the commands offer it. */
    public static final List<DigestFrequency> OFFERED = List.of(DAILY, WEEKLY, NONE);

    private final String option;

    DigestFrequency(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    /** Whether a digest is posted at this frequency. */
    public boolean posts() {
        return this == DAILY || this == WEEKLY;
    }

    public static Optional<DigestFrequency> fromOption(String option) {
        if (option == null) {
            return Optional.empty();
        }
        String wanted = option.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.option.equals(wanted)).findFirst();
    }
}

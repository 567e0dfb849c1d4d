package io.serverpulse.common.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum DigestFrequency {
    HOURLY("hourly"),
    DAILY("daily"),
    WEEKLY("weekly"),
    NONE("none");

    private final String option;

    DigestFrequency(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public static Optional<DigestFrequency> fromOption(String option) {
        if (option == null) {
            return Optional.empty();
        }
        String wanted = option.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.option.equals(wanted)).findFirst();
    }
}

package io.serverpulse.common.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The incidents ServerPulse watches for. {@link #option()} is the name admins type in commands. */
public enum AlertType {
    JOIN_RAID("raid"),
    MASS_DELETION("deletion"),
    ACTIVITY_DROP("drop"),
    VOICE_SURGE("voice");

    private final String option;

    AlertType(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public static Optional<AlertType> fromOption(String option) {
        if (option == null) {
            return Optional.empty();
        }
        String wanted = option.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.option.equals(wanted)).findFirst();
    }
}

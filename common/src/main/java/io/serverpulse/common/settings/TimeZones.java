package io.serverpulse.common.settings;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Time zones as admins type them, checked against the tz database this JVM carries: region ids such as
 * {@code Europe/Berlin} or {@code America/New_York} (any letter case, spaces for underscores) and
 * {@code UTC}. Offsets ({@code +02:00}, {@code GMT+2}) are refused: they do not follow daylight saving time,
 * so a digest would drift by an hour twice a year.
 */
public final class TimeZones {

    /** Longest id in the tz database is about 32 characters. */
    public static final int MAX_LENGTH = 64;

    private static final Map<String, String> BY_LOWER_CASE = new TreeMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.contains("/") || id.equals("UTC")) {
                BY_LOWER_CASE.put(id.toLowerCase(Locale.ROOT), id);
            }
        }
    }

    private TimeZones() {
    }

    /** The canonical tz database id for what an admin typed, or empty if it is not a zone ServerPulse accepts. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String wanted = typed.strip().replace(' ', '_');
        if (wanted.isEmpty() || wanted.length() > MAX_LENGTH || wanted.regionMatches(true, 0, "Etc/", 0, 4)
                || wanted.regionMatches(true, 0, "SystemV/", 0, 8)) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_LOWER_CASE.get(wanted.toLowerCase(Locale.ROOT)));
    }
}

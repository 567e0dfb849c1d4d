package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sentences stored in {@link io.serverpulse.common.alerts.AlertRecord#context()}: built from
 * numbers and ids only, in English (the poster localizes). Channels are Discord mentions, which
 * Discord renders as names.
 */
final class AlertContext {

    private AlertContext() {
    }

    /** {@code observed / level}: below 1.5 INFO, below 3 WARNING, from 3 CRITICAL. */
    static Severity severity(double observed, double level) {
        double ratio = level <= 0 ? Double.POSITIVE_INFINITY : observed / level;
        if (ratio >= 3) {
            return Severity.CRITICAL;
        }
        return ratio >= 1.5 ? Severity.WARNING : Severity.INFO;
    }

    static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** "usually 2 joins/min, now 14 in 60 s", or "14 joins in 60 s (alert at 10)" while there is no baseline yet. */
    static String raidOpened(long count, long windowMillis, Double usualPerMinute, long level) {
        if (usualPerMinute == null) {
            return count + " joins in " + duration(windowMillis) + " (alert at " + level + ")";
        }
        return "usually " + number(usualPerMinute) + " joins/min, now " + count + " in " + duration(windowMillis);
    }

    /** "usually 2 joins/min, peak 14 in 60 s, 14 joins in all". */
    static String raidEnded(long peak, long total, long windowMillis, Double usualPerMinute) {
        String head = usualPerMinute == null ? "" : "usually " + number(usualPerMinute) + " joins/min, ";
        return head + "peak " + peak + " in " + duration(windowMillis) + ", " + total + " joins in all";
    }

    /** "7 messages deleted in 30 s in <#123>". */
    static String deletionOpened(long count, long windowMillis, List<Long> channels) {
        return count + " messages deleted in " + duration(windowMillis) + in(channels);
    }

    /** "peak 7 messages deleted in 30 s, 12 in all, in <#123>". */
    static String deletionEnded(long peak, long total, long windowMillis, List<Long> channels) {
        String where = in(channels);
        return "peak " + peak + " messages deleted in " + duration(windowMillis) + ", " + total + " in all"
                + (where.isEmpty() ? "" : "," + where);
    }

    /** "usually 2 members in voice, now 9". */
    static String voiceOpened(long members, double usual) {
        return "usually " + number(usual) + " members in voice, now " + members;
    }

    /** "usually 2 members in voice, peak 9". */
    static String voiceEnded(long peak, double usual) {
        return "usually " + number(usual) + " members in voice, peak " + peak;
    }

    private static String in(List<Long> channels) {
        if (channels.isEmpty()) {
            return "";
        }
        return " in " + channels.stream().map(id -> "<#" + id + ">").collect(Collectors.joining(", "));
    }

    /** A count or rate with at most one decimal: 2, 0.3, 12.5. */
    static String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** "30 s", "90 s", "2 min", "1 h", "1500 ms". */
    static String duration(long millis) {
        if (millis % 1000 != 0) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0 && seconds >= 120) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}

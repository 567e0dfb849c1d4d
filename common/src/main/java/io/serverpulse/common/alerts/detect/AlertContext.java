package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.i18n.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sentences stored in {@link io.serverpulse.common.alerts.AlertRecord#context()}: built from
 * numbers and ids only, in the guild's language when the incident is detected (the alert message
 * shows them as they are). Channels are Discord mentions, which Discord renders as names.
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

    /** At least this share of the guild's members joining within the raid window is CRITICAL, whatever the level. */
    static final double CRITICAL_SHARE = 0.10;
    /** At least this share is WARNING. */
    static final double WARNING_SHARE = 0.03;

    /**
     * A severity for {@code observed} members or events against the {@code level} that opened the
     * incident, and at least by the share of the guild they are when its size is known: a crossing
     * just above the level means little in a guild of 10,000 members and a lot in one of 40, where
     * 12 joins in a minute are a third of the guild. {@link #CRITICAL_SHARE} of the members is
     * CRITICAL, {@link #WARNING_SHARE} WARNING; below that, and when {@code members} is 0
     * (unknown), the ratio alone decides ({@link #severity(double, double)}).
     */
    static Severity severity(double observed, double level, int members) {
        Severity byLevel = severity(observed, level);
        if (members <= 0) {
            return byLevel;
        }
        double share = observed / members;
        Severity bySize = share >= CRITICAL_SHARE ? Severity.CRITICAL : share >= WARNING_SHARE ? Severity.WARNING : Severity.INFO;
        return max(byLevel, bySize);
    }

    static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** "usually 2 joins/min, now 14 in 60 s", or "14 joins in 60 s (alert at 10)" while there is no baseline yet. */
    static String raidOpened(Texts t, long count, long windowMillis, Double usualPerMinute, long level) {
        if (usualPerMinute == null) {
            return t.get("alert.context.raid.opened-cold", count(count), duration(windowMillis), count(level));
        }
        return t.get("alert.context.raid.opened", number(t, usualPerMinute), count(count), duration(windowMillis));
    }

    /** "usually 2 joins/min, peak 14 in 60 s, 14 joins in all". */
    static String raidEnded(Texts t, long peak, long total, long windowMillis, Double usualPerMinute) {
        if (usualPerMinute == null) {
            return t.get("alert.context.raid.ended-cold", count(peak), duration(windowMillis), count(total));
        }
        return t.get("alert.context.raid.ended", number(t, usualPerMinute), count(peak), duration(windowMillis), count(total));
    }

    /** "7 messages deleted in 30 s in <#123>". */
    static String deletionOpened(Texts t, long count, long windowMillis, List<Long> channels) {
        return channels.isEmpty()
                ? t.get("alert.context.deletion.opened", count(count), duration(windowMillis))
                : t.get("alert.context.deletion.opened-in", count(count), duration(windowMillis), mentions(channels));
    }

    /** "peak 7 messages deleted in 30 s, 12 in all, in <#123>". */
    static String deletionEnded(Texts t, long peak, long total, long windowMillis, List<Long> channels) {
        return channels.isEmpty()
                ? t.get("alert.context.deletion.ended", count(peak), duration(windowMillis), count(total))
                : t.get("alert.context.deletion.ended-in", count(peak), duration(windowMillis), count(total), mentions(channels));
    }

    /** "usually 2 members in voice, now 9". */
    static String voiceOpened(Texts t, long members, double usual) {
        return t.get("alert.context.voice.opened", number(t, usual), count(members));
    }

    /** "usually 2 members in voice, peak 9". */
    static String voiceEnded(Texts t, long peak, double usual) {
        return t.get("alert.context.voice.ended", number(t, usual), count(peak));
    }

    private static String mentions(List<Long> channels) {
        return channels.stream().map(id -> "<#" + id + ">").collect(Collectors.joining(", "));
    }

    /** A count as plain digits (no grouping: the sentences are short and read like data). */
    static String count(long value) {
        return Long.toString(value);
    }

    /** A count or rate with at most one decimal: 2, 0.3, 12.5. */
    static String number(double value) {
        return number(Texts.english(), value);
    }

    /** A count or rate with at most one decimal, in the texts' locale: 0.3 in English, 0,3 in German. */
    static String number(Texts t, double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        NumberFormat format = NumberFormat.getNumberInstance(t.locale());
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(1);
        return format.format(rounded);
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

package io.serverpulse.common.digest;

import io.serverpulse.common.digest.DigestReport.Peak;
import io.serverpulse.common.i18n.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;

/** The small phrases a digest is made of, in the reader's language: changes in words, dates, the busiest hour. */
final class DigestWords {

    /** Below this change (in per cent) a figure "held steady". */
    static final int STEADY_PERCENT = 5;

    private DigestWords() {
    }

    /** {@code +18 % vs last week}, {@code −5 % vs last week}, {@code ±0 % vs last week}, or {@code none last week}. */
    static String change(long current, long previous, DigestPeriod period, Texts texts) {
        String label = period.kind().label();
        if (previous == 0) {
            return current == 0 ? texts.get("digest.change.same", texts.get("digest.vs." + label))
                    : texts.get("digest.none." + label);
        }
        long percent = percent(current, previous);
        if (current == previous) {
            return texts.get("digest.change.same", texts.get("digest.vs." + label));
        }
        return texts.get(current > previous ? "digest.change.up" : "digest.change.down", Math.abs(percent),
                texts.get("digest.vs." + label));
    }

    /** The change from {@code previous} to {@code current} in whole per cent (previous > 0). */
    static long percent(long current, long previous) {
        return Math.round(100.0 * (current - previous) / previous);
    }

    /** A signed count: {@code +7}, {@code −3}, {@code 0}. */
    static String signed(long value, Texts texts) {
        String number = String.format(texts.locale(), "%,d", Math.abs(value));
        return value > 0 ? "+" + number : value < 0 ? "−" + number : number;
    }

    /** The period as a title names it: a date, a range of dates, or "the last 24 hours". */
    static String title(DigestPeriod period, Texts texts) {
        String label = period.kind().label();
        return switch (period.kind()) {
            case DAILY -> texts.get("digest.title.daily", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                    .withLocale(texts.locale()).format(period.firstDay()));
            case LAST_24_HOURS -> texts.get("digest.title.24h");
            default -> texts.get("digest.title." + label, range(period.firstDay(), period.lastDay(), texts));
        };
    }

    static String range(LocalDate first, LocalDate last, Texts texts) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale());
        return texts.get("digest.range", format.format(first), format.format(last));
    }

    /** {@code Friday 20:00–21:00} in the guild's zone, the zone named. */
    static String peak(Peak peak, DigestPeriod period, Texts texts) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale());
        return texts.get("digest.busiest.value", peak.day().getDisplayName(TextStyle.FULL, texts.locale()),
                time.format(peak.from()), time.format(peak.from().plusHours(1)), period.zone().getId());
    }
}

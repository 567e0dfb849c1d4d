package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertFacts;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The life of one alert type's incidents in one guild: closed (maybe cooling down) or open. An
 * open incident remembers until when its condition holds ({@code aboveUntil}, {@link #ONGOING} for
 * a level that has not dropped yet), its peak, its total and the channels involved. The context
 * sentences are worded outside detection: an incident keeps the wording it was opened with (the
 * guild's language then) and hands it the {@link AlertFacts} of its end. Not thread-safe: the
 * guild's state lock guards it.
 */
final class IncidentTracker {

    static final long ONGOING = Long.MAX_VALUE;

    /** The facts of an ended incident, from its numbers: each rule says which. */
    @FunctionalInterface
    interface EndedFacts {
        AlertFacts of(long peak, long total, long windowMillis, Double usual, List<Long> channels);
    }

    private final AlertType type;
    private final EndedFacts endedFacts;
    private Open open;
    private long cooldownUntil = Long.MIN_VALUE;

    private static final class Open {
        AlertRecord opened;
        long windowMillis;
        Double usual;
        long aboveUntil;
        long lastAboveAt;
        long peak;
        long total;
        long pendingTotal;
        Severity severity;
        Function<AlertFacts, String> wording;
        final TreeSet<Long> channels = new TreeSet<>();
        final TreeSet<Long> pendingChannels = new TreeSet<>();
    }

    IncidentTracker(AlertType type, EndedFacts endedFacts) {
        this.type = type;
        this.endedFacts = endedFacts;
    }

    AlertType type() {
        return type;
    }

    boolean isOpen() {
        return open != null;
    }

    boolean inCooldown(long at) {
        return at < cooldownUntil;
    }

    AlertRecord current() {
        return open == null ? null : open.opened;
    }

    /** Opens an incident and returns its ongoing record, its context worded from {@code facts}. */
    AlertRecord open(long guildId, long startedAt, long now, long aboveUntil, long observed, Severity severity,
            List<Long> channels, double baseline, Double usual, long windowMillis, AlertFacts facts,
            Function<AlertFacts, String> wording) {
        Instant start = Instant.ofEpochMilli(startedAt);
        Open o = new Open();
        o.opened = new AlertRecord(AlertRecord.idFor(guildId, type, start), guildId, type, severity, start, null,
                channels, observed, baseline, wording.apply(facts));
        o.windowMillis = windowMillis;
        o.usual = usual;
        o.aboveUntil = aboveUntil;
        o.lastAboveAt = now;
        o.peak = observed;
        o.total = observed;
        o.severity = severity;
        o.wording = wording;
        o.channels.addAll(channels);
        open = o;
        return o.opened;
    }

    /** An event while open; it joins the total once the condition holds again at or after it. */
    void note(long amount, long channelId) {
        if (open != null) {
            open.pendingTotal += amount;
            if (channelId != 0) {
                open.pendingChannels.add(channelId);
            }
        }
    }

    /** The condition holds at {@code now} (while open): it now holds until {@code aboveUntil}. */
    void extend(long now, long aboveUntil, long observed, Severity severity) {
        open.aboveUntil = aboveUntil == ONGOING ? ONGOING : Math.max(open.aboveUntil, aboveUntil);
        open.lastAboveAt = now;
        open.peak = Math.max(open.peak, observed);
        open.severity = Severities.max(open.severity, severity);
        open.total += open.pendingTotal;
        open.pendingTotal = 0;
        open.channels.addAll(open.pendingChannels);
        open.pendingChannels.clear();
    }

    /** A level-type condition (voice) stopped holding at {@code at}. */
    void stopAbove(long at) {
        if (open != null && open.aboveUntil == ONGOING) {
            open.aboveUntil = at;
            open.lastAboveAt = at;
        }
    }

    /**
     * Ends the incident if its condition has not held for {@code quietMillis} by {@code now}. The
     * end is decided at {@code aboveUntil + quiet}, whenever it is noticed, so the outcome does not
     * depend on how often the detector is ticked.
     *
     * @return the ended record, or null if nothing ended
     */
    AlertRecord closeIfQuiet(long now, long quietMillis, long cooldownMillis) {
        if (open == null || open.aboveUntil == ONGOING || now < open.aboveUntil + quietMillis) {
            return null;
        }
        return close(open.lastAboveAt, open.aboveUntil + quietMillis + cooldownMillis);
    }

    /** Ends the incident now (its rule was switched off, or detection stops). */
    AlertRecord closeNow(long now, long cooldownMillis) {
        if (open == null) {
            return null;
        }
        long endedAt = open.aboveUntil == ONGOING ? now : open.lastAboveAt;
        return close(endedAt, now + cooldownMillis);
    }

    private AlertRecord close(long endedAt, long cooldownEnd) {
        Open o = open;
        open = null;
        cooldownUntil = cooldownEnd;
        List<Long> channels = List.copyOf(o.channels);
        String context = o.wording.apply(endedFacts.of(o.peak, o.total, o.windowMillis, o.usual, channels));
        AlertRecord start = o.opened;
        return new AlertRecord(start.id(), start.guildId(), type, o.severity, start.startedAt(),
                Instant.ofEpochMilli(Math.max(endedAt, start.startedAt().toEpochMilli())), channels, o.peak,
                start.baseline(), context);
    }
}

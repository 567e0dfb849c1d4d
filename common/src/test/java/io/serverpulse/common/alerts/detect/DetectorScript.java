package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated timeline for one guild: inputs scheduled at instants, played into an
 * {@link AlertDetector} in time order with a {@code tick} every 5 s, as the collector would.
 */
final class DetectorScript {

    static final Duration TICK = Duration.ofSeconds(5);

    private final AlertDetector detector;
    private final long guildId;
    private final TreeMap<Instant, List<Runnable>> timeline = new TreeMap<>();
    private final List<AlertNotice> notices;
    private long nextMember = 1;
    private Instant clock;

    DetectorScript(AlertDetector detector, long guildId, List<AlertNotice> notices) {
        this.detector = detector;
        this.guildId = guildId;
        this.notices = notices;
    }

    private void at(Instant when, Runnable input) {
        timeline.computeIfAbsent(when, k -> new ArrayList<>()).add(input);
    }

    /** {@code count} joins evenly spread from {@code from} to {@code from + over} (both ends included). */
    DetectorScript joins(int count, Instant from, Duration over) {
        for (int i = 0; i < count; i++) {
            long offset = count == 1 ? 0 : over.toMillis() * i / (count - 1);
            Instant when = from.plusMillis(offset);
            long member = nextMember++;
            at(when, () -> detector.accept(new MemberJoined(guildId, member, when)));
        }
        return this;
    }

    /** One join every {@code every} in {@code [from, to)}. */
    DetectorScript joinsEvery(Duration every, Instant from, Instant to) {
        for (Instant when = from; when.isBefore(to); when = when.plus(every)) {
            Instant at = when;
            long member = nextMember++;
            at(at, () -> detector.accept(new MemberJoined(guildId, member, at)));
        }
        return this;
    }

    DetectorScript deletes(Instant when, long channelId, int count) {
        at(when, () -> detector.accept(new MessagesDeleted(guildId, channelId, count, when)));
        return this;
    }

    DetectorScript voice(Instant when, int members) {
        at(when, () -> detector.voicePresence(guildId, members, when));
        return this;
    }

    /** Plays every input up to {@code end}, ticking every 5 s from the first input (or the last run's end). */
    DetectorScript runUntil(Instant end) {
        if (clock == null) {
            clock = timeline.isEmpty() ? end : timeline.firstKey();
        }
        while (!clock.isAfter(end)) {
            Instant now = clock;
            Map<Instant, List<Runnable>> due = timeline.headMap(now, true);
            due.values().forEach(list -> list.forEach(Runnable::run));
            due.clear();
            detector.tick(now);
            clock = clock.plus(TICK);
        }
        return this;
    }

    List<AlertNotice> opened(AlertType type) {
        return notices.stream().filter(n -> n.kind() == AlertNotice.Kind.OPENED && n.alert().type() == type).toList();
    }

    List<AlertNotice> ended(AlertType type) {
        return notices.stream().filter(n -> n.kind() == AlertNotice.Kind.ENDED && n.alert().type() == type).toList();
    }
}

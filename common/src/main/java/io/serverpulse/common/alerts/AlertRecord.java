package io.serverpulse.common.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One incident, as stored and as shown to admins. {@code context} is a sentence built from numbers
 * ("usually 2 joins/min, now 14 in 60 s"), never from message text. {@code endedAt} is null while
 * the incident is ongoing. The id is deterministic ({@link #idFor}), so saving the same incident
 * again updates it instead of adding a second one.
 */
public record AlertRecord(
        String id,
        long guildId,
        AlertType type,
        Severity severity,
        Instant startedAt,
        Instant endedAt,
        List<Long> channelIds,
        long observed,
        double baseline,
        String context) {

    public AlertRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(startedAt, "startedAt");
        channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
        context = context == null ? "" : context;
    }

    public static String idFor(long guildId, AlertType type, Instant startedAt) {
        return guildId + ":" + type.name() + ":" + startedAt.toEpochMilli();
    }

    public boolean ongoing() {
        return endedAt == null;
    }

    public AlertRecord ended(Instant at) {
        return new AlertRecord(id, guildId, type, severity, startedAt, at, channelIds, observed, baseline, context);
    }
}

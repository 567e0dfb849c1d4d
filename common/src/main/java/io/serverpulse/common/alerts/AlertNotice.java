package io.serverpulse.common.alerts;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link AlertSink} receives: an incident was {@link Kind#OPENED} (the record is ongoing),
 * or it {@link Kind#ENDED} (the same record id, now with {@code endedAt}, its peak and a final
 * context). An incident gives exactly one of each, OPENED first.
 */
public record AlertNotice(Kind kind, AlertRecord alert) {

    public enum Kind {
        OPENED,
        ENDED
    }

    public AlertNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alert, "alert");
        if (kind == Kind.OPENED && !alert.ongoing()) {
            throw new IllegalArgumentException("an OPENED notice carries an ongoing alert");
        }
        if (kind == Kind.ENDED && alert.ongoing()) {
            throw new IllegalArgumentException("an ENDED notice carries an ended alert");
        }
    }

    public static AlertNotice opened(AlertRecord alert) {
        return new AlertNotice(Kind.OPENED, alert);
    }

    public static AlertNotice ended(AlertRecord alert) {
        return new AlertNotice(Kind.ENDED, alert);
    }

    /** How long the incident lasted, for ENDED notices. */
    public Optional<Duration> duration() {
        return alert.ongoing() ? Optional.empty() : Optional.of(Duration.between(alert.startedAt(), alert.endedAt()));
    }
}

package io.serverpulse.common.metrics;

import java.time.Instant;
import java.util.Objects;

/** A half-open interval {@code [from, to)} of instants. */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " .. " + to);
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}

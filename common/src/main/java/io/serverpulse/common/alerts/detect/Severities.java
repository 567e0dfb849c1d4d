package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.Severity;

/** How severe an incident is, by how far it went past its level; the same scale for every rule. */
final class Severities {

    private Severities() {
    }

    /** {@code observed / level}: below 1.5 INFO, below 3 WARNING, from 3 CRITICAL. */
    static Severity of(double observed, double level) {
        double ratio = level <= 0 ? Double.POSITIVE_INFINITY : observed / level;
        if (ratio >= 3) {
            return Severity.CRITICAL;
        }
        return ratio >= 1.5 ? Severity.WARNING : Severity.INFO;
    }

    static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

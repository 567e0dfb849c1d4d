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

    /** At least this share of the guild's members joining within the raid window is CRITICAL, whatever the level. */
    static final double CRITICAL_SHARE = 0.10;
    /** At least this share is WARNING. */
    static final double WARNING_SHARE = 0.03;

    /**
     * A severity for {@code observed} members against the {@code level} that opened the incident, and
     * at least by the share of the guild they are when its size is known: a crossing just above the
     * level means little in a guild of 10,000 members and a lot in one of 40, where 12 joins in a
     * minute are a third of the guild. {@link #CRITICAL_SHARE} of the members is CRITICAL,
     * {@link #WARNING_SHARE} WARNING; below that, and when {@code members} is 0 (unknown), the ratio
     * alone decides ({@link #of(double, double)}).
     */
    static Severity of(double observed, double level, int members) {
        Severity byLevel = of(observed, level);
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
}

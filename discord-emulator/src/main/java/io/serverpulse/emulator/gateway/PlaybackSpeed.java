package io.serverpulse.emulator.gateway;

/**
 * How fast a timeline plays: {@link #AS_FAST_AS_POSSIBLE} (in order, as fast as the clients
 * read), or a factor of real time (1 = real time, 3600 = an hour per second).
 */
public record PlaybackSpeed(double factor) {

    public static final PlaybackSpeed AS_FAST_AS_POSSIBLE = new PlaybackSpeed(Double.POSITIVE_INFINITY);
    public static final PlaybackSpeed REAL_TIME = new PlaybackSpeed(1.0);

    public PlaybackSpeed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed factor must be positive: " + factor);
        }
    }

    public static PlaybackSpeed times(double factor) {
        return new PlaybackSpeed(factor);
    }

    public boolean unpaced() {
        return Double.isInfinite(factor);
    }
}

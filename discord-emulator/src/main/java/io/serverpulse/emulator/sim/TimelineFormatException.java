package io.serverpulse.emulator.sim;

/** A timeline file that does not follow TIMELINE_FORMAT.md; the message names the line. */
public final class TimelineFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public TimelineFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line number of the offending line. */
    public int line() {
        return line;
    }
}

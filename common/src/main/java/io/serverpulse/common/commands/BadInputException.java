package io.serverpulse.common.commands;

import java.util.Arrays;

/**
 * Input a member can fix (an unknown command, a missing or out-of-range option, an unknown button).
 * Answered with the localized text {@code key} as an ephemeral message; nothing is changed.
 */
public class BadInputException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public BadInputException(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return "BadInputException[" + key + " " + Arrays.toString(args) + "]";
    }
}

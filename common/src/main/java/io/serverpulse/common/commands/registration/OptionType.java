package io.serverpulse.common.commands.registration;

/** Discord's application command option types that ServerPulse uses. */
public enum OptionType {
    SUB_COMMAND(1),
    STRING(3),
    INTEGER(4),
    USER(6),
    CHANNEL(7),
    NUMBER(10);

    private final int code;

    OptionType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

package io.serverpulse.emulator.model;

/** The channel types the emulator simulates, with Discord's numeric codes. */
public enum ChannelType {
    GUILD_TEXT(0),
    GUILD_VOICE(2),
    GUILD_CATEGORY(4);

    private final int code;

    ChannelType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

package io.serverpulse.emulator.state;

/** A guild channel; {@code type} is Discord's numeric channel type. */
public record ChannelRecord(long id, long guildId, String name, int type, int position, Long parentId, String topic) {

    public static final int GUILD_TEXT = 0;
    public static final int GUILD_VOICE = 2;
    public static final int GUILD_CATEGORY = 4;
    public static final int GUILD_ANNOUNCEMENT = 5;
    public static final int GUILD_STAGE_VOICE = 13;

    /** Whether messages can be posted here (text, announcement, and the text chat of voice channels). */
    public boolean acceptsMessages() {
        return type == GUILD_TEXT || type == GUILD_ANNOUNCEMENT || type == GUILD_VOICE || type == GUILD_STAGE_VOICE;
    }

    public boolean isVoice() {
        return type == GUILD_VOICE || type == GUILD_STAGE_VOICE;
    }
}

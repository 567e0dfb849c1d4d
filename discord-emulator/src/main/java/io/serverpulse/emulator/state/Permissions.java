package io.serverpulse.emulator.state;

/** Discord permission bits the emulator uses. */
public final class Permissions {

    public static final long CREATE_INSTANT_INVITE = 1L;
    public static final long ADMINISTRATOR = 1L << 3;
    public static final long MANAGE_CHANNELS = 1L << 4;
    public static final long MANAGE_GUILD = 1L << 5;
    public static final long ADD_REACTIONS = 1L << 6;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long MANAGE_MESSAGES = 1L << 13;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    public static final long CONNECT = 1L << 20;
    public static final long SPEAK = 1L << 21;
    public static final long CHANGE_NICKNAME = 1L << 26;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;

    /** What {@code @everyone} may do in a fresh community server. */
    public static final long EVERYONE_DEFAULT = CREATE_INSTANT_INVITE | ADD_REACTIONS | VIEW_CHANNEL | SEND_MESSAGES
            | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS | CONNECT | SPEAK | CHANGE_NICKNAME
            | USE_APPLICATION_COMMANDS;

    /** What an analytics bot asks for when it is installed: post, embed, attach, read history, create channels. */
    public static final long BOT_DEFAULT = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES
            | READ_MESSAGE_HISTORY | ADD_REACTIONS | MANAGE_CHANNELS | USE_APPLICATION_COMMANDS;

    private Permissions() {
    }

    public static boolean has(long granted, long needed) {
        return (granted & ADMINISTRATOR) != 0 || (granted & needed) == needed;
    }
}

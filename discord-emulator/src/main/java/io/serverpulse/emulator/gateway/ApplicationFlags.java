package io.serverpulse.emulator.gateway;

/** The application flags Discord sets for the privileged intents an app is granted. */
public final class ApplicationFlags {

    public static final int GATEWAY_PRESENCE = 1 << 12;
    public static final int GATEWAY_GUILD_MEMBERS = 1 << 14;
    public static final int GATEWAY_MESSAGE_CONTENT = 1 << 18;

    private ApplicationFlags() {
    }

    public static int of(int grantedPrivilegedIntents) {
        int flags = 0;
        if (Intents.has(grantedPrivilegedIntents, Intents.GUILD_PRESENCES)) {
            flags |= GATEWAY_PRESENCE;
        }
        if (Intents.has(grantedPrivilegedIntents, Intents.GUILD_MEMBERS)) {
            flags |= GATEWAY_GUILD_MEMBERS;
        }
        if (Intents.has(grantedPrivilegedIntents, Intents.MESSAGE_CONTENT)) {
            flags |= GATEWAY_MESSAGE_CONTENT;
        }
        return flags;
    }
}

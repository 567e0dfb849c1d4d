package io.serverpulse.emulator.gateway;

/** Discord's gateway intents (API v10) and which dispatches each one guards. */
public final class Intents {

    public static final int GUILDS = 1;
    public static final int GUILD_MEMBERS = 1 << 1;
    public static final int GUILD_MODERATION = 1 << 2;
    public static final int GUILD_EXPRESSIONS = 1 << 3;
    public static final int GUILD_INTEGRATIONS = 1 << 4;
    public static final int GUILD_WEBHOOKS = 1 << 5;
    public static final int GUILD_INVITES = 1 << 6;
    public static final int GUILD_VOICE_STATES = 1 << 7;
    public static final int GUILD_PRESENCES = 1 << 8;
    public static final int GUILD_MESSAGES = 1 << 9;
    public static final int GUILD_MESSAGE_REACTIONS = 1 << 10;
    public static final int GUILD_MESSAGE_TYPING = 1 << 11;
    public static final int DIRECT_MESSAGES = 1 << 12;
    public static final int DIRECT_MESSAGE_REACTIONS = 1 << 13;
    public static final int DIRECT_MESSAGE_TYPING = 1 << 14;
    public static final int MESSAGE_CONTENT = 1 << 15;
    public static final int GUILD_SCHEDULED_EVENTS = 1 << 16;
    public static final int AUTO_MODERATION_CONFIGURATION = 1 << 20;
    public static final int AUTO_MODERATION_EXECUTION = 1 << 21;
    public static final int GUILD_MESSAGE_POLLS = 1 << 24;
    public static final int DIRECT_MESSAGE_POLLS = 1 << 25;

    /** The intents an app must be granted before it may identify with them. */
    public static final int PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;

    /** Every intent Discord defines; other bits make IDENTIFY fail with 4013. */
    public static final int ALL = GUILDS | GUILD_MEMBERS | GUILD_MODERATION | GUILD_EXPRESSIONS | GUILD_INTEGRATIONS
            | GUILD_WEBHOOKS | GUILD_INVITES | GUILD_VOICE_STATES | GUILD_PRESENCES | GUILD_MESSAGES
            | GUILD_MESSAGE_REACTIONS | GUILD_MESSAGE_TYPING | DIRECT_MESSAGES | DIRECT_MESSAGE_REACTIONS
            | DIRECT_MESSAGE_TYPING | MESSAGE_CONTENT | GUILD_SCHEDULED_EVENTS | AUTO_MODERATION_CONFIGURATION
            | AUTO_MODERATION_EXECUTION | GUILD_MESSAGE_POLLS | DIRECT_MESSAGE_POLLS;

    /** No intent: the event is always sent (READY, RESUMED, INTERACTION_CREATE, GUILD_MEMBERS_CHUNK, ...). */
    public static final int NONE = 0;

    private Intents() {
    }

    /** The intent a guild dispatch needs, as Discord's "List of Intents" assigns them. */
    public static int requiredFor(String dispatchType) {
        return switch (dispatchType) {
            case "GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE", "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE",
                    "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE", "GUILD_ROLE_DELETE" -> GUILDS;
            case "GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE" -> GUILD_MEMBERS;
            case "VOICE_STATE_UPDATE" -> GUILD_VOICE_STATES;
            case "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK" -> GUILD_MESSAGES;
            case "MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE", "MESSAGE_REACTION_REMOVE_ALL",
                    "MESSAGE_REACTION_REMOVE_EMOJI" -> GUILD_MESSAGE_REACTIONS;
            case "PRESENCE_UPDATE" -> GUILD_PRESENCES;
            case "TYPING_START" -> GUILD_MESSAGE_TYPING;
            default -> NONE;
        };
    }

    public static boolean has(int intents, int flag) {
        return (intents & flag) == flag;
    }
}

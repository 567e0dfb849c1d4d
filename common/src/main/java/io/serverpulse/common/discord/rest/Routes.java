package io.serverpulse.common.discord.rest;

/**
 * Every Discord REST route ServerPulse calls, each declared once
 * (<a href="https://discord.com/developers/docs/reference">Discord's API reference</a> names them).
 */
public final class Routes {

    /** The bot's own user. */
    public static final Route CURRENT_USER = Route.get("/users/@me");
    /** The guilds the bot is in, 200 at most per page ({@code ?limit=&after=}). */
    public static final Route CURRENT_USER_GUILDS = Route.get("/users/@me/guilds");

    public static final Route CHANNEL = Route.get("/channels/{channel.id}");
    /** A channel's latest messages, newest first ({@code ?limit=} up to 100). */
    public static final Route CHANNEL_MESSAGES = Route.get("/channels/{channel.id}/messages");
    public static final Route MESSAGE_CREATE = Route.post("/channels/{channel.id}/messages");
    public static final Route MESSAGE_EDIT = Route.patch("/channels/{channel.id}/messages/{message.id}");

    /** A guild the bot is in (403 or 404 once it left). */
    public static final Route GUILD = Route.get("/guilds/{guild.id}");
    public static final Route GUILD_CHANNELS = Route.get("/guilds/{guild.id}/channels");
    public static final Route GUILD_CHANNEL_CREATE = Route.post("/guilds/{guild.id}/channels");

    /** Bulk overwrite of the application's global commands. */
    public static final Route GLOBAL_COMMANDS_OVERWRITE = Route.put("/applications/{application.id}/commands");
    /** Bulk overwrite of the application's commands in one guild. */
    public static final Route GUILD_COMMANDS_OVERWRITE = Route.put("/applications/{application.id}/guilds/{guild.id}/commands");

    /** The initial answer to an interaction; authorised by the interaction's token. */
    public static final Route INTERACTION_CALLBACK = Route.post("/interactions/{interaction.id}/{interaction.token}/callback");
    /**
     * The edit of an interaction's first answer ({@code @original}), through the application's
     * webhook (the application id is the webhook id); authorised by the interaction's token.
     */
    public static final Route ORIGINAL_RESPONSE_EDIT = Route.patch("/webhooks/{webhook.id}/{webhook.token}/messages/@original");

    private Routes() {
    }
}

package io.serverpulse.emulator.rest;

/** Keys of the routes tests most often rate-limit ({@code METHOD /template}, as {@link Route#key()}). */
public final class RouteKeys {

    public static final String CREATE_MESSAGE = "POST /channels/{channel_id}/messages";
    public static final String EDIT_MESSAGE = "PATCH /channels/{channel_id}/messages/{message_id}";
    public static final String CREATE_CHANNEL = "POST /guilds/{guild_id}/channels";
    public static final String INTERACTION_CALLBACK = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    public static final String FOLLOW_UP = "POST /webhooks/{application_id}/{interaction_token}";
    public static final String EDIT_WEBHOOK_MESSAGE = "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}";
    public static final String OVERWRITE_GLOBAL_COMMANDS = "PUT /applications/{application_id}/commands";
    public static final String OVERWRITE_GUILD_COMMANDS = "PUT /applications/{application_id}/guilds/{guild_id}/commands";

    private RouteKeys() {
    }
}

package io.serverpulse.common.discord.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteTest {

    private static final long CHANNEL = 1176201535215009855L;
    private static final long MESSAGE = 1180151035315077209L;
    private static final long GUILD = 1176201535215009852L;
    private static final long APPLICATION = 1177777777777777777L;
    private static final String TOKEN = "aW50ZXJhY3Rpb24.SECRET";

    @Test
    void aChannelRouteIsBucketedByItsTemplateAndChannel() {
        // GIVEN / WHEN the message-create template compiled for one channel
        CompiledRoute route = Routes.MESSAGE_CREATE.compile(CHANNEL);

        // THEN the path has the id, the key is the template, the channel is the major parameter, with the bot token
        assertThat(route.path()).isEqualTo("/channels/1176201535215009855/messages");
        assertThat(route.key()).isEqualTo("POST /channels/{channel.id}/messages");
        assertThat(route.major()).isEqualTo("1176201535215009855");
        assertThat(route.route().botAuth()).isTrue();
    }

    @Test
    void theFirstMajorParameterSplitsTheBucketAndOtherIdsDoNot() {
        // GIVEN / WHEN an edit (channel, then message) and a guild command overwrite (application, then guild)
        CompiledRoute edit = Routes.MESSAGE_EDIT.compile(CHANNEL, MESSAGE);
        CompiledRoute commands = Routes.GUILD_COMMANDS_OVERWRITE.compile(APPLICATION, GUILD);

        // THEN the channel and the guild are the major parameters; the message and application ids are not
        assertThat(edit.path()).isEqualTo("/channels/1176201535215009855/messages/1180151035315077209");
        assertThat(edit.major()).isEqualTo("1176201535215009855");
        assertThat(commands.path()).isEqualTo("/applications/1177777777777777777/guilds/1176201535215009852/commands");
        assertThat(commands.major()).isEqualTo("1176201535215009852");
        assertThat(Routes.GLOBAL_COMMANDS_OVERWRITE.compile(APPLICATION).major()).isEmpty();
    }

    @Test
    void aWebhookRouteIsAuthorisedByItsTokenWhichIsPartOfTheBucketButNeverShown() {
        // GIVEN / WHEN the edit of an interaction's @original
        CompiledRoute route = Routes.ORIGINAL_RESPONSE_EDIT.compile(APPLICATION, TOKEN);

        // THEN the token is in the path and the major parameter, never in what is logged, and no bot token is sent
        assertThat(route.path()).isEqualTo("/webhooks/1177777777777777777/aW50ZXJhY3Rpb24.SECRET/messages/@original");
        assertThat(route.major()).isEqualTo("1177777777777777777/aW50ZXJhY3Rpb24.SECRET");
        assertThat(route.route().botAuth()).isFalse();
        assertThat(route.toString()).isEqualTo("PATCH /webhooks/{webhook.id}/{webhook.token}/messages/@original")
                .doesNotContain("SECRET");
        assertThat(RestCall.json(route, "{}").toString()).doesNotContain("SECRET");
    }

    @Test
    void anInteractionCallbackHasNoMajorParameterAndNoBotToken() {
        // GIVEN / WHEN a callback
        CompiledRoute route = Routes.INTERACTION_CALLBACK.compile(MESSAGE, TOKEN);

        // THEN
        assertThat(route.path()).isEqualTo("/interactions/1180151035315077209/aW50ZXJhY3Rpb24.SECRET/callback");
        assertThat(route.major()).isEmpty();
        assertThat(route.route().botAuth()).isFalse();
        assertThat(route.toString()).doesNotContain("SECRET");
    }

    @Test
    void aQueryIsAddedWithoutChangingTheBucket() {
        // GIVEN / WHEN the channel history with a limit
        CompiledRoute route = Routes.CHANNEL_MESSAGES.compile(CHANNEL).query("limit", 100);

        // THEN
        assertThat(route.path()).isEqualTo("/channels/1176201535215009855/messages?limit=100");
        assertThat(route.key()).isEqualTo("GET /channels/{channel.id}/messages");
        assertThat(route.major()).isEqualTo("1176201535215009855");
    }

    @Test
    void aSnowflakeAboveLongMaxIsWrittenUnsignedAndTextIsEncodedAsAPathSegment() {
        // GIVEN a snowflake whose top bit is set, and a value with characters a path segment may not hold
        long big = Long.parseUnsignedLong("18446744073709551615");

        // WHEN / THEN
        assertThat(Routes.CHANNEL.compile(big).path()).isEqualTo("/channels/18446744073709551615");
        assertThat(Routes.INTERACTION_CALLBACK.compile("1", "a/b?c d").path()).isEqualTo("/interactions/1/a%2Fb%3Fc%20d/callback");
    }

    @Test
    void theWrongNumberOfValuesIsRefused() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> Routes.MESSAGE_EDIT.compile(CHANNEL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PATCH /channels/{channel.id}/messages/{message.id} takes 2 values");
        assertThatThrownBy(() -> Route.get("channels/{channel.id}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Route.get("/channels/{channel}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routesAreEqualByMethodAndTemplate() {
        // GIVEN / WHEN / THEN the same template declared twice is the same route (one bucket key)
        assertThat(Route.post("/channels/{channel.id}/messages")).isEqualTo(Routes.MESSAGE_CREATE)
                .hasSameHashCodeAs(Routes.MESSAGE_CREATE);
        assertThat(Route.get("/channels/{channel.id}/messages")).isNotEqualTo(Routes.MESSAGE_CREATE);
    }
}

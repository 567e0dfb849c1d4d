package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMES;
import static io.serverpulse.common.commands.CommandKit.OTHER_GUILD;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A channel option or select value is accepted only if it belongs to the interaction's guild: Discord's
 * {@code resolved} data names each channel's {@code guild_id} (or, as its documented partial channel, resolves
 * only channels of the interaction's guild). A channel of another guild, or one the interaction does not
 * resolve at all (and no directory can place), is refused ephemerally and nothing is saved.
 */
class ChannelOwnershipTest {

    private static final String OTHER_GUILD_TEXT = " isn’t a channel of this server. Pick one of this server’s channels."
            + " Nothing was changed.";
    private static final String UNVERIFIED_TEXT = " is a channel of this server. Pick it from the list Discord offers."
            + " Nothing was changed.";

    private final CommandKit kit = new CommandKit();

    /** Every command that takes a channel, with the channel id it carries. */
    static Stream<Arguments> commandsTakingAChannel() {
        return Stream.of(
                Arguments.of("add-collect-channel.json", 1176201535215009855L),
                Arguments.of("remove-collect-channel.json", 1176201535215009855L),
                Arguments.of("set-update-channel.json", 1176201535215009860L),
                Arguments.of("leaderboard.json", 1176201535215009855L),
                Arguments.of("setup-update-channel.json", 1176201535215009860L),
                Arguments.of("setup-collect-channels.json", 1176201535215009861L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsTakingAChannel")
    void aChannelOfAnotherGuildIsRefused(String fixture, long channel) {
        // GIVEN a guild collecting #general and #memes, and an interaction whose channel Discord resolves in another guild
        GuildSettings before = GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL, MEMES), Instant.EPOCH);
        kit.store.saveSettings(before);
        ObjectNode body = fixture(fixture);
        resolved(body, channel).put("guild_id", Long.toUnsignedString(OTHER_GUILD));

        // WHEN it is run
        Answer answer = kit.run(body);

        // THEN the member is told privately that the channel is not this server's, and nothing was saved
        assertThat(answer.type()).isEqualTo(InteractionResponse.CHANNEL_MESSAGE);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("<#" + channel + ">" + OTHER_GUILD_TEXT);
        assertThat(kit.store.settings(GUILD)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsTakingAChannel")
    void aChannelDiscordDidNotResolveIsRefusedWithoutADirectory(String fixture, long channel) {
        // GIVEN an interaction carrying a channel id Discord did not resolve (and no bot token to ask Discord)
        GuildSettings before = GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL, MEMES), Instant.EPOCH);
        kit.store.saveSettings(before);
        ObjectNode body = fixture(fixture);
        ((ObjectNode) body.at("/data/resolved/channels")).remove(Long.toString(channel));

        // WHEN it is run
        Answer answer = kit.run(body);

        // THEN it is refused as unverified, privately, and nothing was saved
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("I couldn’t confirm that <#" + channel + ">" + UNVERIFIED_TEXT);
        assertThat(kit.store.settings(GUILD)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsTakingAChannel")
    void aChannelDiscordResolvedAsItsDocumentedPartialChannelIsThisGuilds(String fixture, long channel) {
        // GIVEN the channel resolved as Discord documents a partial channel: id, name, type, permissions, no guild_id
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL, MEMES), Instant.EPOCH));
        ObjectNode body = fixture(fixture);
        resolved(body, channel).remove("guild_id");

        // WHEN it is run
        Answer answer = kit.run(body);

        // THEN no ownership refusal: Discord resolves only channels of the interaction's guild
        assertThat(answer.text()).doesNotContain("isn’t a channel of this server").doesNotContain("couldn’t confirm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsTakingAChannel")
    void aChannelResolvedInThisGuildIsAccepted(String fixture, long channel) {
        // GIVEN the fixture as Discord sends it: the channel resolved with this guild's id
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL, MEMES), Instant.EPOCH));

        // WHEN it is run
        Answer answer = kit.run(fixture(fixture));

        // THEN no ownership refusal
        assertThat(answer.text()).doesNotContain("isn’t a channel of this server").doesNotContain("couldn’t confirm");
    }

    private static ObjectNode resolved(ObjectNode body, long channel) {
        JsonNode node = body.at("/data/resolved/channels/" + channel);
        assertThat(node.isObject()).as("the fixture resolves channel %s", channel).isTrue();
        return (ObjectNode) node;
    }
}

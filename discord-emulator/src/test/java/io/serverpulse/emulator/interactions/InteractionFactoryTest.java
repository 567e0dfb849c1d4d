package io.serverpulse.emulator.interactions;

import static io.serverpulse.emulator.interactions.Fixtures.ADMIN_IN_GENERAL;
import static io.serverpulse.emulator.interactions.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.spec.SpecValidator;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InteractionFactoryTest {

    private static final long STATS_COMMAND_ID = 1_300_000_000_000_000_500L;

    static SlashCommand statsTopInChannel() {
        return SlashCommand.of(STATS_COMMAND_ID, "stats",
                new SlashCommand.Group("members", SlashCommand.Subcommand.of("top",
                        SlashCommand.Value.integer("days", 7),
                        SlashCommand.Value.channel("channel", Fixtures.ALERTS),
                        SlashCommand.Value.user("member", Fixtures.MEMBER))));
    }

    static SourceMessage statsMessage() {
        ObjectNode row = Fixtures.MAPPER.createObjectNode().put("type", 1);
        row.putArray("components").addObject().put("type", 2).put("style", 1).put("label", "Refresh").put("custom_id", "sp:stats:refresh");
        return new SourceMessage(1_300_000_000_000_000_900L, Fixtures.GENERAL.id(), Fixtures.BOT, "Top members",
                Fixtures.MAPPER.createArrayNode().add(row), Fixtures.NOW.minusSeconds(60));
    }

    @Test
    void aPingCarriesOnlyWhatDiscordSendsInAPing() {
        // GIVEN / WHEN
        ObjectNode ping = Fixtures.factory().ping();

        // THEN
        assertThat(Fixtures.wire(ping)).isEqualTo(json("interactions/ping.json"));
        assertThat(ping.has("locale")).as("locale is on every type but PING").isFalse();
    }

    @Test
    void aSlashCommandLooksLikeDiscordsWithSubcommandsAndResolvedEntities() {
        // GIVEN an admin running /stats members top days:7 channel:#alerts member:@bob in #general
        // WHEN built
        ObjectNode command = Fixtures.factory().slashCommand(ADMIN_IN_GENERAL, statsTopInChannel());

        // THEN it is the interaction Discord would send (reviewed against receiving-and-responding.mdx)
        assertThat(Fixtures.wire(command)).isEqualTo(json("interactions/slash-command.json"));
        assertThat(command.path("member").path("permissions").asText()).isEqualTo(Long.toString(Fixtures.ADMIN.permissions()));
        assertThat(command.path("data").path("resolved").path("members").path(Long.toString(Fixtures.BOB.id())).has("user"))
                .as("resolved members are partial: no user, deaf or mute").isFalse();
    }

    @Test
    void aButtonClickAndASelectCarryTheMessageAndTheirValues() {
        // GIVEN the bot's message with a button
        SourceMessage message = statsMessage();

        // WHEN a button is clicked and a channel select is used
        ObjectNode click = Fixtures.factory().componentUse(ADMIN_IN_GENERAL, message, ComponentUse.button("sp:stats:refresh"));
        ObjectNode select = Fixtures.factory().componentUse(ADMIN_IN_GENERAL, message, ComponentUse.channelSelect("sp:channels", Fixtures.ALERTS));
        ObjectNode choice = Fixtures.factory().componentUse(ADMIN_IN_GENERAL, message, ComponentUse.stringSelect("sp:period", "week"));

        // THEN
        assertThat(Fixtures.wire(click)).isEqualTo(json("interactions/button-click.json"));
        assertThat(click.path("data").has("values")).as("a button has no values").isFalse();
        assertThat(select.path("data").path("values")).containsExactly(Fixtures.MAPPER.valueToTree(Long.toString(Fixtures.ALERTS.id())));
        assertThat(select.path("data").path("resolved").path("channels").has(Long.toString(Fixtures.ALERTS.id()))).isTrue();
        assertThat(choice.path("data").path("component_type").asInt()).isEqualTo(3);
        assertThat(choice.path("data").path("values").path(0).asText()).isEqualTo("week");
    }

    @Test
    void aModalSubmitReturnsTheInputsInTheirLayout() {
        // GIVEN / WHEN a modal with one text input, submitted, in both layouts
        ObjectNode label = Fixtures.factory().modalSubmit(ADMIN_IN_GENERAL, ModalSubmit.of("sp:ai:key", new ModalSubmit.Field("key", "sk-test")));
        ObjectNode row = Fixtures.factory().modalSubmit(ADMIN_IN_GENERAL,
                new ModalSubmit("sp:ai:key", java.util.List.of(new ModalSubmit.Field("key", "sk-test")), ModalSubmit.Layout.ACTION_ROW));

        // THEN
        assertThat(Fixtures.wire(label.path("data"))).isEqualTo(json("interactions/modal-submit-data.json"));
        JsonNode input = row.path("data").path("components").path(0).path("components").path(0);
        assertThat(row.path("data").path("components").path(0).path("type").asInt()).isEqualTo(1);
        assertThat(input.path("custom_id").asText()).isEqualTo("key");
        assertThat(input.path("value").asText()).isEqualTo("sk-test");
    }

    @Test
    void everyInteractionHasAFreshSnowflakeIdAndToken() {
        // GIVEN one factory
        InteractionFactory factory = Fixtures.factory();
        Set<String> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();

        // WHEN many interactions are built
        for (int i = 0; i < 200; i++) {
            ObjectNode ping = factory.ping();
            ids.add(ping.path("id").asText());
            tokens.add(ping.path("token").asText());
        }

        // THEN all differ, and each id carries the clock's time
        assertThat(ids).hasSize(200);
        assertThat(tokens).hasSize(200);
        assertThat(ids).allSatisfy(id -> assertThat(Snowflake.timestamp(Long.parseLong(id))).isEqualTo(Fixtures.NOW));
    }

    @Test
    void theEntitiesMatchDiscordsOwnSchemas() {
        // GIVEN Discord's spec
        SpecValidator spec = SpecValidator.shared();
        assumeTrue(spec.enabled(), () -> spec.skipNotice().orElse(""));
        ObjectNode command = Fixtures.factory().slashCommand(ADMIN_IN_GENERAL, statsTopInChannel());
        ObjectNode click = Fixtures.factory().componentUse(ADMIN_IN_GENERAL, statsMessage(), ComponentUse.button("sp:stats:refresh"));

        // WHEN / THEN the user, member, channel, role and message we send have the shape of Discord's responses
        assertValid(spec.validateAgainstComponent("UserResponse", command.path("member").path("user")));
        assertValid(spec.validateAgainstComponent("GuildMemberResponse", command.path("member")));
        assertValid(spec.validateAgainstComponent("GuildChannelResponse", command.path("channel")));
        assertValid(spec.validateAgainstComponent("GuildRoleResponse", new Entities.Role(5L, "Mods", 8L, 2).toJson()));
        assertValid(spec.validateAgainstComponent("MessageResponse", click.path("message")));
    }

    private static void assertValid(SpecValidator.Result result) {
        assertThat(result.isValid()).as(result.describe()).isTrue();
    }
}

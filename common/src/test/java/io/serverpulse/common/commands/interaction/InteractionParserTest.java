package io.serverpulse.common.commands.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class InteractionParserTest {

    private final InteractionParser parser = new InteractionParser();
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/interactions/" + name)) {
            return (ObjectNode) json.readTree(in);
        }
    }

    @Test
    void readsASlashCommandAsDiscordSendsIt() throws IOException {
        // GIVEN Discord's payload for /set-update-channel #announcements
        String body = fixture("set-update-channel.json").toString();

        // WHEN it is parsed
        Interaction interaction = parser.parse(body);

        // THEN the envelope, the member's permissions, the option and the resolved channel are there
        assertThat(interaction.type()).isEqualTo(InteractionType.APPLICATION_COMMAND);
        assertThat(interaction.guildId()).contains(1176201535215009852L);
        assertThat(interaction.userId()).contains(539082325061836800L);
        assertThat(interaction.permissions()).contains(new BigInteger("1071698660961"));
        assertThat(interaction.locale()).isEqualTo("en-US");
        assertThat(interaction.attachmentSizeLimit()).isEqualTo(10_485_760L);
        assertThat(interaction.data().name()).isEqualTo("set-update-channel");
        assertThat(interaction.data().options()).singleElement()
                .satisfies(option -> assertThat(option.value().asText()).isEqualTo("1176201535215009860"));
        assertThat(interaction.data().resolvedChannels().get(1176201535215009860L).type()).isEqualTo(5);
        assertThat(interaction.toString()).doesNotContain(interaction.token());
    }

    @Test
    void readsSubCommandsComponentsAndModals() throws IOException {
        // GIVEN / WHEN a sub command, a channel select and a modal submit
        Interaction sub = parser.parse(fixture("ai-provider-set.json").toString());
        Interaction select = parser.parse(fixture("setup-collect-channels.json").toString());
        Interaction modal = parser.parse(fixture("ai-provider-key-submit.json").toString());

        // THEN each kind's data is read
        assertThat(sub.data().options()).singleElement().satisfies(option -> {
            assertThat(option.isSubCommand()).isTrue();
            assertThat(option.options()).hasSize(2);
        });
        assertThat(select.data().customId()).isEqualTo("setup:collect-channels");
        assertThat(select.data().componentType()).isEqualTo(8);
        assertThat(select.data().values()).hasSize(3);
        assertThat(modal.data().fields()).containsKey("key");
        assertThat(modal.data().toString()).doesNotContain(modal.data().fields().get("key"));
    }

    @Test
    void readsLegacyActionRowModals() {
        // GIVEN a modal submitted with the older action-row layout
        String body = """
                {"type":5,"id":"1180151035315077300","application_id":"1177777777777777777","token":"abc.def",
                 "guild_id":"1176201535215009852","member":{"permissions":"32","user":{"id":"539082325061836800"}},
                 "data":{"custom_id":"ai-provider:key","components":[{"type":1,"components":[{"type":4,"custom_id":"key","value":"k-123456789"}]}]}}
                """;

        // WHEN / THEN the text input is found
        assertThat(parser.parse(body).data().fields()).containsEntry("key", "k-123456789");
    }

    @Test
    void aDirectMessageHasNoGuildAndNoPermissions() throws IOException {
        // GIVEN a command used in a DM (user instead of member)
        Interaction interaction = parser.parse(fixture("dm-topmessagers.json").toString());

        // WHEN / THEN it is not in a guild, and the user is still known
        assertThat(interaction.inGuild()).isFalse();
        assertThat(interaction.permissions()).isEmpty();
        assertThat(interaction.userId()).contains(539082325061836800L);
    }

    @Test
    void malformedPermissionsCountAsNone() throws IOException {
        for (String permissions : new String[] {"-32", "abc", "", "1e5", "9".repeat(60)}) {
            // GIVEN a member whose permissions are not a decimal bit set
            ObjectNode body = fixture("setup.json");
            ((ObjectNode) body.get("member")).put("permissions", permissions);

            // WHEN / THEN they are read as no permissions at all (fail closed)
            assertThat(parser.parse(body.toString()).permissions()).as(permissions).contains(BigInteger.ZERO);
        }
        ObjectNode numeric = fixture("setup.json");
        ((ObjectNode) numeric.get("member")).put("permissions", 32);
        assertThat(parser.parse(numeric.toString()).permissions()).contains(BigInteger.ZERO);
    }

    @Test
    void bodiesThatAreNotInteractionsAreRejected() throws IOException {
        ObjectNode noToken = fixture("setup.json");
        noToken.remove("token");
        ObjectNode pathToken = fixture("setup.json");
        pathToken.put("token", "../../channels/1/messages");
        ObjectNode badGuild = fixture("setup.json");
        badGuild.put("guild_id", "general");
        ObjectNode unknownType = fixture("setup.json");
        unknownType.put("type", 42);
        ObjectNode stringType = fixture("setup.json");
        stringType.put("type", "2");
        // GIVEN / WHEN / THEN each is not an interaction (HTTP 400), with a reason that does not quote the body
        for (String body : new String[] {null, "", "   ", "{", "[]", "\"type\"", "42", "null", "{}", "{\"type\":2}",
                noToken.toString(), pathToken.toString(), badGuild.toString(), unknownType.toString(), stringType.toString(),
                "[".repeat(5000) + "]".repeat(5000)}) {
            assertThatThrownBy(() -> parser.parse(body)).as("%s", body == null ? "null" : body.substring(0, Math.min(40, body.length())))
                    .isInstanceOf(NotAnInteractionException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("channels/1"));
        }
    }

    @Test
    void aPingNeedsOnlyItsType() {
        // GIVEN / WHEN / THEN Discord's endpoint check parses whatever else it carries
        assertThat(parser.parse("{\"type\":1}").type()).isEqualTo(InteractionType.PING);
    }

    @Test
    void malformedDataIsLeftOutNotFatal() throws IOException {
        // GIVEN a command whose options are not what Discord sends
        ObjectNode body = fixture("topmessagers.json");
        ((ObjectNode) body.get("data")).set("options", json.readTree("[42, {\"type\":3}, {\"name\":\"period\",\"value\":[1]}, null]"));
        ((ObjectNode) body.get("data")).set("resolved", json.readTree("{\"channels\":{\"x\":{},\"12\":5}}"));

        // WHEN it is parsed
        Interaction interaction = parser.parse(body.toString());

        // THEN only the well-formed option remains (its odd value is the command's to refuse)
        assertThat(interaction.data().options()).singleElement()
                .satisfies(option -> assertThat(option.value().isArray()).isTrue());
        assertThat(interaction.data().resolvedChannels()).isEmpty();
    }
}

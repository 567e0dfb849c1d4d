package io.serverpulse.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.spec.SpecValidator.Result;
import java.time.Duration;
import java.time.Instant;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.mediagallery.MediaGallery;
import net.dv8tion.jda.api.components.mediagallery.MediaGalleryItem;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.separator.Separator;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessagePollData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bodies JDA 6.5 really sends, built with JDA's own builders and serializers, against Discord's
 * spec. These are what found the leniencies the emulator needs.
 */
class JdaBodiesTest {

    private static final String MESSAGES = "/api/v10/channels/1234567890123456789/messages";
    private static final Emoji CUSTOM_EMOJI = Emoji.fromCustom("pulse", 123456789012345678L, false);

    private SpecValidator validator;

    @BeforeEach
    void spec() {
        validator = SpecFixtures.validator();
    }

    static MessageEmbed digestEmbed() {
        return new EmbedBuilder()
                .setTitle("Weekly digest", "https://example.org/digest")
                .setDescription("Activity is up 12% on last week.")
                .setColor(0x5865F2)
                .addField("Messages", "4,210", true)
                .addField("Active members", "187", true)
                .addField("Busiest channel", "<#1234567890123456789>", false)
                .setFooter("ServerPulse")
                .setAuthor("ServerPulse")
                .setThumbnail("attachment://activity.png")
                .setTimestamp(Instant.parse("2026-01-05T10:00:00Z"))
                .build();
    }

    static SlashCommandData statsCommand() {
        return Commands.slash("stats", "Server activity")
                .addSubcommands(
                        new SubcommandData("overview", "Overview").addOption(OptionType.CHANNEL, "channel", "Only this channel", false),
                        new SubcommandData("top", "Top members").addOptions(
                                new OptionData(OptionType.INTEGER, "days", "How many days").setRequiredRange(1, 90),
                                new OptionData(OptionType.STRING, "period", "Period").addChoice("Day", "day").addChoice("Week", "week")))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    private void assertAccepted(Result result) {
        assertThat(result.isValid()).as(result.describe()).isTrue();
    }

    @Test
    void sendMessageWithAnEmbedIsAcceptedAsIs() {
        // GIVEN channel.sendMessage(content).setEmbeds(embed) as JDA serializes it
        JsonNode body = JdaBodies.createMessage(new MessageCreateBuilder().setContent("Weekly digest").setEmbeds(digestEmbed()).build());

        // WHEN validated against the spec
        Result result = validator.validate("POST", MESSAGES, body);

        // THEN accepted, and no leniency was needed
        assertAccepted(result);
        assertThat(result.leniencies()).isEmpty();
    }

    @Test
    void sendMessageWithAFileIsAcceptedThanksToSnowflakeAsNumber() {
        // GIVEN a message with an uploaded chart: JDA sends "attachments":[{"id":0,…}] in payload_json
        MessageCreateData data = new MessageCreateBuilder().setEmbeds(digestEmbed())
                .addFiles(FileUpload.fromData(new byte[] {1, 2, 3}, "activity.png").setDescription("Activity chart")).build();
        String payloadJson = JdaBodies.createMessage(data).toString();
        assertThat(payloadJson).contains("\"id\":0");

        // WHEN validated as the payload_json part of the multipart request
        Result result = validator.validateMultipartPayload("POST", MESSAGES, payloadJson);
        Result strict = validator.withLeniencies(Leniencies.none()).validateMultipartPayload("POST", MESSAGES, payloadJson);

        // THEN accepted only thanks to the named leniency
        assertAccepted(result);
        assertThat(result.leniencies()).containsExactly("snowflake-as-number");
        assertThat(strict.readableProblems()).containsExactly("attachments[0].id[NUMBER_TYPE_COERCE]: Value \"0\" is not snowflake.");
    }

    @Test
    void componentsWithCustomEmojiAndSelectMenusAreAccepted() {
        // GIVEN buttons with emoji, an entity select with a default channel and a string select (JDA sends emoji ids as numbers)
        MessageCreateData data = new MessageCreateBuilder().setContent("Pick")
                .setComponents(
                        ActionRow.of(Button.secondary("sp:a", "A").withEmoji(CUSTOM_EMOJI), Button.danger("sp:b", Emoji.fromUnicode("🔥")),
                                Button.link("https://example.org", "Open")),
                        ActionRow.of(EntitySelectMenu.create("sp:ch", EntitySelectMenu.SelectTarget.CHANNEL).setChannelTypes(ChannelType.TEXT)
                                .setDefaultValues(EntitySelectMenu.DefaultValue.channel(55L)).setMaxValues(5).build()),
                        ActionRow.of(StringSelectMenu.create("sp:period").addOption("Day", "day", "Last 24 h", CUSTOM_EMOJI)
                                .addOption("Week", "week").setPlaceholder("Period").build()))
                .mentionUsers(111L)
                .build();

        // WHEN / THEN
        Result result = validator.validate("POST", MESSAGES, JdaBodies.createMessage(data));
        assertAccepted(result);
        assertThat(result.leniencies()).containsExactly("snowflake-as-number");
    }

    @Test
    void componentsV2AndPollsAreAccepted() {
        // GIVEN a Components V2 message with files, and a poll with a custom emoji answer
        MessageCreateData v2 = new MessageCreateBuilder().useComponentsV2().setComponents(Container.of(
                TextDisplay.of("# Digest"),
                Separator.createDivider(Separator.Spacing.SMALL),
                MediaGallery.of(MediaGalleryItem.fromFile(FileUpload.fromData(new byte[] {1}, "chart.png"))),
                ActionRow.of(Button.primary("sp:more", "More"))).withAccentColor(0x00FF00)).build();
        MessageCreateData poll = new MessageCreateBuilder().setPoll(MessagePollData.builder("Best channel?")
                .addAnswer("#general").addAnswer("#memes", CUSTOM_EMOJI).setDuration(Duration.ofHours(24)).build()).build();

        // WHEN / THEN
        assertAccepted(validator.validateMultipartPayload("POST", MESSAGES, JdaBodies.createMessage(v2).toString()));
        assertAccepted(validator.validate("POST", MESSAGES, JdaBodies.createMessage(poll)));
    }

    @Test
    void editsAreAccepted() {
        // GIVEN message.editMessage(...) and hook.editOriginal(...) bodies
        JsonNode edit = JdaBodies.editMessage(new MessageEditBuilder().setContent("edited").setReplace(true).build());
        JsonNode original = JdaBodies.editMessage(MessageEditBuilder.fromCreateData(
                new MessageCreateBuilder().setEmbeds(digestEmbed()).addFiles(FileUpload.fromData(new byte[] {1}, "activity.png")).build()).build());

        // WHEN / THEN
        assertAccepted(validator.validate("PATCH", MESSAGES + "/42", edit));
        assertAccepted(validator.validate("PATCH", "/api/v10/webhooks/1/token/messages/@original", original));
    }

    @Test
    void interactionResponsesAreAccepted() {
        // GIVEN reply (ephemeral, with components), deferReply, deferEdit, editMessage and replyModal as JDA sends them
        MessageCreateData reply = new MessageCreateBuilder().setEmbeds(digestEmbed())
                .setComponents(ActionRow.of(Button.primary("sp:refresh", "Refresh"))).build();
        Modal modal = Modal.create("sp:ai:key", "AI provider key")
                .addComponents(Label.of("API key", TextInput.create("key", TextInputStyle.SHORT).setRequiredRange(1, 200).build()))
                .build();

        // WHEN / THEN every callback type JDA uses is accepted
        assertAccepted(validator.validateInteractionCallback(JdaBodies.reply(reply, true)));
        assertAccepted(validator.validateInteractionCallback(JdaBodies.deferReply(true)));
        assertAccepted(validator.validateInteractionCallback(JdaBodies.deferEdit()));
        assertAccepted(validator.validateInteractionCallback(JdaBodies.updateMessage(MessageEditBuilder.fromCreateData(reply).build())));
        assertAccepted(validator.validateInteractionCallback(JdaBodies.modal(modal)));
    }

    @Test
    void commandRegistrationIsAcceptedThanksToNumericStringAsInteger() {
        // GIVEN updateCommands() with a slash command with subcommands, Manage Server by default, guild only, and a user command
        JsonNode body = JdaBodies.commands(statsCommand(), Commands.user("Activity"));
        assertThat(body.path(0).path("contexts").path(0).isTextual()).as("JDA sends contexts as strings").isTrue();

        // WHEN validated as PUT /applications/{id}/commands
        Result result = validator.validate("PUT", "/api/v10/applications/1/commands", body);
        Result strict = validator.withLeniencies(Leniencies.none()).validate("PUT", "/api/v10/applications/1/commands", body);

        // THEN accepted only thanks to the named leniency
        assertAccepted(result);
        assertThat(result.leniencies()).containsExactly("numeric-string-as-integer");
        assertThat(strict.readableProblems()).contains(
                "0.contexts[0][NUMBER_TYPE_COERCE]: Value \"0\" is not int.",
                "0.default_member_permissions[NUMBER_TYPE_COERCE]: Value \"32\" is not int.");
    }
}

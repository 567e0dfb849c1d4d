package io.serverpulse.emulator.spec;

import static io.serverpulse.emulator.spec.SpecFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.spec.SpecValidator.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each leniency: a JDA-shaped body passes only thanks to it, and a really invalid one still fails. */
class LeniencyTest {

    private static final String MESSAGES = "/api/v10/channels/1/messages";
    private static final String COMMANDS = "/api/v10/applications/1/commands";

    private SpecValidator validator;

    @BeforeEach
    void spec() {
        validator = SpecFixtures.validator();
    }

    private static ObjectNode withAttachmentId(Object id) {
        ObjectNode body = object("spec/bodies/message-digest-embed.json");
        ObjectNode attachment = body.putArray("attachments").addObject().put("filename", "activity.png");
        if (id instanceof Integer number) {
            attachment.put("id", number);
        } else if (id instanceof Double number) {
            attachment.put("id", number);
        } else {
            attachment.put("id", String.valueOf(id));
        }
        return body;
    }

    @Test
    void theDefaultsAreNamedAndExplained() {
        // GIVEN / WHEN / THEN
        assertThat(Leniencies.discordDefaults().all()).extracting(Leniency::name)
                .containsExactly("snowflake-as-number", "numeric-string-as-integer");
        assertThat(Leniencies.discordDefaults().all()).allSatisfy(leniency -> assertThat(leniency.reason()).isNotBlank());
    }

    @Test
    void snowflakeAsNumberAcceptsAWholeNumberOnly() {
        // GIVEN the attachment id as JDA sends it (a number), and as the spec wants it (a string)
        Result number = validator.validate("POST", MESSAGES, withAttachmentId(0));
        Result string = validator.validate("POST", MESSAGES, withAttachmentId("0"));

        // THEN both pass, the number only thanks to the leniency
        assertThat(number.isValid()).as(number.describe()).isTrue();
        assertThat(number.leniencies()).containsExactly("snowflake-as-number");
        assertThat(string.leniencies()).isEmpty();
        assertThat(validator.withLeniencies(Leniencies.none()).validate("POST", MESSAGES, withAttachmentId(0)).isValid()).isFalse();

        // AND really invalid ids still fail
        assertThat(validator.validate("POST", MESSAGES, withAttachmentId(-1)).readableProblems())
                .containsExactly("attachments[0].id[NUMBER_TYPE_COERCE]: Value \"-1\" is not snowflake.");
        assertThat(validator.validate("POST", MESSAGES, withAttachmentId(1.5)).readableProblems())
                .containsExactly("attachments[0].id[NUMBER_TYPE_COERCE]: Value \"1.5\" is not snowflake.");
        assertThat(validator.validate("POST", MESSAGES, withAttachmentId("chart")).readableProblems())
                .containsExactly("attachments[0].id[NUMBER_TYPE_COERCE]: Value \"chart\" is not snowflake.");
    }

    @Test
    void snowflakeAsNumberDoesNotTurnANumberIntoAString() {
        // GIVEN a number where the spec wants ordinary text (a button label), not a snowflake
        ObjectNode body = object("spec/bodies/message-with-components.json");
        ((ObjectNode) body.path("components").path(0).path("components").path(0)).put("label", 12);

        // WHEN / THEN it still fails
        assertThat(validator.validate("POST", MESSAGES, body).readableProblems())
                .containsExactly("components[0].components[0].label[STRING_TYPE_CONVERT]: Value \"12\" is not a string.");
    }

    private static ObjectNode command(String context, String permissions) {
        ObjectNode command = JdaBodies.MAPPER.createObjectNode().put("name", "stats").put("description", "Server activity").put("type", 1);
        command.putArray("contexts").add(context);
        command.putArray("integration_types").add("0");
        command.put("default_member_permissions", permissions);
        return command;
    }

    private Result register(ObjectNode command) {
        ArrayNode body = JdaBodies.MAPPER.createArrayNode().add(command);
        return validator.validate("PUT", COMMANDS, body);
    }

    @Test
    void numericStringAsIntegerAcceptsOnlyNumbersTheSchemaAllows() {
        // GIVEN a command as JDA registers it: contexts ["0"], default_member_permissions "32"
        Result jdaShaped = register(command("0", "32"));

        // THEN accepted thanks to the leniency, rejected without it
        assertThat(jdaShaped.isValid()).as(jdaShaped.describe()).isTrue();
        assertThat(jdaShaped.leniencies()).containsExactly("numeric-string-as-integer");
        assertThat(validator.withLeniencies(Leniencies.none()).validate("PUT", COMMANDS,
                JdaBodies.MAPPER.createArrayNode().add(command("0", "32"))).isValid()).isFalse();

        // AND a context that does not exist, text that is no number, or a negative permission set still fail
        assertThat(register(command("5", "32")).readableProblems())
                .containsExactly("0.contexts[0][BASE_TYPE_CHOICES]: Value must be one of (0, 1, 2).");
        assertThat(register(command("guild", "32")).readableProblems())
                .containsExactly("0.contexts[0][NUMBER_TYPE_COERCE]: Value \"guild\" is not int.");
        assertThat(register(command("0", "-8")).readableProblems())
                .containsExactly("0.default_member_permissions[NUMBER_TYPE_COERCE]: Value \"-8\" is not int.");
        assertThat(register(command("0", "12x")).readableProblems())
                .containsExactly("0.default_member_permissions[NUMBER_TYPE_COERCE]: Value \"12x\" is not int.");
    }
}

package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.data.SerializableData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The JSON bodies JDA 6.5 sends, built with JDA's own builders and serializers. Where JDA's
 * RestAction adds fields around the serialized data, this adds them the same way (read from JDA's
 * MessageCreateActionImpl / ReplyCallbackActionImpl / ModalCallbackActionImpl / MessageEditCallbackActionImpl).
 */
final class JdaBodies {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** JDA puts a random unsigned long here; a fixed one keeps the tests deterministic. */
    static final String NONCE = Long.toUnsignedString(-42L);
    static final int EPHEMERAL = 1 << 6;

    private JdaBodies() {
    }

    static JsonNode json(SerializableData data) {
        try {
            return MAPPER.readTree(data.toData().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** channel.sendMessage(data): MessageCreateData.toData() plus enforce_nonce and nonce. */
    static ObjectNode createMessage(MessageCreateData data) {
        ObjectNode body = (ObjectNode) json(data);
        body.put("enforce_nonce", true);
        body.put("nonce", NONCE);
        return body;
    }

    /** message.editMessage(data). */
    static ObjectNode editMessage(MessageEditData data) {
        return (ObjectNode) json(data);
    }

    /** event.reply(data).setEphemeral(ephemeral): type 4 with the message data. */
    static ObjectNode reply(MessageCreateData data, boolean ephemeral) {
        ObjectNode message = (ObjectNode) json(data);
        if (ephemeral) {
            message.put("flags", message.path("flags").asInt() | EPHEMERAL);
        }
        ObjectNode body = MAPPER.createObjectNode().put("type", 4);
        body.set("data", message);
        return body;
    }

    /** event.deferReply(ephemeral): type 5 with only the flags. */
    static ObjectNode deferReply(boolean ephemeral) {
        ObjectNode body = MAPPER.createObjectNode().put("type", 5);
        body.putObject("data").put("flags", ephemeral ? EPHEMERAL : 0);
        return body;
    }

    /** event.deferEdit(): type 6 alone. */
    static ObjectNode deferEdit() {
        return MAPPER.createObjectNode().put("type", 6);
    }

    /** event.editMessage(data): type 7 with the edit data. */
    static ObjectNode updateMessage(MessageEditData data) {
        ObjectNode body = MAPPER.createObjectNode().put("type", 7);
        body.set("data", json(data));
        return body;
    }

    /** event.replyModal(modal): type 9 with the modal. */
    static ObjectNode modal(Modal modal) {
        ObjectNode body = MAPPER.createObjectNode().put("type", 9);
        body.set("data", json(modal));
        return body;
    }

    /** jda.updateCommands().addCommands(commands): a JSON array of the commands' data. */
    static ArrayNode commands(CommandData... commands) {
        ArrayNode array = MAPPER.createArrayNode();
        for (CommandData command : commands) {
            array.add(json(command));
        }
        return array;
    }
}

package io.serverpulse.common.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.message.Component;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.commands.message.MessageBody;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseLimitsTest {

    private final ObjectMapper json = new ObjectMapper();

    private static List<String> check(MessageBody message) {
        InteractionResponse response = InteractionResponse.message(message);
        return ResponseLimits.checkResponse(response.body(), response.files().size());
    }

    @Test
    void acceptsMessagesAtTheLimits() {
        // GIVEN content of exactly 2000 characters, and 10 embeds holding 6000 characters in total
        List<Embed> embeds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            embeds.add(Embed.builder().title("t".repeat(100)).description("d".repeat(500)).build());
        }
        MessageBody message = new MessageBody("x".repeat(2000), embeds, null, true, List.of());

        // WHEN / THEN it is valid
        assertThat(check(message)).isEmpty();
    }

    @Test
    void rejectsWhatDiscordRejects() {
        Embed longTitle = Embed.builder().title("t".repeat(257)).build();
        Embed longField = Embed.builder().title("t").field("name", "v".repeat(1025), false).build();
        Embed emptyField = Embed.builder().title("t").field("", "v", false).build();
        List<Embed> tooMuch = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tooMuch.add(Embed.builder().description("d".repeat(3001)).build());
        }
        List<Embed> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Embed.builder().title("t").build());
        }
        List<Component> sixRows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sixRows.add(Component.ActionRow.of(new Component.Button(1, "b", "b:" + i, null)));
        }
        Component longId = Component.ActionRow.of(new Component.Button(1, "b", "x".repeat(101), null));
        Component duplicate = Component.ActionRow.of(new Component.Button(1, "a", "same", null),
                new Component.Button(1, "b", "same", null));
        Component selectAndButton = Component.ActionRow.of(
                new Component.ChannelSelect("s", List.of(0), null, null, 1, 1), new Component.Button(1, "b", "b", null));

        // GIVEN / WHEN / THEN each breaks one of Discord's limits
        assertThat(check(MessageBody.text("x".repeat(2001)))).anyMatch(e -> e.contains("content"));
        assertThat(check(MessageBody.embeds(false, longTitle))).anyMatch(e -> e.contains("embed title"));
        assertThat(check(MessageBody.embeds(false, longField))).anyMatch(e -> e.contains("field value"));
        assertThat(check(MessageBody.embeds(false, emptyField))).anyMatch(e -> e.contains("field name"));
        assertThat(check(new MessageBody(null, tooMuch, null, false, List.of()))).anyMatch(e -> e.contains("6000"));
        assertThat(check(new MessageBody(null, eleven, null, false, List.of()))).anyMatch(e -> e.contains("at most 10"));
        assertThat(check(new MessageBody("x", List.of(), sixRows, false, List.of()))).anyMatch(e -> e.contains("action rows"));
        assertThat(check(new MessageBody("x", List.of(), List.of(longId), false, List.of()))).anyMatch(e -> e.contains("custom_id"));
        assertThat(check(new MessageBody("x", List.of(), List.of(duplicate), false, List.of()))).anyMatch(e -> e.contains("duplicate"));
        assertThat(check(new MessageBody("x", List.of(), List.of(selectAndButton), false, List.of())))
                .anyMatch(e -> e.contains("one select"));
        assertThat(check(new MessageBody("", List.of(), null, false, List.of()))).anyMatch(e -> e.contains("empty"));
    }

    @Test
    void filesMustBeListedAsAttachments() {
        // GIVEN a message with one file
        FileAttachment file = new FileAttachment("a.csv", "text/csv", new byte[] {1}, null);
        InteractionResponse response = InteractionResponse.message(MessageBody.text("x").withFiles(List.of(file)));

        // WHEN it is checked with the file, and with a file more than listed
        // THEN the first is valid and the second is not
        assertThat(ResponseLimits.checkResponse(response.body(), 1)).isEmpty();
        assertThat(ResponseLimits.checkResponse(response.body(), 2)).isNotEmpty();
        assertThat(response.body().path("data").path("attachments").get(0).path("filename").asText()).isEqualTo("a.csv");
    }

    @Test
    void deferredAnswersCarryOnlyTheEphemeralFlag() throws Exception {
        // GIVEN / WHEN / THEN
        assertThat(ResponseLimits.checkResponse(InteractionResponse.deferred(true).body(), 0)).isEmpty();
        assertThat(ResponseLimits.checkResponse(InteractionResponse.deferred(false).body(), 0)).isEmpty();
        JsonNode withContent = json.readTree("{\"type\":5,\"data\":{\"content\":\"hi\"}}");
        assertThat(ResponseLimits.checkResponse(withContent, 0)).isNotEmpty();
    }

    @Test
    void editsCannotChangeFlagsAndModalsFollowTheirRules() throws Exception {
        // GIVEN an edit with flags, and a modal with a 46-character title
        ObjectNode edit = (ObjectNode) json.readTree("{\"content\":\"x\",\"flags\":64}");
        ObjectNode modal = (ObjectNode) json.readTree("""
                {"type":9,"data":{"custom_id":"m","title":"%s","components":[
                  {"type":18,"label":"Key","component":{"type":4,"custom_id":"k","style":1}}]}}""".formatted("t".repeat(46)));

        // WHEN / THEN both are refused
        assertThat(ResponseLimits.checkEdit(edit, 0)).anyMatch(e -> e.contains("flags"));
        assertThat(ResponseLimits.checkResponse(modal, 0)).anyMatch(e -> e.contains("modal title"));
        ((ObjectNode) modal.get("data")).put("title", "ok");
        ((ArrayNode) modal.get("data").get("components")).add(json.readTree("{\"type\":1,\"components\":[]}"));
        assertThat(ResponseLimits.checkResponse(modal, 0)).anyMatch(e -> e.contains("labels"));
    }
}

package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.state.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BotMessageLimitsTest {

    private final BotMessageLimits limits = new BotMessageLimits();

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = BotMessageLimitsTest.class.getResourceAsStream("/limits/" + name)) {
            return Json.parse(in.readAllBytes());
        }
    }

    @Test
    void contentAtTheLimitPassesAndOneMoreCharacterFails() {
        // GIVEN 2000 and 2001 characters (counted as characters, not UTF-16 units: emoji count once)
        ObjectNode atLimit = Json.object().put("content", "😀".repeat(2000));
        ObjectNode over = Json.object().put("content", "x".repeat(2001));

        // WHEN posted to a channel THEN the first passes and the second fails on content
        assertThat(limits.validate("POST", "/channels/1/messages", atLimit)).isEmpty();
        Optional<ErrorBody> error = limits.validate("POST", "/channels/1/messages", over);
        assertThat(error).isPresent();
        assertThat(error.get().status()).isEqualTo(400);
        assertThat(error.get().code()).isEqualTo(50035);
        assertThat(error.get().body().at("/errors/content/_errors/0/code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
    }

    @Test
    void embedLimitsAreReportedWhereTheyAreBroken() throws IOException {
        // GIVEN an embed whose second field value has 1025 characters and footer 2049
        String request = new String(BotMessageLimitsTest.class.getResourceAsStream("/limits/embed-too-big.request.json").readAllBytes(),
                StandardCharsets.UTF_8).replace("VALUE_1025", "v".repeat(1025)).replace("FOOTER_2049", "f".repeat(2049));

        // WHEN validated as a webhook follow-up
        Optional<ErrorBody> error = limits.validate("POST", "/webhooks/1/tok", Json.parse(request));

        // THEN the error tree names both places, as Discord does
        assertThat(error).isPresent();
        assertThat(error.get().body()).isEqualTo(fixture("embed-too-big.expected.json"));
    }

    @Test
    void moreThanTenEmbedsOrSixThousandCharactersInAllAreRefused() {
        ObjectNode eleven = Json.object();
        ArrayNode embeds = eleven.putArray("embeds");
        for (int i = 0; i < 11; i++) {
            embeds.addObject().put("title", "t");
        }
        assertThat(limits.validate("POST", "/channels/1/messages", eleven).orElseThrow().body().at("/errors/embeds/_errors/0/message").asText())
                .isEqualTo("Must be 10 or fewer in length.");

        ObjectNode big = Json.object();
        ArrayNode two = big.putArray("embeds");
        two.addObject().put("description", "d".repeat(4000));
        two.addObject().put("description", "d".repeat(2001));
        assertThat(limits.validate("PATCH", "/channels/1/messages/2", big).orElseThrow().body().at("/errors/embeds/_errors/0/code").asText())
                .isEqualTo("MAX_EMBED_SIZE_EXCEEDED");
    }

    @Test
    void surroundingWhitespaceIsNotCounted() {
        ObjectNode padded = Json.object();
        padded.putArray("embeds").addObject().put("title", "   " + "t".repeat(256) + "\n\n");
        assertThat(limits.validate("POST", "/channels/1/messages", padded)).isEmpty();
    }

    @Test
    void interactionCallbacksAreCheckedUnderData() throws IOException {
        ObjectNode callback = Json.object().put("type", 4);
        callback.putObject("data").put("content", "x".repeat(2001));
        assertThat(limits.validate("POST", "/interactions/1/tok/callback", callback).orElseThrow().body())
                .isEqualTo(fixture("callback-content-too-long.expected.json"));
        ObjectNode deferred = Json.object().put("type", 5);
        assertThat(limits.validate("POST", "/interactions/1/tok/callback", deferred)).isEmpty();
    }

    @Test
    void otherRoutesAreNotItsBusiness() {
        ObjectNode body = Json.object().put("content", "x".repeat(5000));
        assertThat(limits.validate("POST", "/guilds/1/channels", body)).isEmpty();
    }
}

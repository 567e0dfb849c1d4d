package io.serverpulse.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.MessageSource;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.emulator.state.WebhookCall;
import io.serverpulse.emulator.support.TestCommunities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API as a bare HTTP client sees it: auth, Discord error codes, rate-limit headers, interaction webhooks. */
class RestApiTest {

    private final TestCommunities.Ids ids = TestCommunities.ids(3, 2);
    private final HttpClient http = HttpClient.newHttpClient();
    private DiscordEmulator emulator;

    @BeforeEach
    void start() {
        emulator = DiscordEmulator.builder(List.of(TestCommunities.community(ids))).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> call(String method, String path, String body, boolean auth) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.restBaseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth) {
            request.header("Authorization", "Bot " + emulator.token());
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.parse(response.body());
    }

    private String channel() {
        return "channels/" + Long.toUnsignedString(ids.generalId());
    }

    @Test
    void requestsWithoutTheBotTokenAre401() throws Exception {
        HttpResponse<String> response = call("GET", "users/@me", null, false);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("message").asText()).isEqualTo("401: Unauthorized");
    }

    @Test
    void unknownThingsAnswerWithDiscordsErrorCodes() throws Exception {
        assertThat(json(call("GET", "channels/42", null, true)).path("code").asInt()).isEqualTo(10003);
        assertThat(json(call("GET", "guilds/42", null, true)).path("code").asInt()).isEqualTo(10004);
        assertThat(json(call("GET", channel() + "/messages/42", null, true)).path("code").asInt()).isEqualTo(10008);
        assertThat(json(call("GET", "guilds/" + Long.toUnsignedString(ids.guildId()) + "/members/42", null, true)).path("code").asInt())
                .isEqualTo(10007);
        assertThat(call("GET", "no/such/route", null, true).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "users/@me", null, true).statusCode()).isEqualTo(405);
    }

    @Test
    void everyAnswerCarriesRateLimitHeaders() throws Exception {
        for (HttpResponse<String> response : List.of(call("GET", "users/@me", null, true), call("GET", "channels/42", null, true),
                call("POST", channel() + "/messages", "{\"content\":\"\"}", true))) {
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).isPresent();
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
            assertThat(response.headers().firstValue("X-RateLimit-Reset-After")).isPresent();
            assertThat(response.headers().firstValue("X-RateLimit-Bucket")).isPresent();
        }
    }

    @Test
    void badBodiesAreRefusedWithTheirCodes() throws Exception {
        HttpResponse<String> empty = call("POST", channel() + "/messages", "{\"content\":\"\"}", true);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).path("code").asInt()).isEqualTo(50006);
        HttpResponse<String> broken = call("POST", channel() + "/messages", "{\"content\":", true);
        assertThat(json(broken).path("code").asInt()).isEqualTo(50109);
        HttpResponse<String> category = call("POST", "channels/" + Long.toUnsignedString(ids.categoryId()) + "/messages",
                "{\"content\":\"x\"}", true);
        assertThat(json(category).path("code").asInt()).isEqualTo(50008);
        HttpResponse<String> nameless = call("POST", "guilds/" + Long.toUnsignedString(ids.guildId()) + "/channels", "{\"type\":0}", true);
        assertThat(json(nameless).at("/errors/name/_errors/0/code").asText()).isEqualTo("BASE_TYPE_REQUIRED");
    }

    @Test
    void gatewayBotRecommendsShardsAndPointsAtTheEmulator() throws Exception {
        JsonNode gateway = json(call("GET", "gateway/bot", null, true));
        assertThat(gateway.path("url").asText()).isEqualTo(emulator.gatewayUrl());
        assertThat(gateway.path("shards").asInt()).isEqualTo(1);
        assertThat(gateway.path("session_start_limit").path("max_concurrency").asInt()).isEqualTo(1);
    }

    @Test
    void theBotEditsAndDeletesItsOwnMessages() throws Exception {
        String id = json(call("POST", channel() + "/messages", "{\"content\":\"draft\"}", true)).path("id").asText();
        JsonNode edited = json(call("PATCH", channel() + "/messages/" + id, "{\"content\":\"final\"}", true));
        assertThat(edited.path("content").asText()).isEqualTo("final");
        assertThat(edited.path("edited_timestamp").asText()).isNotBlank();
        assertThat(emulator.recorded().edits()).extracting(e -> e.payload().path("content").asText()).containsExactly("final");
        assertThat(call("DELETE", channel() + "/messages/" + id, null, true).statusCode()).isEqualTo(204);
        assertThat(emulator.recorded().deletedMessageIds()).containsExactly(Long.parseUnsignedLong(id));
        assertThat(call("GET", channel() + "/messages/" + id, null, true).statusCode()).isEqualTo(404);
    }

    @Test
    void interactionCallbackAndWebhookFollowUps() throws Exception {
        // GIVEN a registered guild command and an interaction for it (as the HTTP interactions sender would make)
        String app = Long.toUnsignedString(emulator.applicationId());
        String guild = Long.toUnsignedString(ids.guildId());
        assertThat(call("PUT", "applications/" + app + "/guilds/" + guild + "/commands",
                "[{\"name\":\"top\",\"description\":\"Top members\"}]", true).statusCode()).isEqualTo(200);
        PendingInteraction interaction = emulator.newSlashCommand(ids.generalId(), ids.memberIds().get(0), "top", Json.array());
        String base = "interactions/" + Long.toUnsignedString(interaction.id()) + "/" + interaction.token() + "/callback";
        String hook = "webhooks/" + app + "/" + interaction.token();

        // WHEN the bot defers (asking for the response), follows up, edits @original, reads it, deletes the follow-up
        assertThat(call("POST", hook, "{\"content\":\"too early\"}", false).statusCode()).isEqualTo(404);
        JsonNode deferred = json(call("POST", base + "?with_response=true", "{\"type\":5}", false));
        assertThat(call("POST", base, "{\"type\":5}", false).statusCode()).isEqualTo(400);
        JsonNode followUp = json(call("POST", hook + "?wait=true", "{\"content\":\"more\"}", false));
        JsonNode original = json(call("PATCH", hook + "/messages/@original", "{\"content\":\"Top: grace\"}", false));
        JsonNode read = json(call("GET", hook + "/messages/@original", null, false));
        int deleted = call("DELETE", hook + "/messages/" + followUp.path("id").asText(), null, false).statusCode();

        // THEN each step answered as Discord does and was recorded
        assertThat(deferred.at("/resource/type").asInt()).isEqualTo(5);
        assertThat(deferred.at("/interaction/response_message_loading").asBoolean()).isTrue();
        assertThat(original.path("content").asText()).isEqualTo("Top: grace");
        assertThat(original.path("flags").asInt() & 128).isZero();
        assertThat(read.path("id").asText()).isEqualTo(original.path("id").asText());
        assertThat(deleted).isEqualTo(204);
        assertThat(emulator.recorded().webhookCalls()).extracting(WebhookCall::method).containsExactly("POST", "PATCH", "GET", "DELETE");
        assertThat(emulator.recorded().messages(ids.generalId())).extracting(StoredMessage::source, StoredMessage::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MessageSource.INTERACTION_RESPONSE, "Top: grace"),
                        org.assertj.core.groups.Tuple.tuple(MessageSource.FOLLOW_UP, "more"));
        assertThat(emulator.recorded().deletedMessageIds()).containsExactly(Long.parseUnsignedLong(followUp.path("id").asText()));
    }

    @Test
    void attachmentsAreServedBackByTheCdnRoute() throws Exception {
        String boundary = "xyz";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"content\":\"file\",\"attachments\":[{\"id\":0,\"filename\":\"renamed.txt\",\"description\":\"numbers\"}]}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"orig.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n1,2,3\r\n--" + boundary + "--\r\n";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(emulator.restBaseUrl() + channel() + "/messages"))
                .header("Authorization", "Bot " + emulator.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode attachment = json(created).path("attachments").get(0);
        assertThat(attachment.path("filename").asText()).isEqualTo("renamed.txt");
        assertThat(attachment.path("description").asText()).isEqualTo("numbers");
        assertThat(attachment.path("size").asInt()).isEqualTo(5);
        HttpResponse<String> download = http.send(HttpRequest.newBuilder(URI.create(attachment.path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.body()).isEqualTo("1,2,3");
    }
}

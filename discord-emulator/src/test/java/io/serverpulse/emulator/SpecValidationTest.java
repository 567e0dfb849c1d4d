package io.serverpulse.emulator;

import io.serverpulse.common.config.ReferenceFiles;
import io.serverpulse.emulator.spec.SpecValidator;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.support.TestCommunities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The REST pipeline checks every body against Discord's OpenAPI spec by default, and the bot limits on top. */
class SpecValidationTest {

    private static final String BOUNDARY = "pulse-boundary";

    private final TestCommunities.Ids ids = TestCommunities.ids(6, 2);
    private final HttpClient http = HttpClient.newHttpClient();
    private DiscordEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private DiscordEmulator start(DiscordEmulator.Builder builder) {
        emulator = builder.start();
        return emulator;
    }

    private DiscordEmulator startWithSpec() {
        start(DiscordEmulator.builder(List.of(TestCommunities.community(ids))));
        assumeTrue(emulator.specValidator().enabled(), () -> emulator.specValidator().skipNotice().orElse(""));
        return emulator;
    }

    private HttpResponse<String> post(String path, String contentType, String body, boolean auth) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.restBaseUrl() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth) {
            request.header("Authorization", "Bot " + emulator.token());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String messages() {
        return "channels/" + Long.toUnsignedString(ids.generalId()) + "/messages";
    }

    private static String multipart(String payloadJson) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json\r\n\r\n"
                + payloadJson + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"report.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nchannel,messages\r\n--" + BOUNDARY + "--\r\n";
    }

    @Test
    void aBodyOnlyTheSpecRejectsGets400WithDiscordsShape() throws Exception {
        // GIVEN an embed field without its value: within every bot limit, but the spec requires "value"
        startWithSpec();
        String body = fixture("spec/bodies/embed-field-missing-value.json");

        // WHEN the bot posts it
        HttpResponse<String> response = post(messages(), "application/json", body, true);

        // THEN Discord's 400 / 50035 names the field, and nothing was posted
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse(fixture("spec/errors/embed-field-missing-value.json")));
        assertThat(emulator.recorded().messages()).isEmpty();
    }

    @Test
    void theMultipartPayloadJsonIsValidatedToo() throws Exception {
        // GIVEN a file upload whose payload_json has the same mistake
        startWithSpec();

        // WHEN it is posted
        HttpResponse<String> refused = post(messages(), "multipart/form-data; boundary=" + BOUNDARY,
                multipart(fixture("spec/bodies/embed-field-missing-value.json")), true);
        // AND a correct one, whose attachment id is a number as JDA sends it (the snowflake-as-number leniency)
        HttpResponse<String> accepted = post(messages(), "multipart/form-data; boundary=" + BOUNDARY,
                multipart("{\"content\":\"weekly report\",\"attachments\":[{\"id\":0,\"filename\":\"report.csv\"}]}"), true);

        // THEN the first is refused like a JSON body, the second is posted with its file
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Json.parse(refused.body())).isEqualTo(Json.parse(fixture("spec/errors/embed-field-missing-value.json")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(emulator.recorded().messages()).extracting(m -> m.attachments().get(0).filename()).containsExactly("report.csv");
    }

    @Test
    void anInteractionCallbackIsValidatedBeforeItIsTaken() throws Exception {
        // GIVEN a slash command the bot answers with an embed missing a field's value
        startWithSpec();
        String app = Long.toUnsignedString(emulator.applicationId());
        assertThat(http.send(HttpRequest.newBuilder(URI.create(emulator.restBaseUrl() + "applications/" + app + "/commands"))
                .header("Authorization", "Bot " + emulator.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("[{\"name\":\"alerts\",\"description\":\"Recent alerts\"}]")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        PendingInteraction interaction = emulator.newSlashCommand(ids.generalId(), ids.memberIds().get(0), "alerts", Json.array());
        String callback = "interactions/" + Long.toUnsignedString(interaction.id()) + "/" + interaction.token() + "/callback";

        // WHEN the callback is posted
        HttpResponse<String> response = post(callback, "application/json",
                "{\"type\":4,\"data\":" + fixture("spec/bodies/embed-field-missing-value.json") + "}", false);

        // THEN it is refused under data.embeds, and the interaction is still waiting for a valid answer
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).at("/errors/data/embeds/0/fields/0/value/_errors/0/code").asText())
                .isEqualTo("BASE_TYPE_REQUIRED");
        assertThat(emulator.recorded().interactionCallbacks()).isEmpty();
        assertThat(post(callback, "application/json", "{\"type\":4,\"data\":{\"content\":\"No alerts this week\"}}", false).statusCode())
                .isEqualTo(204);
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void withoutTheSpecFileItSaysSoOnceAndTheBotLimitsStillApply() throws Exception {
        // GIVEN the spec file cannot be found
        List<String> notices = new ArrayList<>();
        String before = System.getProperty(ReferenceFiles.OPENAPI_PROPERTY);
        SpecValidator skipping;
        System.setProperty(ReferenceFiles.OPENAPI_PROPERTY, "/nonexistent/discord-openapi.json");
        try {
            skipping = SpecValidator.fromReferenceFiles(notices::add);
        } finally {
            if (before == null) {
                System.clearProperty(ReferenceFiles.OPENAPI_PROPERTY);
            } else {
                System.setProperty(ReferenceFiles.OPENAPI_PROPERTY, before);
            }
        }
        start(DiscordEmulator.builder(List.of(TestCommunities.community(ids))).spec(skipping));

        // WHEN the bot posts a message over the bot limit, and one only the spec would refuse
        HttpResponse<String> tooLong = post(messages(), "application/json", Json.write(Json.object().put("content", "x".repeat(2001))), true);
        HttpResponse<String> specOnly = post(messages(), "application/json", fixture("spec/bodies/embed-field-missing-value.json"), true);

        // THEN the skip was announced in one line, the bot limit still answers 400, and the other was not checked
        assertThat(notices).containsExactly(ReferenceFiles.openApiMissingNotice());
        assertThat(emulator.specValidator().enabled()).isFalse();
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Json.parse(tooLong.body())).isEqualTo(Json.parse(fixture("rest/content-too-long.expected.json")));
        assertThat(specOnly.statusCode()).isEqualTo(200);
    }

    private static String fixture(String path) throws IOException {
        try (InputStream in = SpecValidationTest.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

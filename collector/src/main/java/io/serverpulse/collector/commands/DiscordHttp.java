package io.serverpulse.collector.commands;

import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.FileAttachment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few REST calls the gateway command adapter makes itself, because JDA has no API for sending
 * a ready-made interaction response: the interaction callback, the edit that finishes a deferred
 * answer, and the command registration. Both interaction calls are authorised by the interaction
 * token in the path (never logged); registration uses the bot token. A 429 is honoured once per
 * call through its {@code Retry-After}.
 */
public final class DiscordHttp {

    private static final Logger log = LoggerFactory.getLogger(DiscordHttp.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 3;

    private final HttpClient http;
    private final String apiBase;
    private final String botToken;

    /** @param apiBase Discord's REST base URL ending in {@code /}, e.g. {@code https://discord.com/api/v10/} */
    public DiscordHttp(String apiBase, String botToken) {
        this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** {@code POST interactions/{id}/{token}/callback}. */
    public void callback(String interactionId, String token, InteractionResponse response) throws IOException, InterruptedException {
        send("POST", "interactions/" + interactionId + "/" + token + "/callback", response.json(), response.files(), false,
                "interaction callback");
    }

    /** {@code PATCH webhooks/{application}/{token}/messages/@original}. */
    public void followUp(FollowUp followUp) throws IOException, InterruptedException {
        send(followUp.method(), followUp.path(), followUp.json(), followUp.files(), false, "deferred answer");
    }

    /** {@code PUT applications/{application}/commands}: replaces the global commands. */
    public void registerCommands(long applicationId, String commandsJson) throws IOException, InterruptedException {
        send("PUT", "applications/" + Long.toUnsignedString(applicationId) + "/commands", commandsJson, List.of(), true,
                "command registration");
    }

    private void send(String method, String path, String json, List<FileAttachment> files, boolean withBotToken, String what)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase + path)).timeout(TIMEOUT)
                    .header("User-Agent", "DiscordBot (https://github.com/serverpulse/serverpulse, 0.1)");
            if (withBotToken) {
                request.header("Authorization", "Bot " + botToken);
            }
            if (files.isEmpty()) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            } else {
                String boundary = "serverpulse-" + UUID.randomUUID();
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, json, files)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return;
            }
            if (status == 429 && attempt < ATTEMPTS) {
                double seconds = response.headers().firstValue("Retry-After").map(Double::parseDouble).orElse(1.0);
                log.warn("Discord rate-limited the {}; retrying in {} s", what, seconds);
                Thread.sleep((long) Math.ceil(seconds * 1000));
                continue;
            }
            // the body is Discord's error (codes and field names), never a token: safe to log, but keep it short
            String body = response.body();
            throw new IOException(what + " failed with HTTP " + status + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
    }

    static byte[] multipart(String boundary, String json, List<FileAttachment> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, boundary, "Content-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json\r\n",
                json.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < files.size(); i++) {
            FileAttachment file = files.get(i);
            String filename = file.filename().replace("\"", "");
            part(out, boundary, "Content-Disposition: form-data; name=\"files[" + i + "]\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: " + file.contentType() + "\r\n", file.bytes());
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String boundary, String headers, byte[] body) throws IOException {
        out.write(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}

package io.serverpulse.interactions.local;

import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.interactions.http.ThrowawaySigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The training run for the local server's class-data-sharing archive (AppCDS): the build runs
 * {@code java -XX:ArchiveClassesAtExit=…-lambda.jsa -jar …-lambda.jar --train-cds}, and the documented run
 * command maps that archive with {@code -XX:SharedArchiveFile}, so a start loads the classes a PING and a first
 * command need already parsed and verified instead of reading them from the jar.
 *
 * <p>It starts the server as {@link LocalServerMain} does, with a throwaway key, on a free loopback port and a
 * MongoDB address where nothing answers, and sends it over HTTP what a start sees first: a signed PING, a request
 * with a bad signature, a command (answered "storage unavailable", the command core built), then stops. Nothing of
 * it is kept but the list of classes.
 */
final class CdsTraining {

    private CdsTraining() {
    }

    static void run() {
        ThrowawaySigner key = new ThrowawaySigner();
        EnvSource env = EnvSource.of(Map.of(ServerPulseConfig.DISCORD_PUBLIC_KEY, key.publicKeyHex(),
                ServerPulseConfig.MONGODB_URI, "mongodb://127.0.0.1:9/cds-training?serverSelectionTimeoutMS=200",
                LocalServerMain.PORT, "0"));
        try (LocalServerMain.Running running = LocalServerMain.start(ServerPulseConfig.load(env), env)) {
            int port = running.server().port();
            long id = 1_180_151_035_315_077_201L;
            String ping = "{\"type\":1,\"id\":\"" + id + "\",\"application_id\":\"1177777777777777777\",\"token\":\"training\",\"version\":1}";
            String command = "{\"type\":2,\"id\":\"" + (id + 1) + "\",\"application_id\":\"1177777777777777777\",\"token\":\"training-2\","
                    + "\"version\":1,\"guild_id\":\"1176201535215009852\",\"channel_id\":\"1176201535215009855\",\"locale\":\"en-US\","
                    + "\"member\":{\"permissions\":\"1071698660929\",\"user\":{\"id\":\"539082325061836800\",\"username\":\"training\"}},"
                    + "\"data\":{\"id\":\"1\",\"name\":\"topmessagers\",\"type\":1,\"options\":[]}}";
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            expect(send(port, ping, timestamp, key.sign(timestamp, ping.getBytes(StandardCharsets.UTF_8))), "200");
            expect(send(port, ping, timestamp, "00".repeat(64)), "401");
            // the MongoDB client is built after the first answer: give it time to load its classes (it never connects)
            running.commands().awaitReady(Duration.ofMillis(1500));
            expect(send(port, command, timestamp, key.sign(timestamp, command.getBytes(StandardCharsets.UTF_8))), "200");
        }
    }

    private static void expect(String statusLine, String status) {
        if (!statusLine.contains(" " + status + " ")) {
            throw new IllegalStateException("CDS training expected " + status + ", got " + statusLine);
        }
    }

    /** One request on its own connection; returns the status line. */
    private static String send(int port, String body, String timestamp, String signature) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "X-Signature-Ed25519: " + signature + "\r\nX-Signature-Timestamp: " + timestamp + "\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            in.readAllBytes();
            return line.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.serverpulse.interactions.bench;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The baseline of the cold-start benchmark: the smallest correct Discord interactions endpoint in Java, in one
 * file, on the JDK alone (its HTTP server and its Ed25519). It verifies the signature over timestamp + body and
 * answers a PING with PONG ({@code {"type":1}}), anything else with 401 or 400. Nothing else: no store, no
 * commands, no logging. Reads {@code DISCORD_PUBLIC_KEY} and {@code PORT}. Not part of the product.
 */
public final class MinimalJdkEndpoint {

    static final Pattern PING = Pattern.compile("\"type\"\\s*:\\s*1(?![0-9])");

    private MinimalJdkEndpoint() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        PublicKey key = publicKey(System.getenv("DISCORD_PUBLIC_KEY"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("PORT"))), 128);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Signature-Ed25519");
            String timestamp = exchange.getRequestHeaders().getFirst("X-Signature-Timestamp");
            int status;
            String answer;
            if (!verified(key, signature, timestamp, body)) {
                status = 401;
                answer = "{\"error\":\"invalid request signature\"}";
            } else if (PING.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
                status = 200;
                answer = "{\"type\":1}";
            } else {
                status = 400;
                answer = "{\"error\":\"not a ping\"}";
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    static boolean verified(PublicKey key, String signatureHex, String timestamp, byte[] body) {
        if (signatureHex == null || timestamp == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(HexFormat.of().parseHex(signatureHex));
        } catch (Exception e) {
            return false;
        }
    }

    /** Discord's key is the raw 32-byte encoding (RFC 8032): y little-endian, the top bit the sign of x. */
    static PublicKey publicKey(String hex) throws Exception {
        byte[] raw = HexFormat.of().parseHex(hex);
        boolean xOdd = (raw[31] & 0x80) != 0;
        raw[31] &= 0x7f;
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = raw[31 - i];
        }
        return KeyFactory.getInstance("Ed25519").generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
    }
}

package io.serverpulse.interactions.bench;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/**
 * A cold-start peer: {@link MinimalJdkEndpoint}'s work (JDK Ed25519, PING → PONG) on Undertow, configured with the
 * per-connection deadlines the local server needs (request parse and no-request timeouts of one second). Measures
 * what an embedded server with such timeouts adds to a start. Not part of the product.
 */
public final class UndertowEndpoint {

    private UndertowEndpoint() {
    }

    public static void main(String[] args) throws Exception {
        PublicKey key = MinimalJdkEndpoint.publicKey(System.getenv("DISCORD_PUBLIC_KEY"));
        Undertow.builder()
                .addHttpListener(Integer.parseInt(System.getenv("PORT")), "127.0.0.1")
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 1000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 1000)
                .setIoThreads(1)
                .setWorkerThreads(4)
                .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes((done, body) -> {
                    boolean ok = MinimalJdkEndpoint.verified(key, done.getRequestHeaders().getFirst("X-Signature-Ed25519"),
                            done.getRequestHeaders().getFirst("X-Signature-Timestamp"), body);
                    boolean ping = MinimalJdkEndpoint.PING.matcher(new String(body, StandardCharsets.UTF_8)).find();
                    done.setStatusCode(!ok ? 401 : ping ? 200 : 400);
                    done.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    done.getResponseSender().send(!ok ? "{\"error\":\"invalid request signature\"}" : ping ? "{\"type\":1}" : "{}");
                }))
                .build()
                .start();
    }
}

package io.serverpulse.interactions.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A cold-start peer: {@link MinimalJdkEndpoint}'s work (JDK Ed25519, PING → PONG) on Jetty 12, configured with an
 * idle timeout of one second and a minimum request data rate (slow bodies). Measures what an embedded server with
 * such limits adds to a start. Not part of the product.
 */
public final class JettyEndpoint {

    private JettyEndpoint() {
    }

    public static void main(String[] args) throws Exception {
        PublicKey key = MinimalJdkEndpoint.publicKey(System.getenv("DISCORD_PUBLIC_KEY"));
        Server server = new Server(new QueuedThreadPool(16, 4));
        HttpConfiguration config = new HttpConfiguration();
        config.setMinRequestDataRate(1024);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(System.getenv("PORT")));
        connector.setIdleTimeout(1000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                ByteBuffer buffer = Content.Source.asByteBuffer(request);
                byte[] body = new byte[buffer.remaining()];
                buffer.get(body);
                boolean ok = MinimalJdkEndpoint.verified(key, request.getHeaders().get("X-Signature-Ed25519"),
                        request.getHeaders().get("X-Signature-Timestamp"), body);
                boolean ping = MinimalJdkEndpoint.PING.matcher(new String(body, StandardCharsets.UTF_8)).find();
                response.setStatus(!ok ? 401 : ping ? 200 : 400);
                response.getHeaders().put("Content-Type", "application/json");
                response.write(true, ByteBuffer.wrap((!ok ? "{\"error\":\"invalid request signature\"}" : ping ? "{\"type\":1}" : "{}")
                        .getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
    }
}

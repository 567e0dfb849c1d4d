package io.serverpulse.interactions.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.interactions.http.DeferredDispatcher;
import io.serverpulse.interactions.http.EndpointResponse;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.interactions.http.ThrowawaySigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, run the request path that every
 * interaction takes (event mapping, Ed25519 verification, the PING answer, JSON parsing, the core's routing of a
 * command — one sent outside a server, answered without the store — response JSON, deferred-work JSON) so the snapshot holds those classes loaded and warmed, and build what is
 * otherwise built on first use (the Lambda client for the worker hand-off: no request is sent). It signs
 * with a throwaway key and answers PINGs and refusals only: nothing touches the store, Discord or the
 * worker, and nothing of it survives into the snapshot except warm code.
 */
final class SnapStartPriming implements Resource {

    static final int ROUNDS = 30;
    /** Each primed answer in one of the languages a member may get (their texts are loaded then). */
    private static final String[] PRIMED_LOCALES = {"en-US", "de", "fr"};
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final InteractionHandler handler;
    private final Runnable buildLazies;

    SnapStartPriming(InteractionHandler handler, Runnable buildLazies) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.buildLazies = Objects.requireNonNull(buildLazies, "buildLazies");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        buildLazies.run();
        int answered = prime();
        LOG.info("Primed the request path for the snapshot: {} requests in {} ms", answered, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: the primed endpoint and key were throwaway
    }

    /** Runs the primed requests; returns how many were answered as expected. */
    int prime() {
        ThrowawaySigner key = new ThrowawaySigner();
        DeferredDispatcher refuse = work -> {
            throw new DeferredDispatcher.DispatchException("priming never defers");
        };
        InteractionsEndpoint endpoint = new InteractionsEndpoint(new Ed25519SignatureVerifier(key.publicKeyHex()), handler, refuse,
                Clock.systemUTC(), InteractionsEndpoint.DEFAULT_MAX_AGE);
        int expected = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String timestamp = Long.toString(Clock.systemUTC().instant().getEpochSecond());
            byte[] ping = ("{\"type\":1,\"id\":\"" + (1180151035315077199L + i) + "\",\"application_id\":\"1177777777777777777\","
                    + "\"token\":\"priming-" + i + "\",\"version\":1}").getBytes(StandardCharsets.UTF_8);
            expected += status(endpoint, event(ping, timestamp, key.sign(timestamp, ping))) == 200 ? 1 : 0;
            byte[] notJson = ("priming " + i).getBytes(StandardCharsets.UTF_8);
            expected += status(endpoint, event(notJson, timestamp, key.sign(timestamp, notJson))) == 400 ? 1 : 0;
            expected += status(endpoint, event(ping, timestamp, key.sign(timestamp, notJson))) == 401 ? 1 : 0;
            // a slash command outside a server: parsed, routed and answered by the core without the store
            byte[] inDm = ("{\"type\":2,\"id\":\"" + (1180151035315078199L + i) + "\",\"application_id\":\"1177777777777777777\","
                    + "\"token\":\"priming-dm-" + i + "\",\"version\":1,\"locale\":\"" + PRIMED_LOCALES[i % PRIMED_LOCALES.length]
                    + "\",\"user\":{\"id\":\"539082325061836800\",\"username\":\"priming\"},"
                    + "\"data\":{\"id\":\"1\",\"name\":\"topmessagers\",\"type\":1,\"options\":[]}}").getBytes(StandardCharsets.UTF_8);
            expected += status(endpoint, event(inDm, timestamp, key.sign(timestamp, inDm))) == 200 ? 1 : 0;
            DeferredWork work = new DeferredWork("topmessagers", 1177777777777777777L, "priming", 1176201535215009852L,
                    539082325061836800L, "en-US", 10 * 1024 * 1024, Map.of("period", "7d"));
            DeferredWork.fromJson(work.toJson());
            InteractionResponse.message(MessageBody.ephemeralText("priming")).json();
            InteractionResponse.deferred(true).json();
        }
        return expected;
    }

    private static int status(InteractionsEndpoint endpoint, APIGatewayV2HTTPEvent event) {
        EndpointResponse response = endpoint.handle(HttpEvents.request(event));
        return HttpEvents.response(response).getStatusCode();
    }

    private static APIGatewayV2HTTPEvent event(byte[] body, String timestamp, String signature) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(Map.of("content-type", "application/json",
                "x-signature-ed25519", signature, "x-signature-timestamp", timestamp));
        event.setBody(java.util.Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
                .build());
        return event;
    }
}

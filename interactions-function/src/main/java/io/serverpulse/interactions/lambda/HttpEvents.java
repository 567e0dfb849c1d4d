package io.serverpulse.interactions.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.serverpulse.interactions.http.EndpointRequest;
import io.serverpulse.interactions.http.EndpointResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps API Gateway HTTP API / Lambda function URL events (payload format 2.0) to the endpoint's
 * request, and its response back. A body marked {@code isBase64Encoded} is decoded to the exact bytes
 * that were signed; a binary response (multipart with files) goes out base64-encoded.
 */
final class HttpEvents {

    private HttpEvents() {
    }

    /** Never throws: an undecodable body becomes empty, which no signature verifies. */
    static EndpointRequest request(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : null;
        return new EndpointRequest(method, event.getHeaders(), body(event), receivedNanos(event));
    }

    /**
     * When the function URL (or API Gateway) received the request ({@code requestContext.timeEpoch}), on the
     * {@link System#nanoTime()} clock: a command's budget counts from there, not from when the handler ran. Now,
     * when the event does not say or says something implausible (in the future, or over a minute ago).
     */
    static long receivedNanos(APIGatewayV2HTTPEvent event) {
        long now = System.nanoTime();
        if (event.getRequestContext() == null || event.getRequestContext().getTimeEpoch() <= 0) {
            return now;
        }
        long agoMillis = System.currentTimeMillis() - event.getRequestContext().getTimeEpoch();
        return agoMillis < 0 || agoMillis > 60_000 ? now : now - agoMillis * 1_000_000;
    }

    static APIGatewayV2HTTPResponse response(EndpointResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        boolean binary = !response.isText();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(binary ? Base64.getEncoder().encodeToString(response.body()) : response.bodyText())
                .withIsBase64Encoded(binary)
                .build();
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (!event.getIsBase64Encoded()) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }
}

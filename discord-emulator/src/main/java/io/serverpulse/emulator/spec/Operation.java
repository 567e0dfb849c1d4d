package io.serverpulse.emulator.spec;

/**
 * An operation of Discord's OpenAPI description that a concrete request matched.
 *
 * @param method      upper-case HTTP method
 * @param template    the spec's path template, e.g. {@code /channels/{channel_id}/messages}
 * @param operationId e.g. {@code create_message}
 * @param hasBody     whether the operation declares a request body
 * @param bodyRequired whether the spec marks that body as required
 */
public record Operation(String method, String template, String operationId, boolean hasBody, boolean bodyRequired) {

    @Override
    public String toString() {
        return method + " " + template + " (" + operationId + ")";
    }
}

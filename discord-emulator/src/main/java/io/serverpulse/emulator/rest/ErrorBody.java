package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.state.Json;

/**
 * An error answer as Discord sends it: an HTTP status and a JSON body
 * ({@code {"code": ..., "message": ..., "errors"?: ...}}).
 */
public record ErrorBody(int status, ObjectNode body) {

    public static final int INVALID_FORM_BODY = 50035;

    public static ErrorBody of(int status, int code, String message) {
        ObjectNode body = Json.object();
        body.put("message", message);
        body.put("code", code);
        return new ErrorBody(status, body);
    }

    /** 400 {@code {"code":50035,"message":"Invalid Form Body","errors":{...}}}. */
    public static ErrorBody invalidFormBody(ObjectNode errors) {
        ObjectNode body = Json.object();
        body.put("code", INVALID_FORM_BODY);
        body.put("message", "Invalid Form Body");
        body.set("errors", errors);
        return new ErrorBody(400, body);
    }

    public int code() {
        return body.path("code").asInt();
    }

    public static ErrorBody unauthorized() {
        return of(401, 0, "401: Unauthorized");
    }

    public static ErrorBody notFound() {
        return of(404, 0, "404: Not Found");
    }

    public static ErrorBody methodNotAllowed() {
        return of(405, 0, "405: Method Not Allowed");
    }

    public static ErrorBody unknownChannel() {
        return of(404, 10003, "Unknown Channel");
    }

    public static ErrorBody unknownGuild() {
        return of(404, 10004, "Unknown Guild");
    }

    public static ErrorBody unknownMember() {
        return of(404, 10007, "Unknown Member");
    }

    public static ErrorBody unknownMessage() {
        return of(404, 10008, "Unknown Message");
    }

    public static ErrorBody unknownUser() {
        return of(404, 10013, "Unknown User");
    }

    public static ErrorBody unknownWebhook() {
        return of(404, 10015, "Unknown Webhook");
    }

    public static ErrorBody unknownApplication() {
        return of(404, 10002, "Unknown Application");
    }

    public static ErrorBody unknownInteraction() {
        return of(404, 10062, "Unknown interaction");
    }

    public static ErrorBody alreadyAcknowledged() {
        return of(400, 40060, "Interaction has already been acknowledged.");
    }

    public static ErrorBody missingAccess() {
        return of(403, 50001, "Missing Access");
    }

    public static ErrorBody missingPermissions() {
        return of(403, 50013, "Missing Permissions");
    }

    public static ErrorBody emptyMessage() {
        return of(400, 50006, "Cannot send an empty message");
    }

    public static ErrorBody nonTextChannel() {
        return of(400, 50008, "Cannot send messages in a non-text channel");
    }

    public static ErrorBody cannotEditOthers() {
        return of(403, 50005, "Cannot edit a message authored by another user");
    }

    public static ErrorBody invalidJson() {
        return of(400, 50109, "The request body contains invalid JSON.");
    }
}

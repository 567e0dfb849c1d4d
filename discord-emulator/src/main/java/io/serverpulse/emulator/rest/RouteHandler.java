package io.serverpulse.emulator.rest;

/** Answers one matched route; throws {@link DiscordException} for Discord errors. */
@FunctionalInterface
public interface RouteHandler {

    RestResponse handle(RestRequest request);
}

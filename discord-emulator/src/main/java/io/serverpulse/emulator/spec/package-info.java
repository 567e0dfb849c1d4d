/**
 * Validates what a bot sends to the emulated REST API against Discord's own OpenAPI description of
 * REST v10, read at run time from {@code shared/reference/discord-api-spec/openapi.json} (found by
 * {@link io.serverpulse.common.config.ReferenceFiles}; never copied into the repository).
 *
 * <p>For the REST pipeline:
 * <pre>{@code
 * RequestBodyValidator bodies = SpecValidator.shared();           // loads once; skips with one notice if absent
 * Optional<JsonNode> error = bodies.validateRequest("POST", "/api/v10/channels/1/messages", json);
 * error.ifPresent(body -> respond(400, body));                     // Discord's 50035 Invalid Form Body
 * // multipart: SpecValidator.shared().validateMultipartPayload(method, path, payloadJsonPart)
 * // details:   SpecValidator.Result r = SpecValidator.shared().validate(method, path, json);
 * //            r.outcome(), r.problems(), r.readableProblems(), r.leniencies(), r.httpStatus(), r.errorBody()
 * }</pre>
 *
 * <p>The emulator's REST pipeline runs it on every request body by default, through
 * {@link io.serverpulse.emulator.rest.SpecBodyValidator}.
 *
 * <p>On top of the spec: {@link io.serverpulse.emulator.spec.StricterRules} (Discord's documented bot
 * limits, e.g. 2000 characters of content). Where the spec is stricter than Discord:
 * {@link io.serverpulse.emulator.spec.Leniencies}, each named and tested.
 */
package io.serverpulse.emulator.spec;

/**
 * Interactions as Discord sends them, and the HTTP transport that delivers them to an interactions
 * endpoint.
 *
 * <ul>
 *   <li>{@link io.serverpulse.emulator.interactions.InteractionKeyPair}: the application's Ed25519 key
 *       pair; the bot is configured with {@code publicKeyHex()}.</li>
 *   <li>{@link io.serverpulse.emulator.interactions.InteractionFactory}: payloads (PING, slash command,
 *       component use, modal submit) as Jackson {@code ObjectNode}s, independent of the transport: the
 *       gateway puts the same node in an INTERACTION_CREATE dispatch.</li>
 *   <li>{@link io.serverpulse.emulator.interactions.InteractionSigner}: {@code X-Signature-Ed25519} over
 *       {@code X-Signature-Timestamp + raw body}, exactly as Discord signs.</li>
 *   <li>{@link io.serverpulse.emulator.interactions.InteractionSender}: POSTs, records status, body,
 *       headers and latency, checks a 200 answer against the callback schema and the allowed response
 *       types; a {@link io.serverpulse.emulator.interactions.DeliveryListener} hears of every delivery
 *       (the emulator records them, see {@code DiscordEmulator#interactionSender()}).</li>
 *   <li>{@link io.serverpulse.emulator.interactions.EndpointCheck} and
 *       {@link io.serverpulse.emulator.interactions.Probe}: Discord's endpoint validation (PONG, then
 *       401 to bad signatures, missing headers, an altered body; a stale timestamp as advice).</li>
 * </ul>
 */
package io.serverpulse.emulator.interactions;

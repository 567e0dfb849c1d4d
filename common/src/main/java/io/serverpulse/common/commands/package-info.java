/**
 * The transport-free command core: one raw Discord interaction in, one interaction response out.
 *
 * <h2>For the HTTP endpoint (AWS) and the gateway adapter (self-hosted)</h2>
 * <ol>
 *   <li>Build once: {@link io.serverpulse.common.commands.InteractionHandler#create(io.serverpulse.common.config.ServerPulseConfig,
 *       io.serverpulse.common.store.Store)}. Thread-safe.</li>
 *   <li>HTTP only: verify {@code X-Signature-Ed25519} over timestamp + raw body first (401 on failure); never log the
 *       body (a modal submit carries an AI key).</li>
 *   <li>{@code InteractionOutcome outcome = handler.handle(rawBody)}, which never throws:
 *     <ul>
 *       <li>{@code Respond(response)}: send {@code response.json()} (HTTP 200, {@code application/json}); when
 *           {@code response.hasFiles()}, send {@code multipart/form-data} with part {@code payload_json} =
 *           {@code response.json()} and parts {@code files[n]} = {@code response.files().get(n)}. Over the gateway,
 *           POST the same body to {@code Routes.INTERACTION_CALLBACK}.</li>
 *       <li>{@code Defer(response, work)}: send {@code response} the same way (a DEFERRED_CHANNEL_MESSAGE), then hand
 *           {@code work.toJson()} to a worker (async Lambda invoke, or an executor), which calls
 *           {@code handler.completeDeferred(DeferredWork.fromJson(payload))} and sends the {@link
 *           io.serverpulse.common.commands.FollowUp}: {@code PATCH followUp.route()} with
 *           {@code followUp.json()}, multipart with {@code files[n]} when {@code followUp.hasFiles()}. Within 15 minutes.</li>
 *       <li>{@code Rejected(reason)}: not an interaction at all; answer HTTP 400 and send nothing to Discord.</li>
 *     </ul>
 *   </li>
 *   <li>Register commands with {@code Routes.GLOBAL_COMMANDS_OVERWRITE} and body
 *       {@code handler.registrationJson()}.</li>
 * </ol>
 *
 * <h2>Stable custom ids</h2>
 * {@code <command>:<action>}, routed to the command of that name after the same permission check as the command:
 * {@code setup:update-channel}, {@code setup:collect-channels}, {@code setup:digest}, {@code setup:alerts-on},
 * {@code setup:alerts-off}, {@code setup:done} (wizard components), {@code ai-provider:key} (modal, text input
 * {@code key}).
 */
package io.serverpulse.common.commands;

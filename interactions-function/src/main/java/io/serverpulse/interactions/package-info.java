/**
 * The HTTP interactions endpoint and what serves it.
 *
 * <ul>
 *   <li>{@code http}: transport-free request → response (verify the signature first, refuse replays, PING without the
 *       core, commands on a lane with a time budget, map the outcome to status, headers and body, multipart included).</li>
 *   <li>{@code deferred}: how a DEFERRED answer is finished: the hand-off to a worker ({@code DeferredDispatcher}) and
 *       the worker's job (complete the command, edit {@code @original}).</li>
 *   <li>{@code lambda}: the thin AWS Lambda handlers and the asynchronous invoke of the worker.</li>
 *   <li>{@code local}: the same endpoint as a local server (its own non-blocking HTTP/1.1 front with request
 *       deadlines and connection limits), for self-hosters, tests and benchmarks; the AppCDS training run.</li>
 *   <li>{@code store}: MongoDB connected in the background and watched, as the command lane's store gate.</li>
 *   <li>{@code logging}: the deployable's logging, configured in code.</li>
 *   <li>{@code register}: the {@code register-commands} tool.</li>
 * </ul>
 */
package io.serverpulse.interactions;

/**
 * The HTTP interactions endpoint and what serves it.
 *
 * <ul>
 *   <li>{@code http}: transport-free request → response (verify the signature first, route to the command core, map the
 *       outcome to status, headers and body, multipart included).</li>
 *   <li>{@code deferred}: how a DEFERRED answer is finished: the hand-off to a worker ({@code DeferredDispatcher}) and
 *       the worker's job (complete the command, edit {@code @original}).</li>
 *   <li>{@code discord}: the small Discord REST client the worker and the registration tool use (rate limits per
 *       bucket, 429 Retry-After).</li>
 *   <li>{@code lambda}: the thin AWS Lambda handlers and the asynchronous invoke of the worker.</li>
 *   <li>{@code local}: the same endpoint on a JDK HTTP server, for self-hosters, tests and benchmarks.</li>
 *   <li>{@code register}: the {@code register-commands} tool.</li>
 * </ul>
 */
package io.serverpulse.interactions;

package io.serverpulse.interactions.http;

import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.InteractionHandler.Prepared;
import io.serverpulse.common.commands.InteractionOutcome.Defer;
import io.serverpulse.common.commands.InteractionOutcome.Rejected;
import io.serverpulse.common.commands.InteractionOutcome.Respond;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.crypto.SignatureVerifier;
import io.serverpulse.common.discord.rest.MultipartForm;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.lazy.Lazy;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's interactions endpoint, transport-free: one HTTP request in, one HTTP response out.
 *
 * <ol>
 *   <li>Only POST is served (405 otherwise).</li>
 *   <li>The signature first, before anything reads the body: {@code X-Signature-Ed25519} must verify over
 *       {@code X-Signature-Timestamp} + the raw body with the application's public key, and the timestamp must
 *       lie within {@link #DEFAULT_MAX_AGE} of now. Any failure: 401 and a small body, nothing else happens.</li>
 *   <li>An interaction id answered once is refused (401) if it comes again ({@link ReplayGuard}): Discord never
 *       sends one twice.</li>
 *   <li>A PING is answered PONG here, without the command core and without the store.</li>
 *   <li>The command core reads and routes the interaction without the store ({@link InteractionHandler#prepare});
 *       what it answers that way (autocomplete, outside a server, not permitted, unknown) is answered at once.
 *       A command runs on the {@link CommandLane}, which answers within its budget whatever the store does.
 *       {@code Respond}: 200 with the interaction response, as JSON, or {@code multipart/form-data} when it
 *       carries files. {@code Defer}: the work is handed to the {@link DeferredDispatcher} and the DEFERRED answer
 *       is sent; if the worker queue is full the member is told, ephemerally, to try again in a few seconds.
 *       {@code Rejected} (not an interaction): 400.</li>
 * </ol>
 *
 * <p>Never a 5xx and never a stack trace in a response. Logs carry the outcome, never a body or a header
 * value: a modal submit carries an AI key. Thread-safe.
 */
public final class InteractionsEndpoint {

    public static final String SIGNATURE_HEADER = "X-Signature-Ed25519";
    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    /** How far a request's timestamp may be from now, either way, before it counts as a replay. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(InteractionsEndpoint.class);
    private static final EndpointResponse PONG = EndpointResponse.json(200, "{\"type\":1}");

    private final SignatureVerifier verifier;
    private final Supplier<InteractionHandler> core;
    private final DeferredDispatcher dispatcher;
    private final CommandLane lane;
    private final ReplayGuard replays;
    private final Clock clock;
    private final Duration maxAge;
    private final BurstLog replayed = new BurstLog(LOG, "replayed interactions refused");
    private final BurstLog workerBusy = new BurstLog(LOG, "deferred commands answered 'busy, try again': the worker queue is full");

    /**
     * @param core the command core, built on first use (a PING never needs it)
     * @param lane where commands run within their time budget
     */
    public InteractionsEndpoint(SignatureVerifier verifier, Supplier<InteractionHandler> core, DeferredDispatcher dispatcher,
                                CommandLane lane, ReplayGuard replays, Clock clock, Duration maxAge) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.core = Objects.requireNonNull(core, "core");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.lane = Objects.requireNonNull(lane, "lane");
        this.replays = Objects.requireNonNull(replays, "replays");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
    }

    /** With its own small command lane (4 threads, 16 queued, {@link CommandLane#DEFAULT_BUDGET}) and replay guard. */
    public InteractionsEndpoint(SignatureVerifier verifier, InteractionHandler handler, DeferredDispatcher dispatcher,
                                Clock clock, Duration maxAge) {
        this(verifier, Lazy.built(handler), dispatcher, new CommandLane(4, 16, CommandLane.DEFAULT_BUDGET, StoreGate.ALWAYS),
                ReplayGuard.forMaxAge(maxAge), clock, maxAge);
    }

    /** With the system clock and {@link #DEFAULT_MAX_AGE}. */
    public InteractionsEndpoint(SignatureVerifier verifier, InteractionHandler handler, DeferredDispatcher dispatcher) {
        this(verifier, handler, dispatcher, Clock.systemUTC(), DEFAULT_MAX_AGE);
    }

    /** The logs this endpoint reports once per burst (with its lane's), for a transport that ticks them. */
    public List<BurstLog> logs() {
        List<BurstLog> logs = new ArrayList<>(lane.logs());
        logs.add(replayed);
        logs.add(workerBusy);
        return logs;
    }

    /** Answers one request; blocks until the answer is ready (within the command budget). Never throws. */
    public EndpointResponse handle(EndpointRequest request) {
        return answer(request).join();
    }

    /**
     * Answers one request. Verification, PING and what needs no command are answered on the calling thread;
     * a command completes the future from the lane, within its budget. Never completes exceptionally.
     */
    public CompletableFuture<EndpointResponse> answer(EndpointRequest request) {
        try {
            return answerChecked(request).exceptionally(InteractionsEndpoint::internalError);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(internalError(e));
        }
    }

    /** The core never throws; this guards the mapping itself. If the request was Discord's, answer it. */
    private static EndpointResponse internalError(Throwable e) {
        String reference = reference();
        LOG.error("Interaction response could not be built, reference {}", reference, e);
        return response(InteractionResponse.message(MessageBody.ephemeralText(Texts.english().get("error.internal", reference))));
    }

    private CompletableFuture<EndpointResponse> answerChecked(EndpointRequest request) {
        if (!"POST".equals(request.method())) {
            return CompletableFuture.completedFuture(new EndpointResponse(405,
                    Map.of(EndpointResponse.CONTENT_TYPE, EndpointResponse.JSON, "Allow", "POST"),
                    "{\"error\":\"method not allowed\"}".getBytes(StandardCharsets.UTF_8)));
        }
        Optional<String> refusal;
        try {
            refusal = refusal(request);
        } catch (RuntimeException e) {
            // a verifier must not throw; if one does, the request is still not authenticated
            LOG.error("Signature check failed unexpectedly: {}", e.getClass().getName());
            refusal = Optional.of("invalid request signature");
        }
        if (refusal.isPresent()) {
            LOG.debug("Refused an interaction request ({} bytes): {}", request.bodyLength(), refusal.get());
            return CompletableFuture.completedFuture(EndpointResponse.error(401, refusal.get()));
        }
        Optional<Envelope> envelope = Envelope.read(request.rawBody());
        if (envelope.isPresent() && !replays.firstTime(envelope.get().id())) {
            replayed.record("interaction " + Long.toUnsignedString(envelope.get().id()));
            return CompletableFuture.completedFuture(EndpointResponse.error(401, "interaction already answered"));
        }
        if (envelope.isPresent() && envelope.get().type() == Envelope.PING) {
            return CompletableFuture.completedFuture(PONG);
        }
        Optional<String> json = utf8(request.rawBody());
        if (json.isEmpty()) {
            LOG.info("Rejected a signed interaction body that is not UTF-8 ({} bytes)", request.bodyLength());
            return CompletableFuture.completedFuture(EndpointResponse.error(400, "body is not UTF-8 JSON"));
        }
        Prepared prepared = core.get().prepare(json.get());
        Optional<InteractionOutcome> answered = prepared.answered();
        if (answered.isPresent()) {
            return CompletableFuture.completedFuture(respond(prepared, answered.get()));
        }
        return lane.run(prepared, outcome -> respond(prepared, outcome), request.receivedNanos());
    }

    /** Why the request is not authentic, or empty when it is. Reads headers and raw bytes only. */
    private Optional<String> refusal(EndpointRequest request) {
        Optional<String> signature = request.header(SIGNATURE_HEADER);
        Optional<String> timestamp = request.header(TIMESTAMP_HEADER);
        if (signature.isEmpty() || timestamp.isEmpty()) {
            return Optional.of("missing signature headers");
        }
        if (!verifier.verify(signature.get(), timestamp.get(), request.rawBody())) {
            return Optional.of("invalid request signature");
        }
        Optional<Instant> signedAt = epochSeconds(timestamp.get());
        if (signedAt.isEmpty()) {
            return Optional.of("invalid request timestamp");
        }
        Duration age = Duration.between(signedAt.get(), clock.instant()).abs();
        if (age.compareTo(maxAge) > 0) {
            LOG.info("Refused a correctly signed interaction request with a timestamp {} s from now (replay?)",
                    age.getSeconds());
            return Optional.of("stale request timestamp");
        }
        return Optional.empty();
    }

    private EndpointResponse respond(Prepared prepared, InteractionOutcome outcome) {
        if (outcome instanceof Respond respond) {
            return response(respond.response());
        }
        if (outcome instanceof Defer defer) {
            return deferred(prepared, defer);
        }
        Rejected rejected = (Rejected) outcome;
        LOG.info("Rejected a signed body that is not an interaction: {}", rejected.reason());
        return EndpointResponse.error(400, "not an interaction: " + rejected.reason());
    }

    private EndpointResponse deferred(Prepared prepared, Defer defer) {
        DeferredWork work = defer.work();
        try {
            dispatcher.dispatch(work);
        } catch (DeferredDispatcher.DispatchException e) {
            if (e.busy()) {
                workerBusy.record("/" + work.command() + " in guild " + Long.toUnsignedString(work.guildId()));
                return response(InteractionResponse.message(MessageBody.ephemeralText(prepared.texts().get("error.busy"))));
            }
            String reference = reference();
            LOG.error("Could not hand /{} in guild {} to the worker, reference {}: {}", work.command(),
                    Long.toUnsignedString(work.guildId()), reference, e.getMessage());
            return response(InteractionResponse.message(MessageBody.ephemeralText(
                    Texts.forLocale(work.locale()).get("error.internal", reference))));
        }
        LOG.debug("Deferred /{} in guild {}", work.command(), Long.toUnsignedString(work.guildId()));
        return response(defer.response());
    }

    /** An interaction response as HTTP: JSON, or multipart with {@code payload_json} and {@code files[n]}. */
    static EndpointResponse response(InteractionResponse response) {
        if (response.hasFiles()) {
            return EndpointResponse.multipart(MultipartForm.of(response.json(), response.files()));
        }
        return EndpointResponse.json(200, response.json());
    }

    private static Optional<Instant> epochSeconds(String timestamp) {
        if (timestamp.isEmpty() || timestamp.length() > 12) {
            return Optional.empty();
        }
        for (int i = 0; i < timestamp.length(); i++) {
            if (timestamp.charAt(i) < '0' || timestamp.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(timestamp)));
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String reference() {
        byte[] bytes = new byte[4];
        References.RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Built on the first error reference, not at start: seeding it loads the security providers (a PING needs none). */
    private static final class References {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}

package io.serverpulse.collector.commands;

import io.serverpulse.common.commands.CommandBudget;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.InteractionHandler.Prepared;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionOutcome.Defer;
import io.serverpulse.common.commands.InteractionOutcome.Rejected;
import io.serverpulse.common.commands.InteractionOutcome.Respond;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-hosted mode: slash commands, buttons and modals that arrive over the gateway go, as the raw
 * interaction JSON Discord sent, through the transport-free command core in {@code common}
 * ({@link InteractionHandler}); its answer is POSTed to the interaction's callback route
 * ({@link Routes#INTERACTION_CALLBACK}), and a deferred answer is finished on a worker by editing
 * {@code @original} ({@link Routes#ORIGINAL_RESPONSE_EDIT}), both over {@link DiscordRest} (JDA has
 * no API for sending a ready-made interaction response) and authorised by the interaction's token,
 * which is never logged. Off the gateway thread, so
 * that counting never waits for a command. After a command in a guild, that guild's settings and
 * opt-outs are read again ({@code refreshGuild}), so a whitelist, threshold or opt-out change applies
 * to the very next event.
 *
 * <p>Every interaction gets its first answer within {@link #BUDGET} of its arrival, whatever the store does
 * ({@link CommandBudget}, as the HTTP endpoint's lane):
 * what needs no store (a refusal, a missing permission) is answered at once; a command whose reads have not
 * returned by then is answered, ephemerally and in the member's language, that storage isn't answering, and a
 * command still waiting for a thread then never starts (so nothing is changed behind that answer). Answers are
 * sent on threads of their own, so a hung store never holds up the answers of others.
 */
public final class GatewayInteractions extends ListenerAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayInteractions.class);
    /**
     * The first answer leaves at most this long after the event arrived: Discord's 3 seconds also hold the
     * gateway's delivery and the callback's round trip.
     */
    public static final Duration BUDGET = Duration.ofMillis(2000);

    private final InteractionHandler handler;
    private final DiscordRest discord;
    private final LongConsumer refreshGuild;
    private final ExecutorService answers = Executors.newFixedThreadPool(2, daemon("serverpulse-commands"));
    private final ExecutorService deferred = Executors.newFixedThreadPool(2, daemon("serverpulse-deferred"));
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, daemon("serverpulse-callbacks"));
    private final Duration budget;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong slow = new AtomicLong();

    /** @param refreshGuild reads a guild's settings and opt-outs again, after a command in it */
    public GatewayInteractions(InteractionHandler handler, DiscordRest discord, LongConsumer refreshGuild) {
        this(handler, discord, refreshGuild, BUDGET);
    }

    GatewayInteractions(InteractionHandler handler, DiscordRest discord, LongConsumer refreshGuild, Duration budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.discord = Objects.requireNonNull(discord, "discord");
        this.refreshGuild = Objects.requireNonNull(refreshGuild, "refreshGuild");
    }

    @Override
    public void onRawGateway(RawGatewayEvent event) {
        if (!"INTERACTION_CREATE".equals(event.getType())) {
            return;
        }
        DataObject payload = event.getPayload();
        accept(payload.toString(), payload.getString("id", ""), payload.getString("token", ""),
                payload.getUnsignedLong("guild_id", 0L));
    }

    /**
     * Answers the interaction {@code raw} (its id, token and guild) within the budget. Reading and routing it
     * happen on a callback thread, never on the gateway's: counting never waits for a command.
     */
    void accept(String raw, String id, String token, long guildId) {
        long received = System.nanoTime();
        try {
            callbacks.execute(() -> route(raw, id, token, guildId, received));
        } catch (RejectedExecutionException e) {
            log.warn("Interaction {} not answered: shutting down", id);
        }
    }

    private void route(String raw, String id, String token, long guildId, long received) {
        Prepared prepared = handler.prepare(raw);
        Optional<InteractionOutcome> known = prepared.answered();
        if (known.isPresent()) {
            answer(id, token, known.get());
            return;
        }
        CompletableFuture<InteractionOutcome> first;
        try {
            // the command may have changed the guild's settings or opt-outs: in force before the member sees the answer
            Runnable refresh = guildId == 0 ? () -> { } : () -> refreshGuild.accept(guildId);
            first = CommandBudget.run(prepared, answers, budget, received, refresh, () -> {
                slow.incrementAndGet();
                log.warn("Interaction {} answered 'storage isn't answering': no result within {} ms", id, budget.toMillis());
            });
        } catch (RejectedExecutionException e) {
            log.warn("Interaction {} not answered: shutting down", id);
            return;
        }
        first.thenAcceptAsync(outcome -> answer(id, token, outcome), callbacks);
    }

    private void answer(String id, String token, InteractionOutcome outcome) {
        try {
            if (outcome instanceof Respond respond) {
                callback(id, token, respond.response());
            } else if (outcome instanceof Defer defer) {
                callback(id, token, defer.response());
                DeferredWork work = defer.work();
                deferred.execute(() -> finish(work));
            } else if (outcome instanceof Rejected rejected) {
                log.warn("Gateway interaction {} was not an interaction: {}", id, rejected.reason());
            }
            handled.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.warn("Could not answer interaction {}: {}", id, e.getMessage());
        }
    }

    private void callback(String id, String token, InteractionResponse response) {
        RestResult result = discord.send(RestCall.message(Routes.INTERACTION_CALLBACK.compile(id, token), response.json(),
                response.files()));
        if (!result.ok()) {
            throw new IllegalStateException("the interaction callback failed with HTTP " + result.status() + " code "
                    + result.errorCode() + " (" + result.errorMessage() + ")");
        }
    }

    private void finish(DeferredWork work) {
        FollowUp followUp = handler.completeDeferred(work);
        try {
            RestResult result = discord.send(RestCall.message(followUp.route(), followUp.json(), followUp.files()));
            if (!result.ok()) {
                failed.incrementAndGet();
                log.warn("Could not finish deferred /{} in guild {}: HTTP {} code {} ({})", work.command(), work.guildId(),
                        result.status(), result.errorCode(), result.errorMessage());
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.warn("Could not finish deferred /{} in guild {}: {}", work.command(), work.guildId(), e.getMessage());
        }
    }

    /** Interactions answered, and answers that could not be sent. */
    public long handled() {
        return handled.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Interactions answered at the budget because their command had not finished. */
    public long answeredAtBudget() {
        return slow.get();
    }

    @Override
    public void close() {
        answers.shutdown();
        deferred.shutdown();
        callbacks.shutdown();
        try {
            answers.awaitTermination(5, TimeUnit.SECONDS);
            deferred.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            callbacks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answers.shutdownNow();
        deferred.shutdownNow();
        callbacks.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package io.serverpulse.collector.digests;

import io.serverpulse.common.ai.AiServices;
import io.serverpulse.common.digest.DigestComposer;
import io.serverpulse.common.digest.DigestDelivery;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestPlanner;
import io.serverpulse.common.digest.DigestSummaries;
import io.serverpulse.common.digest.RestChannelNames;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-hosted digest schedule: a thread of its own (composing and posting a digest takes a second or
 * two and must not hold up flushes or alerts) that wakes when the next digest of the guilds this process
 * serves is due, and at least every {@code recheck} to see changed settings. Each time it reads the stored
 * settings, keeps the guilds the bot is in (a guild it left gets nothing), asks the {@link DigestPlanner}
 * what is due — so at start-up it is rebuilt from the settings and posts, once, a period missed while it was
 * down if that is still recent — and delivers each with the {@link DigestDelivery}, which posts a period once
 * whatever another process does. Due digests are delivered by {@link #DELIVERY_THREADS} threads, so a guild
 * whose AI provider takes its whole budget delays no more than its own digest (charts take CPU, AI waits do
 * not). One guild's failure is logged and the others go on; what failed stays due.
 */
public final class DigestTimer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DigestTimer.class);
    /** How soon to look again when the bot is not connected to any guild yet. */
    static final Duration NOT_CONNECTED = Duration.ofSeconds(5);
    /** How many digests are composed and posted at once. */
    static final int DELIVERY_THREADS = 4;

    /** Posts one guild's digest of one period ({@link DigestDelivery#deliver}). */
    @FunctionalInterface
    interface Deliverer {
        DigestDelivery.Outcome deliver(GuildSettings settings, DigestPeriod period);
    }

    private final Store store;
    private final DigestPlanner planner;
    private final Deliverer delivery;
    private final Supplier<long[]> servedGuilds;
    private final Clock clock;
    private final Duration recheck;
    private final ScheduledExecutorService thread;
    private final ExecutorService deliveries;

    public DigestTimer(Store store, DigestDelivery delivery, Supplier<long[]> servedGuilds, Clock clock, Duration recheck) {
        this(store, delivery::deliver, servedGuilds, clock, recheck);
    }

    DigestTimer(Store store, Deliverer delivery, Supplier<long[]> servedGuilds, Clock clock, Duration recheck) {
        this.store = Objects.requireNonNull(store, "store");
        this.planner = new DigestPlanner(store);
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.servedGuilds = Objects.requireNonNull(servedGuilds, "servedGuilds");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recheck = Objects.requireNonNull(recheck, "recheck");
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "serverpulse-digests");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger number = new AtomicInteger();
        this.deliveries = Executors.newFixedThreadPool(DELIVERY_THREADS, runnable -> {
            Thread t = new Thread(runnable, "serverpulse-digest-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The collector's timer, started: digests composed from {@code store} (the AI summary by the guild's providers
     * of {@code ai}, within its digest budget), posted with {@code updates}, the process's one poster (channel names
     * for the charts looked up over {@code rest}), for the guilds {@code servedGuilds}.
     */
    public static DigestTimer start(Store store, DiscordRest rest, UpdatePoster updates, AiServices ai, Supplier<long[]> servedGuilds,
                                    Clock clock, Duration recheck) {
        DigestSummaries summaries = DigestSummaries.of(ai.summaries(store, clock, ai.digestPolicy()));
        DigestDelivery delivery = new DigestDelivery(store, DigestComposer.of(store, new RestChannelNames(rest), summaries),
                updates, clock, "collector");
        return new DigestTimer(store, delivery, servedGuilds, clock, recheck).start();
    }

    /** Starts looking for due digests now. */
    public DigestTimer start() {
        thread.execute(this::run);
        return this;
    }

    private void run() {
        Duration sleep = recheck;
        try {
            sleep = runDue();
        } catch (RuntimeException e) {
            log.warn("Digest schedule run failed: {}", e.toString());
        } finally {
            if (!thread.isShutdown()) {
                thread.schedule(this::run, Math.max(1, sleep.toMillis()), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Delivers what is due now for the guilds served; returns how long to sleep. */
    Duration runDue() {
        Set<Long> served = Arrays.stream(servedGuilds.get()).boxed().collect(Collectors.toSet());
        if (served.isEmpty()) {
            return NOT_CONNECTED;
        }
        Instant now = clock.instant();
        List<GuildSettings> guilds = store.allSettings().stream().filter(s -> served.contains(s.guildId())).toList();
        List<Future<?>> running = new ArrayList<>();
        for (DigestPlanner.Due due : planner.due(guilds, now)) {
            if (thread.isShutdown()) {
                break;
            }
            running.add(deliveries.submit(() -> deliver(due)));
        }
        for (Future<?> each : running) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return recheck;
            } catch (ExecutionException e) {
                log.warn("Digest delivery failed: {}", e.getCause().toString());
            }
        }
        Instant after = clock.instant();
        return DigestPlanner.nextDue(guilds, after).map(next -> Duration.between(after, next))
                .filter(untilNext -> untilNext.compareTo(recheck) < 0).orElse(recheck);
    }

    private void deliver(DigestPlanner.Due due) {
        try {
            DigestDelivery.Outcome outcome = delivery.deliver(due.settings(), due.period());
            log.debug("Digest {} of guild {}: {}", due.period().key(), due.settings().guildId(), outcome);
        } catch (RuntimeException e) {
            log.warn("Digest {} of guild {} not posted, it stays due: {}", due.period().key(), due.settings().guildId(),
                    e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        deliveries.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
            deliveries.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

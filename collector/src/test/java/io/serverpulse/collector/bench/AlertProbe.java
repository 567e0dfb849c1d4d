package io.serverpulse.collector.bench;

import io.serverpulse.collector.alerts.AlertDispatcher;
import io.serverpulse.collector.alerts.BackgroundWrites;
import io.serverpulse.collector.alerts.CachedUpdateChannels;
import io.serverpulse.collector.alerts.RestAlertPublisher;
import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.collector.support.SpecChecked;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertSink;
import io.serverpulse.common.alerts.detect.AlertDetector;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.state.StoredMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alert latency on the collector's own alert path, under whatever load shares its store: join raids
 * raised in guilds of the ingestion load, each detected by the production {@link AlertDetector} (the
 * 10th join within a minute, the default rule) and posted by the {@link AlertDispatcher} through
 * {@code common}'s poster into the emulated Discord (every body checked against Discord's spec),
 * with the alert record and any channel found saved to {@code store} afterwards, as the collector
 * wires it. Measured per raid: from the 10th join handed to the detector to the message stored by
 * the emulator (what a member sees), and from the detector's notice to that message.
 *
 * <p>Each guild of the emulator has its update channel saved in its settings before the load starts
 * (a running bot has found or created it long before), and raids a guild at most once per run (the
 * detector's cooldown would hide a second one).
 */
final class AlertProbe implements AutoCloseable {

    static final long CHANNEL_BASE = 4_000_000_000L;
    static final long OWNER = 5_000_000_000L;
    static final long JOINER_BASE = 6_000_000_000L;
    static final int JOINS = 10;

    private final int guilds;
    private final DiscordEmulator discord;
    private final DiscordRest rest;

    /** Latencies of one run, in milliseconds, and raids not posted by its end. */
    record Result(double[] joinToPostMillis, double[] noticeToPostMillis, int raised, int unposted) {
        static final Result NONE = new Result(new double[0], new double[0], 0, 0);

        double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        double p50() {
            return percentile(joinToPostMillis, 50);
        }

        double p99() {
            return percentile(joinToPostMillis, 99);
        }

        double max() {
            return joinToPostMillis.length == 0 ? Double.NaN : joinToPostMillis[joinToPostMillis.length - 1];
        }

        double noticeP50() {
            return percentile(noticeToPostMillis, 50);
        }

        double noticeP99() {
            return percentile(noticeToPostMillis, 99);
        }
    }

    /** An emulated Discord with {@code guilds} guilds of the load, each with a text channel for updates. */
    AlertProbe(int guilds) {
        this.guilds = guilds;
        List<Community> communities = new ArrayList<>();
        for (int i = 0; i < guilds; i++) {
            communities.add(new Community(guild(i), "Load guild " + i, OWNER,
                    List.of(new Community.Channel(channel(i), "serverpulse-updates", ChannelType.GUILD_TEXT, 0)),
                    List.of(new Community.Member(OWNER, "owner", false)), List.of()));
        }
        discord = DiscordEmulator.builder(communities).validator(new SpecChecked()).start();
        rest = DiscordRest.create(discord.restBaseUrl(), Optional.of(discord.token()));
    }

    static long guild(int index) {
        return IngestionLoadBenchmark.GUILD_BASE + index;
    }

    static long channel(int index) {
        return CHANNEL_BASE + index;
    }

    /**
     * Prepares a run over {@code store}: saves the update channel of the guilds it may raid
     * ({@code raids} of them, at most the emulator's), and builds the alert path over it.
     */
    Run prepare(Store store, int raids) {
        int n = Math.min(raids, guilds);
        for (int i = 0; i < n; i++) {
            long channel = channel(i);
            store.updateSettings(guild(i), s -> s.withUpdateChannel(channel, Instant.now()));
        }
        return new Run(store, n);
    }

    /** One run: raids at a steady pace on a thread of its own, and a poller noting when each was posted. */
    final class Run {
        private final SettingsCache cache;
        private final AlertDispatcher dispatcher;
        private final AlertDetector detector;
        private final int raids;
        private final int messagesBefore;
        private final Map<Long, Long> joinNanos = new ConcurrentHashMap<>();
        private final Map<Long, Long> noticeNanos = new ConcurrentHashMap<>();
        private final Map<Long, Long> postedNanos = new ConcurrentHashMap<>();
        private final AtomicLong raised = new AtomicLong();
        private volatile boolean stopping;
        private Thread raider;
        private Thread poller;

        private Run(Store store, int raids) {
            this.raids = raids;
            cache = new SettingsCache(store, Duration.ofSeconds(10));
            for (int i = 0; i < raids; i++) {
                cache.preload(guild(i));
            }
            BackgroundWrites writes = new BackgroundWrites(Duration.ofSeconds(1));
            dispatcher = new AlertDispatcher(store, RestAlertPublisher.create(new UpdatePoster(rest,
                    new CachedUpdateChannels(cache, store, writes, Clock.systemUTC())), cache), writes);
            AlertSink timed = notice -> {
                if (notice.kind() == AlertNotice.Kind.OPENED) {
                    noticeNanos.putIfAbsent(notice.alert().guildId(), System.nanoTime());
                }
                dispatcher.deliver(notice);
            };
            detector = new AlertDetector(cache::require, timed);
            messagesBefore = discord.recorded().messages().size();
        }

        /** What the load also hands the detector (as the collector's pipeline does): it ignores all but joins and deletions. */
        void accept(ActivityEvent event) {
            detector.accept(event);
        }

        /** Raises one raid every {@code every} until {@link #finish} or the guilds run out. */
        void start(Duration every) {
            raider = new Thread(() -> {
                long next = System.nanoTime();
                for (int i = 0; i < raids && !stopping; i++) {
                    next += every.toNanos();
                    long guild = guild(i);
                    for (int j = 0; j < JOINS; j++) {
                        if (j == JOINS - 1) {
                            joinNanos.put(guild, System.nanoTime());
                        }
                        detector.accept(new ActivityEvent.MemberJoined(guild, JOINER_BASE + j, Instant.now()));
                    }
                    raised.incrementAndGet();
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        try {
                            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "alert-probe-raids");
            poller = new Thread(() -> {
                int seen = messagesBefore;
                while (!Thread.currentThread().isInterrupted()) {
                    List<StoredMessage> messages = discord.recorded().messages();
                    long now = System.nanoTime();
                    for (int k = seen; k < messages.size(); k++) {
                        postedNanos.putIfAbsent(messages.get(k).guildId(), now);
                    }
                    seen = messages.size();
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "alert-probe-poll");
            raider.setDaemon(true);
            poller.setDaemon(true);
            raider.start();
            poller.start();
        }

        /** Stops raising, waits up to {@code wait} for the raids raised to be posted, and closes the alert path. */
        Result finish(Duration wait) throws InterruptedException {
            stopping = true;
            raider.join();
            long deadline = System.nanoTime() + wait.toNanos();
            while (postedNanos.size() < joinNanos.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            poller.interrupt();
            poller.join();
            dispatcher.close(Duration.ofSeconds(10));
            List<Double> join = new ArrayList<>();
            List<Double> notice = new ArrayList<>();
            joinNanos.forEach((guild, t) -> {
                Long posted = postedNanos.get(guild);
                if (posted != null) {
                    join.add((posted - t) / 1e6);
                    Long noticed = noticeNanos.get(guild);
                    if (noticed != null) {
                        notice.add((posted - noticed) / 1e6);
                    }
                }
            });
            double[] j = join.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] n = notice.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(j, n, (int) raised.get(), joinNanos.size() - j.length);
        }
    }

    @Override
    public void close() {
        discord.close();
    }
}

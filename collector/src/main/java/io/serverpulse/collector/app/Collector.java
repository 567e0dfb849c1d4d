package io.serverpulse.collector.app;

import io.serverpulse.collector.alerts.ActivityDropSchedule;
import io.serverpulse.collector.alerts.AlertDispatcher;
import io.serverpulse.collector.alerts.AlertPublisher;
import io.serverpulse.collector.alerts.BackgroundWrites;
import io.serverpulse.collector.alerts.BaselineSeeder;
import io.serverpulse.collector.alerts.CachedUpdateChannels;
import io.serverpulse.collector.alerts.RestAlertPublisher;
import io.serverpulse.collector.alerts.SqsAlertPublisher;
import io.serverpulse.collector.digests.DigestTimer;
import io.serverpulse.collector.commands.GatewayInteractions;
import io.serverpulse.collector.commands.SelfHostedCommands;
import io.serverpulse.collector.gateway.ActivityRecorder;
import io.serverpulse.collector.gateway.DisallowedIntents;
import io.serverpulse.collector.gateway.Gateway;
import io.serverpulse.collector.gateway.GatewayGaps;
import io.serverpulse.collector.gateway.GatewayListener;
import io.serverpulse.collector.gateway.GatewayOptions;
import io.serverpulse.collector.gateway.MemberCounts;
import io.serverpulse.collector.gateway.RecorderStats;
import io.serverpulse.collector.gateway.VoiceTracker;
import io.serverpulse.collector.health.Readiness;
import io.serverpulse.collector.members.MemberEventLog;
import io.serverpulse.collector.privacy.OptOutCache;
import io.serverpulse.collector.retention.RetentionMaintenance;
import io.serverpulse.collector.sentiment.SentimentSetup;
import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.common.alerts.detect.ActivityDropWatch;
import io.serverpulse.common.alerts.detect.AlertDetector;
import io.serverpulse.common.ai.AiServices;
import io.serverpulse.common.config.DeploymentMode;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.KeyRotation;
import io.serverpulse.common.crypto.MasterKeys;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.metrics.flush.FlushPolicy;
import io.serverpulse.common.metrics.flush.FlushStats;
import io.serverpulse.common.metrics.flush.MetricFlusher;
import io.serverpulse.common.metrics.flush.ShutdownReport;
import io.serverpulse.common.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The always-on process (docs/ARCHITECTURE.md, "Data flow" 1-4), built once from the configuration: the JDA
 * gateway feeds the {@link ActivityRecorder}, whose events are aggregated in memory and flushed in
 * bulk every {@code FLUSH_SECONDS} ({@link MetricFlusher}) and watched by the {@link AlertDetector};
 * alerts go to the {@link AlertDispatcher} (posted with {@code common}'s poster over REST, or sent to
 * the alert queue that {@code alert-function} consumes; then stored). In the self-hosted mode the same
 * process answers slash commands that arrive over the gateway and checks activity drops every hour
 * ({@link ActivityDropSchedule}) and posts digests when they are due ({@link DigestTimer}); in
 * the AWS mode those are {@code alert-function}'s and {@code digest-function}'s jobs and are not scheduled here.
 *
 * <p>{@link #close()} is the SIGTERM path: stop counting, end open voice stretches, flush the last
 * counters (retrying for the flusher's close deadline), write the last join/leave records, finish
 * queued alerts, then disconnect from the gateway and close the store.
 */
public final class Collector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private final Store store;
    private final boolean ownsStore;
    private final Clock clock;
    private final SettingsCache settings;
    private final OptOutCache optOuts;
    private final MetricFlusher flusher;
    private final AlertDetector detector;
    private final AlertDispatcher alerts;
    private final ActivityRecorder recorder;
    private final MemberEventLog memberEvents;
    private final GatewayListener listener;
    private final GatewayInteractions interactions;
    private final SqsAlertPublisher queue;
    private final PeriodicTasks tasks = new PeriodicTasks();
    private final ActivityDropSchedule drops;
    private final RetentionMaintenance retention;
    private final DigestTimer digests;
    private final ShardManager shards;
    private final Object closeLock = new Object();
    private ShutdownReport report;

    /**
     * Checks the settings the collector cannot start without (the bot token; in the AWS mode the alert queue, and
     * MongoDB unless a store is supplied), so that a missing one is named before anything is opened.
     *
     * @throws io.serverpulse.common.config.ConfigException naming the first missing setting
     */
    static void requireSettings(ServerPulseConfig config, boolean storeSupplied) {
        config.requireDiscordToken();
        if (config.mode() == DeploymentMode.AWS) {
            config.requireAlertQueueUrl();
            if (!storeSupplied) {
                config.requireMongoUri();
            }
        }
    }

    Collector(CollectorBuilder b) {
        ServerPulseConfig config = b.config;
        // configuration first, so that a missing setting fails before anything is opened
        requireSettings(config, b.store != null);
        String token = config.requireDiscordToken();
        String alertQueue = config.mode() == DeploymentMode.AWS ? config.requireAlertQueueUrl() : null;
        this.clock = b.clock;
        // self-hosted, AI keys are always sealed: with the configured master key or one generated in the data directory
        Optional<SecretSealer> sealer = config.mode() == DeploymentMode.SELF_HOSTED
                ? Optional.of(MasterKeys.selfHosted(config)) : MasterKeys.configured(config);
        this.ownsStore = b.store == null || b.closeStore;
        this.store = b.store != null ? b.store : StoreFactory.open(config);
        this.settings = new SettingsCache(store, b.settingsRetry);
        this.optOuts = new OptOutCache(store, b.settingsRetry);
        this.retention = new RetentionMaintenance(store, clock, b.retentionSchedule);
        settings.onChange(retention::settingsChanged);
        this.flusher = MetricFlusher.builder(store)
                .policy(b.flushPolicy != null ? b.flushPolicy : FlushPolicy.everySeconds(config.flushSeconds()))
                .build();
        this.memberEvents = new MemberEventLog(store, b.maxPendingMemberEvents);
        AtomicReference<ShardManager> running = new AtomicReference<>();
        DiscordRest rest = DiscordRest.create(config.discordApiBaseUrl(), Optional.of(token));
        // the AI providers: /pulse, /askpulse, /ai-provider test and the digests (self-hosted)
        AiServices ai = AiServices.of(config, sealer);
        BackgroundWrites alertWrites = new BackgroundWrites(Duration.ofSeconds(1));
        AlertPublisher publisher;
        // self-hosted: alerts and digests post through this one poster, so one guild's update channel is resolved one at a time
        UpdatePoster updates = null;
        if (config.mode() == DeploymentMode.AWS) {
            this.queue = new SqsAlertPublisher(b.sqsClient != null ? b.sqsClient : SqsAlertPublisher.defaultClient(alertQueue),
                    alertQueue);
            publisher = queue;
        } else {
            this.queue = null;
            updates = new UpdatePoster(rest, new CachedUpdateChannels(settings, store, alertWrites, clock));
            publisher = RestAlertPublisher.create(updates, settings);
        }
        this.alerts = new AlertDispatcher(store, publisher, alertWrites);
        this.detector = new AlertDetector(settings::require, alerts, b.detectorOptions, new MemberCounts(running::get));
        ScheduledExecutorService scheduler = tasks.scheduler();
        // self-hosted: activity drops are checked hourly in-process (in the AWS mode by alert-function)
        GatewayGaps gaps = new GatewayGaps(clock);
        this.drops = config.mode() == DeploymentMode.SELF_HOSTED ? new ActivityDropSchedule(new ActivityDropWatch(store, store),
                flusher, () -> servedGuilds(running.get()), settings::get, alerts, scheduler, clock.instant(), gaps) : null;
        this.recorder = new ActivityRecorder(settings, new VoiceTracker(),
                new CollectorPipeline(flusher, detector, memberEvents, drops == null ? at -> { } : drops::eventAt),
                SentimentSetup.scorer(config.messageContentIntent()), optOuts);

        List<Object> listeners = new ArrayList<>();
        this.listener = new GatewayListener(recorder, settings, clock);
        listeners.add(listener);
        if (config.mode() == DeploymentMode.SELF_HOSTED) {
            SelfHostedCommands commands = SelfHostedCommands.wire(store, clock, rest, ai, config.messageContentIntent(),
                    guildId -> {
                        settings.refresh(guildId);
                        optOuts.refresh(guildId);
                    });
            this.interactions = commands.interactions();
            listeners.addAll(commands.listeners());
        } else {
            this.interactions = null;
        }
        listeners.add(new DisallowedIntents(config.messageContentIntent(), b.onGatewayRefused));
        listeners.add(new BaselineSeeder(store, detector, scheduler, clock));
        listeners.add(gaps);
        listeners.addAll(b.extraListeners);

        flusher.start();
        sealer.filter(SecretSealer::rotating).ifPresent(this::resealInBackground);
        retention.start(() -> servedGuilds(running.get()));
        tasks.every(b.tickInterval, "alert tick", () -> {
            detector.tick(clock.instant());
            recorder.cutVoiceAtHour(clock.instant());
        });
        if (drops != null) {
            tasks.every(b.tickInterval, "activity-drop check", () -> drops.tick(clock.instant()));
        }
        tasks.every(flusher.policy().interval(), "member event flush", memberEvents::flush);
        tasks.every(b.settingsRefresh, "settings refresh", settings::refreshAll);
        tasks.every(b.settingsRefresh, "opt-out refresh", optOuts::refreshAll);

        try {
            this.shards = Gateway.connect(new GatewayOptions(token, config.shards(), config.discordApiBaseUrl(),
                    Optional.ofNullable(b.gatewayUrl), config.messageContentIntent()), listeners);
        } catch (RuntimeException e) {
            // nothing was counted yet: stop what was started and hand the reason to the caller
            tasks.shutdownNow();
            retention.close();
            flusher.close();
            alerts.close(Duration.ofSeconds(1));
            if (interactions != null) {
                interactions.close();
            }
            if (queue != null) {
                queue.close();
            }
            if (ownsStore) {
                store.close();
            }
            throw e;
        }
        running.set(shards);
        // self-hosted: digests are posted in-process (in the AWS mode EventBridge Scheduler invokes digest-function)
        this.digests = config.mode() == DeploymentMode.SELF_HOSTED
                ? DigestTimer.start(store, rest, updates, ai, () -> servedGuilds(running.get()), clock, b.settingsRefresh) : null;
        log.info("ServerPulse collector started ({} mode, store {}, flush every {} s)",
                config.mode() == DeploymentMode.AWS ? "AWS" : "self-hosted", store.describe(),
                flusher.policy().interval().toSeconds());
    }

    /** A rotation of the master key is under way: re-seals the stored AI keys with the new one, off the start-up path. */
    private void resealInBackground(SecretSealer sealer) {
        Thread thread = new Thread(() -> {
            try {
                KeyRotation.resealAll(store, sealer, clock.instant());
            } catch (RuntimeException e) {
                log.warn("Re-sealing the stored AI keys failed ({}); run java -jar serverpulse.jar reseal-keys", e.getMessage());
            }
        }, "serverpulse-reseal");
        thread.setDaemon(true);
        thread.start();
    }

    public static CollectorBuilder builder(ServerPulseConfig config) {
        return new CollectorBuilder(config);
    }

    private static long[] servedGuilds(ShardManager manager) {
        return manager == null ? new long[0] : manager.getGuildCache().applyStream(guilds -> guilds.mapToLong(Guild::getIdLong).toArray());
    }

    /** Waits until every shard of this process is connected; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Readiness.connected(shards)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Ready when every shard is connected and the last metric write did not fail (the health endpoint's answer). */
    public Readiness readiness() {
        return Readiness.of(shards, flusher.stats());
    }

    public ShardManager shards() {
        return shards;
    }

    public Store store() {
        return store;
    }

    public SettingsCache settings() {
        return settings;
    }

    /** Which members of the served guilds opted out. */
    public OptOutCache optOuts() {
        return optOuts;
    }

    /** The retention sweep and re-stamping of this process. */
    public RetentionMaintenance retention() {
        return retention;
    }

    public FlushStats flushStats() {
        return flusher.stats();
    }

    public RecorderStats recorderStats() {
        return recorder.stats();
    }

    public AlertDispatcher.Stats alertStats() {
        return alerts.stats();
    }

    public long memberEventsWritten() {
        return memberEvents.written();
    }

    /** Interactions answered over the gateway (self-hosted mode), 0 in the AWS mode. */
    public long interactionsHandled() {
        return interactions == null ? 0 : interactions.handled();
    }

    /** The last hour boundary up to which activity drops were checked (self-hosted mode; empty in the AWS mode). */
    public Optional<Instant> activityDropsCheckedUpTo() {
        return drops == null ? Optional.empty() : Optional.of(drops.checkedUpTo());
    }

    /** Flushes now (the demo and tests; the schedule does it every interval). */
    public void flushNow() {
        flusher.flush();
        memberEvents.flush();
    }

    /**
     * The SIGTERM path; returns what the flusher could not write (empty when everything was
     * written). Idempotent.
     */
    @Override
    public void close() {
        shutdown();
    }

    public ShutdownReport shutdown() {
        synchronized (closeLock) {
            if (report != null) {
                return report;
            }
            log.info("Shutting down the collector");
            // 1. stop counting (the gateway stays up so that queued alerts can still be posted)
            listener.stop();
            tasks.shutdownNow();
            retention.close();
            if (digests != null) {
                digests.close();
            }
            if (interactions != null) {
                interactions.close();
            }
            Instant now = clock.instant();
            recorder.closeVoice(now);
            detector.tick(now);
            // detection stops here: an incident left open would read "ongoing" for good
            detector.endAll(now);
            // 2. the last counters and join/leave records
            report = flusher.close();
            if (!memberEvents.flush()) {
                log.error("{} join/leave records could not be written before shutdown", memberEvents.pending());
            }
            // 3. queued alerts, then the gateway
            alerts.close();
            shards.shutdown();
            for (JDA jda : shards.getShards()) {
                try {
                    jda.awaitShutdown(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (queue != null) {
                queue.close();
            }
            if (ownsStore) {
                store.close();
            }
            RecorderStats stats = recorder.stats();
            log.info("Collector stopped: {} gateway events, {} activity events recorded, {} written, {} dropped, {} unwritten",
                    stats.received(), stats.recorded(), flusher.stats().eventsWritten(), report.eventsDropped(),
                    report.unwrittenEvents());
            return report;
        }
    }
}

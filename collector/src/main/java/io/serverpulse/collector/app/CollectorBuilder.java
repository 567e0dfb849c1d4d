package io.serverpulse.collector.app;

import io.serverpulse.collector.retention.RetentionMaintenance;
import io.serverpulse.common.alerts.detect.DetectorOptions;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.metrics.flush.FlushPolicy;
import io.serverpulse.common.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.JDA;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds a {@link Collector}; everything but the configuration has a production default. */
public final class CollectorBuilder {
    final ServerPulseConfig config;
    Store store;
    boolean closeStore;
    Clock clock = Clock.systemUTC();
    String gatewayUrl;
    FlushPolicy flushPolicy;
    DetectorOptions detectorOptions = DetectorOptions.defaults();
    SqsClient sqsClient;
    Duration settingsRefresh = Duration.ofSeconds(30);
    Duration settingsRetry = Duration.ofSeconds(10);
    Duration tickInterval = Duration.ofSeconds(5);
    RetentionMaintenance.Schedule retentionSchedule = RetentionMaintenance.Schedule.defaults();
    int maxPendingMemberEvents = 100_000;
    final List<Object> extraListeners = new ArrayList<>();
    Runnable onGatewayRefused = () -> { };

    CollectorBuilder(ServerPulseConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A store the caller opened; closed by the collector only if {@code closeOnShutdown}. */
    public CollectorBuilder store(Store value, boolean closeOnShutdown) {
        this.store = Objects.requireNonNull(value, "store");
        this.closeStore = closeOnShutdown;
        return this;
    }

    /** Where "now" comes from for events Discord sends without a time (the demo and tests pass simulated time). */
    public CollectorBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** A fixed gateway URL (the emulator's) instead of Discord's. */
    public CollectorBuilder gatewayUrl(String value) {
        this.gatewayUrl = Objects.requireNonNull(value, "gatewayUrl");
        return this;
    }

    public CollectorBuilder flushPolicy(FlushPolicy value) {
        this.flushPolicy = Objects.requireNonNull(value, "flushPolicy");
        return this;
    }

    public CollectorBuilder detectorOptions(DetectorOptions value) {
        this.detectorOptions = Objects.requireNonNull(value, "detectorOptions");
        return this;
    }

    /** The SQS client of the AWS mode (default: the queue's region, credentials from the environment). */
    public CollectorBuilder sqsClient(SqsClient value) {
        this.sqsClient = Objects.requireNonNull(value, "sqsClient");
        return this;
    }

    /** How often every cached guild's settings are compared with the store (default 30 s). */
    public CollectorBuilder settingsRefresh(Duration value) {
        this.settingsRefresh = Objects.requireNonNull(value, "settingsRefresh");
        return this;
    }

    /** How often the detector's clock ticks and open voice stretches are cut at hour boundaries (default 5 s). */
    public CollectorBuilder tickInterval(Duration value) {
        this.tickInterval = Objects.requireNonNull(value, "tickInterval");
        return this;
    }

    /** When the retention sweep and the re-stamp check after start run (default: a minute after start, then hourly). */
    public CollectorBuilder retentionSchedule(RetentionMaintenance.Schedule value) {
        this.retentionSchedule = Objects.requireNonNull(value, "retentionSchedule");
        return this;
    }

    /** More JDA listeners, after the collector's own (tests and the demo observe the gateway with them). */
    public CollectorBuilder listener(Object value) {
        this.extraListeners.add(Objects.requireNonNull(value, "listener"));
        return this;
    }

    /**
     * What to do once Discord refused the gateway intents (close code 4014, logged with the
     * cure): the shard is gone for good. {@code main} exits with a failure status; default nothing.
     */
    public CollectorBuilder onGatewayRefused(Runnable value) {
        this.onGatewayRefused = Objects.requireNonNull(value, "onGatewayRefused");
        return this;
    }

    /** Builds and connects; the shards log in in the background ({@link Collector#awaitReady}). */
    public Collector start() {
        return new Collector(this);
    }
}

package io.serverpulse.collector.posting;

import static io.serverpulse.collector.posting.PostingRig.GUILD;
import static io.serverpulse.collector.posting.PostingRig.OTHER_GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.alerts.AlertDispatcher;
import io.serverpulse.collector.alerts.BackgroundWrites;
import io.serverpulse.collector.alerts.CachedUpdateChannels;
import io.serverpulse.collector.alerts.RestAlertPublisher;
import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.common.alerts.AlertMessage;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.metrics.flush.FlushResult;
import io.serverpulse.common.metrics.flush.MetricFlusher;
import io.serverpulse.emulator.rest.RouteKeys;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.sqlite.ApplyFaultHook;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-hosted alert path (dispatcher, common's poster, the emulated Discord, a real SQLite
 * store) keeps its bound of 1 s from detection to the message in Discord when the store is held by
 * a 10 s bulk write (a stand-in holding every call, and SQLite's own writer stopped inside a metric
 * batch written by the flusher), and when another guild's channel is rate limited for 20 s.
 * Behavioural bounds with wide margins (a post takes milliseconds here), not benchmarks.
 */
class AlertLatencyTest {

    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final Instant T = Instant.parse("2026-03-09T07:59:00Z");
    private static final TimeWindow ALL = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private static AlertRecord raid(long guild) {
        return new AlertRecord(AlertRecord.idFor(guild, AlertType.JOIN_RAID, T), guild, AlertType.JOIN_RAID, Severity.WARNING,
                T, null, List.of(), 14, 0.5, "usually 0.5 joins/min, now 14 in 60 s");
    }

    /** The collector's alert path over {@code store}, as Collector wires it. */
    private record Path2(AlertDispatcher alerts, SettingsCache cache) {
    }

    private static Path2 alertPath(PostingRig rig, BusyStore store) {
        SettingsCache cache = new SettingsCache(store, Duration.ofSeconds(10));
        cache.preload(GUILD);
        cache.preload(OTHER_GUILD);
        BackgroundWrites writes = new BackgroundWrites(Duration.ofMillis(100));
        return new Path2(new AlertDispatcher(store, RestAlertPublisher.create(new UpdatePoster(rig.rest(),
                new CachedUpdateChannels(cache, store, writes, PostingRig.CLOCK)), cache),
                writes), cache);
    }

    private static Optional<StoredMessage> message(PostingRig rig, AlertRecord alert) {
        String footer = AlertMessage.footerOf(alert);
        return rig.discord.recorded().messages().stream()
                .filter(m -> m.embeds().stream().anyMatch(e -> footer.equals(e.path("footer").path("text").asText())))
                .findFirst();
    }

    /** How long after {@code start} the alert's message was in Discord (waits up to 30 s). */
    private static Duration postedAfter(PostingRig rig, AlertRecord alert, long start) throws InterruptedException {
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (message(rig, alert).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("alert " + alert.id() + " was not posted within 30 s");
            }
            Thread.sleep(2);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void anAlertRaisedDuringALongBulkWriteIsPostedWithinItsBound() throws Exception {
        try (PostingRig rig = new PostingRig(); SqliteStore sqlite = SqliteStore.open(dir)) {
            // GIVEN a running alert path (one alert already posted) and a bulk write that holds the store for 10 s
            BusyStore store = new BusyStore(sqlite);
            Path2 path = alertPath(rig, store);
            path.alerts().deliver(AlertNotice.opened(raid(OTHER_GUILD)));
            postedAfter(rig, raid(OTHER_GUILD), System.nanoTime());
            try (BusyStore.BulkWrite bulk = store.bulkWrite(Duration.ofSeconds(10))) {

                // WHEN a raid is detected in a guild that has no update channel yet
                long detected = System.nanoTime();
                path.alerts().deliver(AlertNotice.opened(raid(GUILD)));

                // THEN it is in Discord within 1 s, in a channel created for it, which the settings cache already knows,
                // while the store is still held
                assertThat(postedAfter(rig, raid(GUILD), detected)).isLessThanOrEqualTo(BOUND);
                long channel = message(rig, raid(GUILD)).orElseThrow().channelId();
                assertThat(path.cache().get(GUILD).orElseThrow().updateChannelId()).isEqualTo(channel);
                assertThat(bulk.running()).isTrue();
            }

            // and once the bulk write is over, the record and the channel are stored
            path.alerts().close();
            long channel = message(rig, raid(GUILD)).orElseThrow().channelId();
            assertThat(sqlite.alerts(GUILD, ALL)).containsExactly(raid(GUILD));
            assertThat(sqlite.settings(GUILD).updateChannelId()).isEqualTo(channel);
            assertThat(rig.spec.refused()).isEmpty();
        }
    }

    @Test
    void anAlertRaisedWhileSqliteIsInsideAMetricBulkWriteIsPostedWithinItsBound() throws Exception {
        // GIVEN a running alert path (one alert already posted) over the SQLite store, whose writer stops inside the
        // first chunk of a large metric batch until released
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ApplyFaultHook pause = (batch, index) -> {
            if (index == 100) {
                inside.countDown();
                awaitQuietly(release);
            }
        };
        SqliteStore.Options options = SqliteStore.Options.defaults().withFaultHook(pause).withBusyTimeout(Duration.ofSeconds(30));
        try (PostingRig rig = new PostingRig(); SqliteStore sqlite = SqliteStore.open(dir, options)) {
            SettingsCache cache = new SettingsCache(sqlite, Duration.ofSeconds(10));
            cache.preload(GUILD);
            BackgroundWrites writes = new BackgroundWrites(Duration.ofMillis(100));
            AlertDispatcher alerts = new AlertDispatcher(sqlite, RestAlertPublisher.create(new UpdatePoster(rig.rest(),
                    new CachedUpdateChannels(cache, sqlite, writes, PostingRig.CLOCK)), cache), writes);
            cache.preload(OTHER_GUILD);
            alerts.deliver(AlertNotice.opened(raid(OTHER_GUILD)));
            postedAfter(rig, raid(OTHER_GUILD), System.nanoTime());
            MetricFlusher flusher = MetricFlusher.builder(sqlite).build();
            for (int member = 0; member < 5_000; member++) {
                flusher.record(new ActivityEvent.MessagePosted(OTHER_GUILD, PostingRig.OTHER_GENERAL, 1_000 + member, T));
            }
            CompletableFuture<FlushResult> bulk = CompletableFuture.supplyAsync(flusher::flush);
            assertThat(inside.await(30, TimeUnit.SECONDS)).as("the bulk write started").isTrue();
            try {
                // WHEN a raid is detected in a guild that has no update channel yet
                long detected = System.nanoTime();
                alerts.deliver(AlertNotice.opened(raid(GUILD)));

                // THEN it is in Discord within 1 s, in a channel created for it, while the bulk write still holds the writer
                assertThat(postedAfter(rig, raid(GUILD), detected)).isLessThanOrEqualTo(BOUND);
                assertThat(bulk).isNotDone();
            } finally {
                release.countDown();
            }

            // and once the bulk write is over, every count, the alert's record and the channel are stored
            assertThat(bulk.get(60, TimeUnit.SECONDS).failed()).isFalse();
            alerts.close();
            flusher.close();
            long channel = message(rig, raid(GUILD)).orElseThrow().channelId();
            assertThat(sqlite.alerts(GUILD, ALL)).containsExactly(raid(GUILD));
            assertThat(sqlite.settings(GUILD).updateChannelId()).isEqualTo(channel);
            assertThat(sqlite.totals(BucketKind.CHANNEL_HOUR, OTHER_GUILD, Counter.MESSAGES, ALL, 10))
                    .extracting(KeyCount::count).containsExactly(5_000L);
            assertThat(rig.spec.refused()).isEmpty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAlertOfOneGuildIsPostedWithinItsBoundWhileAnotherGuildsChannelIsRateLimitedFor20Seconds() throws Exception {
        try (PostingRig rig = new PostingRig(); SqliteStore sqlite = SqliteStore.open(dir)) {
            BusyStore store = new BusyStore(sqlite);
            Path2 path = alertPath(rig, store);
            // GIVEN the other guild's alert got a 429 asking to wait 20 s before posting in its channel
            rig.discord.rateLimit(RouteKeys.CREATE_MESSAGE, Duration.ofSeconds(20), 1);
            path.alerts().deliver(AlertNotice.opened(raid(OTHER_GUILD)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!rig.statuses(RouteKeys.CREATE_MESSAGE).contains(429)) {
                assertThat(System.nanoTime()).as("the other guild's post was answered 429").isLessThan(deadline);
                Thread.sleep(2);
            }

            // WHEN a raid is detected in this guild
            long detected = System.nanoTime();
            path.alerts().deliver(AlertNotice.opened(raid(GUILD)));

            // THEN it is in Discord within 1 s, while the other guild's alert still waits out its 20 s
            assertThat(postedAfter(rig, raid(GUILD), detected)).isLessThanOrEqualTo(BOUND);
            assertThat(message(rig, raid(OTHER_GUILD))).isEmpty();
            assertThat(rig.statuses(RouteKeys.CREATE_MESSAGE, 2)).containsExactly(429, 200);
            path.alerts().close(Duration.ofMillis(200));
        }
    }
}

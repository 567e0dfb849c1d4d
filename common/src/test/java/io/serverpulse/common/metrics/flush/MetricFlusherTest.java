package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MetricFlusherTest {

    private static final long GUILD = 1_000L;
    private static final long CHANNEL = 2_000L;
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration FIVE_S = Duration.ofSeconds(5);

    private MutableClock clock;
    private ManualScheduler scheduler;
    private ScriptedMetricsStore store;
    private ListAppender<ILoggingEvent> logs;
    private int batchNumber;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        scheduler = new ManualScheduler(clock);
        store = new ScriptedMetricsStore(clock);
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(MetricFlusher.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(MetricFlusher.class)).detachAppender(logs);
    }

    private MetricFlusher flusher(FlushPolicy policy) {
        return MetricFlusher.builder(store).policy(policy).clock(clock).scheduler(scheduler)
                .sleeper(clock::advance).batchIds(() -> "b" + (++batchNumber)).build();
    }

    /** FLUSH_SECONDS=5, backoff 5 s doubling to 20 s, no jitter. */
    private static FlushPolicy policy() {
        return FlushPolicy.everySeconds(5).withBackoff(FIVE_S, Duration.ofSeconds(20), 0);
    }

    private static MessagePosted message(long member, int second) {
        return new MessagePosted(GUILD, CHANNEL, member, T0.plusSeconds(second));
    }

    private long storedMessages() {
        return store.total(BucketKey.channelHour(GUILD, CHANNEL, T0), Counter.MESSAGES);
    }

    private long warnings(String containing) {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .filter(e -> e.getFormattedMessage().contains(containing)).count();
    }

    @Test
    void recordedEventsAreWrittenAtEachInterval() {
        // GIVEN a started flusher that recorded three messages
        MetricFlusher flusher = flusher(policy());
        flusher.start();
        for (int i = 0; i < 3; i++) {
            flusher.record(message(10 + i, i));
        }

        // WHEN less than FLUSH_SECONDS passes, then the rest of it
        scheduler.advance(Duration.ofSeconds(4));
        long beforeInterval = storedMessages();
        scheduler.advance(Duration.ofSeconds(1));

        // THEN nothing is written early, and all three are written in one batch at 5 s
        assertThat(beforeInterval).isZero();
        assertThat(storedMessages()).isEqualTo(3);
        assertThat(store.attempts()).containsExactly("b1");
        FlushStats stats = flusher.stats();
        assertThat(stats.eventsRecorded()).isEqualTo(3);
        assertThat(stats.eventsWritten()).isEqualTo(3);
        assertThat(stats.batchesApplied()).isEqualTo(1);
        assertThat(stats.bucketsWritten()).isEqualTo(1 + 3 * 4);
        assertThat(stats.pendingBuckets()).isZero();
        assertThat(stats.lastSuccessfulFlush()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void anIdleFlusherWritesNothing() {
        // GIVEN a started flusher that recorded nothing
        MetricFlusher flusher = flusher(policy());
        flusher.start();

        // WHEN a minute of intervals passes
        scheduler.advance(Duration.ofMinutes(1));

        // THEN the store is never called (no empty batches)
        assertThat(store.attempts()).isEmpty();
        assertThat(flusher.stats().lastSuccessfulFlush()).isNull();
    }

    @Test
    void aTimeoutAfterTheWriteSucceededIsRetriedWithTheSameIdAndCountsOnce() {
        // GIVEN a store that applies the next batch, then times out answering
        MetricFlusher flusher = flusher(policy());
        flusher.start();
        store.timeOutAfterApplyingNext(1);
        for (int i = 0; i < 10; i++) {
            flusher.record(message(10, i));
        }

        // WHEN the flush times out, the retry goes through, and more events follow
        scheduler.advance(FIVE_S);
        FlushStats afterTimeout = flusher.stats();
        scheduler.advance(FIVE_S);
        flusher.record(message(10, 30));
        scheduler.advance(FIVE_S);

        // THEN the retry reused the batch id, so the ten messages count exactly once
        assertThat(afterTimeout.pendingBatches()).isEqualTo(1);
        assertThat(afterTimeout.lastFailure()).contains("timed out");
        assertThat(store.attempts()).containsExactly("b1", "b1", "b2");
        assertThat(storedMessages()).isEqualTo(11);
        assertThat(store.total(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, 10, T0), Counter.MESSAGES)).isEqualTo(11);
        FlushStats stats = flusher.stats();
        assertThat(stats.retries()).isEqualTo(1);
        assertThat(stats.failedAttempts()).isEqualTo(1);
        assertThat(stats.eventsWritten()).isEqualTo(11);
        assertThat(stats.lastFailure()).isNull();
    }

    @Test
    void whileTheDatabaseIsDownEventsKeepCountingAndNothingIsLostOrDoubled() {
        // GIVEN a flusher whose first batch could not be written
        MetricFlusher flusher = flusher(policy());
        flusher.start();
        store.setDown(true);
        flusher.record(message(10, 0));
        flusher.record(new MessagesDeleted(GUILD, CHANNEL, 4, T0.plusSeconds(1)));
        scheduler.advance(FIVE_S);

        // WHEN events keep arriving during two minutes of outage, then the database returns
        long recorded = 2;
        for (int s = 0; s < 120; s++) {
            flusher.record(message(10 + s % 7, 6 + s));
            recorded++;
            scheduler.advance(Duration.ofSeconds(1));
        }
        FlushStats duringOutage = flusher.stats();
        store.setDown(false);
        scheduler.advance(Duration.ofSeconds(25));

        // THEN only the first batch was ever retried (later events merged into one open batch),
        // and every event is stored exactly once
        assertThat(duringOutage.pendingBatches()).isEqualTo(1);
        assertThat(duringOutage.eventsRecorded()).isEqualTo(recorded);
        assertThat(duringOutage.pendingBuckets()).isEqualTo(5 + 1 + 7 * 4);
        assertThat(store.attempts()).startsWith("b1", "b1").endsWith("b1", "b2").containsOnly("b1", "b2");
        assertThat(storedMessages()).isEqualTo(121);
        assertThat(store.total(BucketKey.channelHour(GUILD, CHANNEL, T0), Counter.DELETIONS)).isEqualTo(4);
        assertThat(store.sum(BucketKind.MEMBER_DAY, Counter.MESSAGES)).isEqualTo(2 * 121);
        FlushStats stats = flusher.stats();
        assertThat(stats.eventsWritten()).isEqualTo(recorded);
        assertThat(stats.eventsDropped()).isZero();
        assertThat(stats.pendingBatches()).isZero();
        assertThat(stats.pendingBuckets()).isZero();
        assertThat(stats.retries()).isEqualTo(stats.failedAttempts());
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        // GIVEN a database that is down, and one event waiting
        MetricFlusher flusher = flusher(policy());
        flusher.start();
        store.setDown(true);
        flusher.record(message(10, 0));

        // WHEN two minutes pass
        scheduler.advance(Duration.ofMinutes(2));

        // THEN attempts are 5, 10, 20 s apart, then every 20 s (the cap), on 5 s ticks
        assertThat(store.attemptTimes()).containsExactly(
                T0.plusSeconds(5), T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(40),
                T0.plusSeconds(60), T0.plusSeconds(80), T0.plusSeconds(100), T0.plusSeconds(120));
        assertThat(warnings("Could not write metric batch b1")).isEqualTo(8);
    }

    @Test
    void jitterShortensTheBackoffByAtMostItsFraction() {
        // GIVEN backoff of 40 s with 50 % jitter and a random source returning 0.5
        FlushPolicy policy = FlushPolicy.everySeconds(5).withBackoff(Duration.ofSeconds(40), Duration.ofSeconds(40), 0.5);
        MetricFlusher flusher = MetricFlusher.builder(store).policy(policy).clock(clock).scheduler(scheduler)
                .random(() -> 0.5).build();
        flusher.start();
        store.setDown(true);
        flusher.record(message(10, 0));

        // WHEN a minute passes
        scheduler.advance(Duration.ofMinutes(1));

        // THEN the second attempt came after 40 s × (1 − 0.5 × 0.5) = 30 s
        assertThat(store.attemptTimes()).containsExactly(T0.plusSeconds(5), T0.plusSeconds(35));
    }

    @Test
    void anUnexpectedErrorFromTheStoreKeepsTheBatchAndTheScheduleAlive() {
        // GIVEN a store that throws a non-storage exception once
        MetricFlusher flusher = flusher(policy());
        flusher.start();
        store.throwNext(new IllegalStateException("driver bug"));
        flusher.record(message(10, 0));

        // WHEN the schedule runs on
        scheduler.advance(Duration.ofSeconds(15));

        // THEN the batch was retried with its id and written once; the schedule still runs
        assertThat(store.attempts()).containsExactly("b1", "b1");
        assertThat(storedMessages()).isEqualTo(1);
        assertThat(scheduler.activeTasks()).isEqualTo(1);
    }

    @Test
    void atTheMemoryBoundNewEventsAreDroppedCountedAndWarnedOncePerMinute() {
        // GIVEN a bound of 10 buckets and a database that is down
        MetricFlusher flusher = flusher(policy().withMaxPendingBuckets(10));
        flusher.start();
        store.setDown(true);

        // WHEN joins in 15 different hours arrive (one bucket each), then more after a minute
        List<Boolean> accepted = new ArrayList<>();
        for (int h = 0; h < 15; h++) {
            accepted.add(flusher.record(new MemberJoined(GUILD, 50 + h, T0.plus(Duration.ofHours(h)))));
        }
        long warningsAtFirst = warnings("Dropped");
        scheduler.advance(Duration.ofSeconds(61));
        flusher.record(new MemberJoined(GUILD, 99, T0));
        FlushStats full = flusher.stats();

        // THEN ten were kept, the rest were dropped and counted, per guild too, with one warning per minute
        // naming the guild; each drop is noted in the guild-wide bucket of its hour (one more bucket per
        // hour with drops in the open batch: hours 10 to 14, and hour 0, whose joins are in the queued batch)
        assertThat(accepted).containsExactly(true, true, true, true, true, true, true, true, true, true,
                false, false, false, false, false);
        assertThat(warningsAtFirst).isEqualTo(1);
        assertThat(warnings("Dropped")).isEqualTo(2);
        assertThat(warnings("Dropped 5 activity events (1 guild: 1000 (5))")).isEqualTo(1);
        assertThat(full.eventsRecorded()).isEqualTo(10);
        assertThat(full.eventsDropped()).isEqualTo(6);
        assertThat(flusher.droppedByGuild()).containsExactly(Map.entry(GUILD, 6L));
        assertThat(full.pendingBuckets()).isEqualTo(16);

        // AND WHEN the database returns, the ten are written with the six drops, and recording resumes
        store.setDown(false);
        scheduler.advance(Duration.ofSeconds(20));
        boolean afterRecovery = flusher.record(new MemberJoined(GUILD, 100, T0));
        flusher.flush();
        assertThat(afterRecovery).isTrue();
        assertThat(store.sum(BucketKind.CHANNEL_HOUR, Counter.JOINS)).isEqualTo(11);
        assertThat(store.sum(BucketKind.CHANNEL_HOUR, Counter.DROPPED_EVENTS)).isEqualTo(6);
        assertThat(store.total(BucketKey.channelHour(GUILD, BucketKey.GUILD_WIDE, T0.plus(Duration.ofHours(12))),
                Counter.DROPPED_EVENTS)).isEqualTo(1);
    }

    @Test
    void aBurstOfDistinctBucketsIsFlushedEarlyInsteadOfDropped() {
        // GIVEN a bound of 10 buckets and a healthy database
        MetricFlusher flusher = flusher(policy().withMaxPendingBuckets(10));
        flusher.start();

        // WHEN joins in 25 different hours arrive within the same instant (one bucket each)
        List<Boolean> accepted = new ArrayList<>();
        for (int h = 0; h < 25; h++) {
            accepted.add(flusher.record(new MemberJoined(GUILD, 50 + h, T0.plus(Duration.ofHours(h)))));
        }
        flusher.flush();

        // THEN each time half the bound was reached a flush ran at once: nothing was dropped
        assertThat(accepted).containsOnly(true);
        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(store.attempts()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(store.sum(BucketKind.CHANNEL_HOUR, Counter.JOINS)).isEqualTo(25);
        assertThat(flusher.stats().eventsDropped()).isZero();
    }

    @Test
    void closeWritesWhatIsLeftAndRefusesLaterEvents() {
        // GIVEN events recorded since the last interval
        MetricFlusher flusher = flusher(policy());
        flusher.start();
        flusher.record(message(10, 0));
        flusher.record(message(11, 1));

        // WHEN closed (SIGTERM), then another event arrives
        ShutdownReport report = flusher.close();
        boolean late = flusher.record(message(12, 2));

        // THEN the last counters are written, the schedule is cancelled, the late event is counted as dropped
        assertThat(report.complete()).isTrue();
        assertThat(storedMessages()).isEqualTo(2);
        assertThat(scheduler.activeTasks()).isZero();
        assertThat(late).isFalse();
        assertThat(flusher.stats().eventsDropped()).isEqualTo(1);
        assertThat(flusher.close()).isSameAs(report);
    }

    @Test
    void closeRetriesUntilTheDatabaseAnswersWithinTheDeadline() {
        // GIVEN a batch already pending from an outage and newer events in the aggregator
        MetricFlusher flusher = flusher(policy());
        flusher.start();
        store.setDown(true);
        flusher.record(message(10, 0));
        scheduler.advance(FIVE_S);
        flusher.record(message(11, 6));
        store.setDown(false);
        store.failNext(1);

        // WHEN closed, with a first attempt that fails
        ShutdownReport report = flusher.close();

        // THEN both batches are written in order, each once, 5 s later, within the 10 s deadline
        assertThat(report.complete()).isTrue();
        assertThat(store.attempts()).containsExactly("b1", "b1", "b1", "b2");
        assertThat(store.attemptTimes()).containsExactly(T0.plusSeconds(5), T0.plusSeconds(5), T0.plusSeconds(10),
                T0.plusSeconds(10));
        assertThat(storedMessages()).isEqualTo(2);
    }

    @Test
    void closeReportsWhatCouldNotBeWrittenWhenTheDeadlinePasses() {
        // GIVEN a database that stays down and three recorded events
        MetricFlusher flusher = flusher(policy());
        store.setDown(true);
        flusher.record(message(10, 0));
        flusher.record(message(10, 1));
        flusher.record(new MemberJoined(GUILD, 77, T0));

        // WHEN closed with the 10 s deadline
        ShutdownReport report = flusher.close();

        // THEN it tried at 0, 5 and 10 s (backoff), gave up at the deadline, and reports the batch
        assertThat(store.attemptTimes()).containsExactly(T0, T0.plusSeconds(5), T0.plusSeconds(10));
        assertThat(report.complete()).isFalse();
        assertThat(report.unwritten()).hasSize(1);
        assertThat(report.unwritten().get(0).batchId()).isEqualTo("b1");
        assertThat(report.unwrittenEvents()).isEqualTo(3);
        assertThat(report.unwrittenBuckets()).isEqualTo(1 + 4 + 1);
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.ERROR
                && e.getFormattedMessage().contains("3 events in 6 buckets NOT written (batches [b1])"));
    }

    @Test
    void manyThreadsRecordWhileFlushingAndEveryEventIsCountedOnce() throws Exception {
        // GIVEN four threads recording 20,000 messages each, and a thread flushing meanwhile, with failures
        MetricFlusher flusher = flusher(policy());
        int threads = 4;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean recording = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        flusher.record(message(1 + (thread * 31 + i) % 50, i % 3600));
                    }
                    return null;
                }));
            }
            Future<?> flushing = pool.submit(() -> {
                go.await();
                int n = 0;
                while (recording.get()) {
                    if (++n % 3 == 0) {
                        store.failNext(1);
                    }
                    flusher.flush();
                }
                return null;
            });

            // WHEN they all run, then the last counters are flushed
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            recording.set(false);
            flushing.get(60, TimeUnit.SECONDS);
            flusher.flush();
            flusher.flush();
        } finally {
            pool.shutdownNow();
        }

        // THEN the stored totals equal what was recorded, in every kind of bucket
        long total = (long) threads * perThread;
        assertThat(storedMessages()).isEqualTo(total);
        assertThat(store.sum(BucketKind.MEMBER_DAY, Counter.MESSAGES)).isEqualTo(2 * total);
        assertThat(store.sum(BucketKind.MEMBER_HOUR, Counter.MESSAGES)).isEqualTo(2 * total);
        FlushStats stats = flusher.stats();
        assertThat(stats.eventsRecorded()).isEqualTo(total);
        assertThat(stats.eventsWritten()).isEqualTo(total);
        assertThat(stats.pendingBuckets()).isZero();
    }

    @Test
    void withItsOwnSchedulerThreadItFlushesOnItsOwnAndStopsOnClose() throws Exception {
        // GIVEN a flusher with a real scheduler thread and a 50 ms interval
        ScriptedMetricsStore realStore = new ScriptedMetricsStore(java.time.Clock.systemUTC());
        FlushPolicy fast = new FlushPolicy(Duration.ofMillis(50), 1000, Duration.ofMillis(50), Duration.ofMillis(200), 0,
                Duration.ofSeconds(5));
        MetricFlusher flusher = MetricFlusher.builder(realStore).policy(fast).build();
        flusher.start();

        // WHEN an event is recorded and we wait (at most 30 s) for it to be written
        flusher.record(message(10, 0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (realStore.appliedBatches() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        ShutdownReport report = flusher.close();

        // THEN the scheduled loop wrote it without an explicit flush, and close ends the thread
        assertThat(realStore.appliedBatches()).isEqualTo(1);
        assertThat(report.complete()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("serverpulse-metric-flusher") && t.isAlive());
    }
}

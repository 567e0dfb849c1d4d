package io.serverpulse.collector.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertStore;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.common.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {

    private static final long GUILD = 100;
    private static final long OTHER_GUILD = 200;
    private static final Instant T = Instant.parse("2026-03-03T10:20:00Z");
    private static final TimeWindow ALL = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private static AlertRecord raid(long guild) {
        return new AlertRecord(AlertRecord.idFor(guild, AlertType.JOIN_RAID, T), guild, AlertType.JOIN_RAID, Severity.WARNING,
                T, null, List.of(), 12, 0.5, "12 joins in 60 s (alert at 10)");
    }

    private static AlertDispatcher dispatcher(AlertStore store, AlertPublisher publisher) {
        return new AlertDispatcher(store, publisher, new BackgroundWrites(Duration.ofMillis(1)), Duration.ofMillis(1), 4);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(30, TimeUnit.SECONDS)).as("waited for the dispatcher").isTrue();
    }

    @Test
    void eachNoticeIsPublishedThenStoredInOrderOffTheDetectorsThread() {
        // GIVEN a dispatcher publishing to a recorder that notes what is stored at that moment
        InMemoryStore store = new InMemoryStore();
        List<String> published = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        AlertDispatcher dispatcher = dispatcher(store, notice -> {
            threads.add(Thread.currentThread().getName());
            if (notice.kind() == AlertNotice.Kind.OPENED) {
                published.add("OPENED stored=" + store.alerts(GUILD, ALL).size());
            } else {
                published.add("ENDED");
            }
        });

        // WHEN a raid opens and ends
        dispatcher.deliver(AlertNotice.opened(raid(GUILD)));
        dispatcher.deliver(AlertNotice.ended(raid(GUILD).ended(T.plusSeconds(40))));
        dispatcher.close();

        // THEN both were published in order, the OPENED one before anything was stored, off the caller's thread,
        // and the stored record is the ended one
        assertThat(published).containsExactly("OPENED stored=0", "ENDED");
        assertThat(threads).noneMatch(name -> name.equals(Thread.currentThread().getName()));
        assertThat(store.alerts(GUILD, ALL)).containsExactly(raid(GUILD).ended(T.plusSeconds(40)));
        assertThat(dispatcher.stats().published()).isEqualTo(2);
    }

    @Test
    void aFailingPublisherIsRetriedAndAStoreThatIsDownDoesNotStopThePost() {
        // GIVEN a store that is down and a publisher that fails twice before it works
        AlertStore down = new AlertStore() {
            @Override
            public void saveAlert(AlertRecord alert) {
                throw new StoreException("down");
            }

            @Override
            public List<AlertRecord> alerts(long guildId, TimeWindow window) {
                return List.of();
            }
        };
        AtomicInteger attempts = new AtomicInteger();
        AlertDispatcher dispatcher = dispatcher(down, notice -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("Discord is slow");
            }
        });

        // WHEN a raid opens
        dispatcher.deliver(AlertNotice.opened(raid(GUILD)));
        dispatcher.close();

        // THEN it was still posted, on the third attempt
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(dispatcher.stats().published()).isEqualTo(1);
        assertThat(dispatcher.stats().failed()).isZero();
    }

    @Test
    void afterCloseNoticesAreDroppedAndCounted() {
        // GIVEN a closed dispatcher
        AlertDispatcher dispatcher = dispatcher(new InMemoryStore(), notice -> { });
        dispatcher.close();

        // WHEN a notice arrives / THEN it is counted as dropped
        dispatcher.deliver(AlertNotice.opened(raid(GUILD)));
        assertThat(dispatcher.stats().dropped()).isEqualTo(1);
    }

    @Test
    void aGuildThatWaitsHoldsUpOnlyItselfAndItsNoticesStayInOrder() throws Exception {
        // GIVEN a publisher on which the first guild's OPENED hangs until released
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherPublished = new CountDownLatch(1);
        List<String> published = new CopyOnWriteArrayList<>();
        AlertDispatcher dispatcher = dispatcher(new InMemoryStore(), notice -> {
            long guild = notice.alert().guildId();
            if (guild == GUILD && notice.kind() == AlertNotice.Kind.OPENED) {
                await(release);
            }
            published.add(guild + " " + notice.kind());
            if (guild == OTHER_GUILD) {
                otherPublished.countDown();
            }
        });

        // WHEN the first guild's raid opens and ends, and then the other guild's raid opens
        dispatcher.deliver(AlertNotice.opened(raid(GUILD)));
        dispatcher.deliver(AlertNotice.ended(raid(GUILD).ended(T.plusSeconds(40))));
        dispatcher.deliver(AlertNotice.opened(raid(OTHER_GUILD)));

        // THEN the other guild's alert goes out while the first guild waits, and the first guild's ENDED waits for its OPENED
        await(otherPublished);
        assertThat(published).containsExactly(OTHER_GUILD + " OPENED");
        release.countDown();
        dispatcher.close();
        assertThat(published).containsExactly(OTHER_GUILD + " OPENED", GUILD + " OPENED", GUILD + " ENDED");
    }

    @Test
    void aStoreThatHangsNeverHoldsUpThePosts() throws Exception {
        // GIVEN a store whose writes hang (as behind a long bulk write) until released
        CountDownLatch release = new CountDownLatch(1);
        InMemoryStore memory = new InMemoryStore();
        AlertStore hanging = new AlertStore() {
            @Override
            public void saveAlert(AlertRecord alert) {
                try {
                    await(release);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                memory.saveAlert(alert);
            }

            @Override
            public List<AlertRecord> alerts(long guildId, TimeWindow window) {
                return memory.alerts(guildId, window);
            }
        };
        CountDownLatch bothPublished = new CountDownLatch(2);
        AlertDispatcher dispatcher = dispatcher(hanging, notice -> bothPublished.countDown());

        // WHEN a raid opens and ends while the store hangs
        dispatcher.deliver(AlertNotice.opened(raid(GUILD)));
        dispatcher.deliver(AlertNotice.ended(raid(GUILD).ended(T.plusSeconds(40))));

        // THEN both are published before anything is stored; once the store answers, the ended record is there
        await(bothPublished);
        assertThat(memory.alerts(GUILD, ALL)).isEmpty();
        release.countDown();
        dispatcher.close();
        assertThat(memory.alerts(GUILD, ALL)).containsExactly(raid(GUILD).ended(T.plusSeconds(40)));
    }

    @Test
    void beyondTheQueuesCapacityNoticesAreDroppedCountedAndLogged() throws Exception {
        // GIVEN a publisher that hangs, so that nothing leaves the queue
        CountDownLatch release = new CountDownLatch(1);
        AlertDispatcher dispatcher = dispatcher(new InMemoryStore(), notice -> await(release));
        try (LogCapture logs = new LogCapture()) {
            // WHEN 5 notices more than the queue holds arrive
            for (int i = 0; i < AlertDispatcher.QUEUE_CAPACITY + 5; i++) {
                dispatcher.deliver(AlertNotice.opened(raid(GUILD + i)));
            }

            // THEN the queue's worth is accepted, the 5 others are dropped, counted and logged
            assertThat(dispatcher.stats().accepted()).isEqualTo(AlertDispatcher.QUEUE_CAPACITY);
            assertThat(dispatcher.stats().dropped()).isEqualTo(5);
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("ERROR") && line.contains("dropped: "
                    + AlertDispatcher.QUEUE_CAPACITY + " alerts are already waiting")).hasSize(5);
        } finally {
            release.countDown();
            dispatcher.close();
        }
    }
}

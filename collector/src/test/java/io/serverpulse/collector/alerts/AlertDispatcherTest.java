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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {

    private static final long GUILD = 100;
    private static final Instant T = Instant.parse("2026-03-03T10:20:00Z");
    private static final TimeWindow ALL = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private static AlertRecord raid() {
        return new AlertRecord(AlertRecord.idFor(GUILD, AlertType.JOIN_RAID, T), GUILD, AlertType.JOIN_RAID, Severity.WARNING,
                T, null, List.of(), 12, 0.5, "12 joins in 60 s (alert at 10)");
    }

    @Test
    void eachNoticeIsStoredThenPublishedInOrderOffTheDetectorsThread() {
        // GIVEN a dispatcher storing into a store and publishing to a recorder
        InMemoryStore store = new InMemoryStore();
        List<String> published = new CopyOnWriteArrayList<>();
        AlertDispatcher dispatcher = new AlertDispatcher(store, notice -> {
            // when a notice is published, its record is already stored
            published.add(notice.kind() + " stored=" + store.alerts(GUILD, ALL).get(0).ongoing());
        }, Duration.ofMillis(1));

        // WHEN a raid opens and ends
        dispatcher.deliver(AlertNotice.opened(raid()));
        dispatcher.deliver(AlertNotice.ended(raid().ended(T.plusSeconds(40))));
        dispatcher.close();

        // THEN both were published in order after being stored, and the stored record is the ended one
        assertThat(published).containsExactly("OPENED stored=true", "ENDED stored=false");
        assertThat(store.alerts(GUILD, ALL)).containsExactly(raid().ended(T.plusSeconds(40)));
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
        AlertDispatcher dispatcher = new AlertDispatcher(down, notice -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("Discord is slow");
            }
        }, Duration.ofMillis(1));

        // WHEN a raid opens
        dispatcher.deliver(AlertNotice.opened(raid()));
        dispatcher.close();

        // THEN it was still posted, on the third attempt
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(dispatcher.stats().published()).isEqualTo(1);
        assertThat(dispatcher.stats().failed()).isZero();
    }

    @Test
    void afterCloseNoticesAreDroppedAndCounted() {
        // GIVEN a closed dispatcher
        AlertDispatcher dispatcher = new AlertDispatcher(new InMemoryStore(), notice -> { }, Duration.ofMillis(1));
        dispatcher.close();

        // WHEN a notice arrives / THEN it is counted as dropped
        dispatcher.deliver(AlertNotice.opened(raid()));
        assertThat(dispatcher.stats().dropped()).isEqualTo(1);
    }
}

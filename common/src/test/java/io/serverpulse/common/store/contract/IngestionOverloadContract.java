package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.flush.FlushPolicy;
import io.serverpulse.common.metrics.flush.MetricFlusher;
import io.serverpulse.common.testing.ForwardingMetricsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A burst beyond the write rate: the production {@link MetricFlusher}, with a small memory bound, in
 * front of the store under test, whose writes are held back while the burst is recorded, so that
 * the bound is reached and events are dropped. Nothing is dropped without being counted and shown:
 * after the burst, per guild and hour, the messages stored plus the events stored as
 * {@link Counter#DROPPED_EVENTS} equal the messages sent, exactly; the drops stored equal what the
 * flusher counted; and {@code /serverpulse status} and {@code /topmessagers} say how many events
 * could not be counted.
 */
public interface IngestionOverloadContract extends StoreContractPart {

    /** Buckets the flusher may hold: far fewer than the burst touches. */
    int BOUND = 60;

    @Test
    default void aBurstBeyondTheWriteRateIsCountedOrReportedExactly() throws Exception {
        // GIVEN a flusher with a bound of 60 buckets in front of the store, whose writes wait at a gate
        HeldStore held = new HeldStore(store());
        MetricFlusher flusher = MetricFlusher.builder(held).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .policy(FlushPolicy.defaults().withMaxPendingBuckets(BOUND)).build();

        // WHEN two guilds' members post 900 messages over the last two hours (40 members, 3 channels
        // each guild), while the store does not answer; then the store answers and the flusher closes
        Map<String, Long> sent = new HashMap<>();
        int dropped = 0;
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 900; i++) {
            long guild = i % 3 == 0 ? GUILD_B : GUILD_A;
            Instant at = hour.minus(Duration.ofHours(i % 2)).plusSeconds(i % 1800);
            ActivityEvent event = new ActivityEvent.MessagePosted(guild, 11 + i % 3, 100 + (i * 7) % 40, at);
            sent.merge(guild + "@" + at.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
            if (!flusher.record(event)) {
                dropped++;
            }
        }
        held.release();
        flusher.close();

        // THEN many were dropped, and every message is either stored or stored as a dropped event of its guild and hour
        assertThat(dropped).isGreaterThan(100);
        assertThat(flusher.stats().eventsDropped()).isEqualTo(dropped);
        Map<String, Long> counted = new HashMap<>();
        Map<String, Long> droppedStored = new HashMap<>();
        Map<Long, Long> droppedByGuild = new HashMap<>();
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            for (BucketRow row : store().buckets(BucketKind.CHANNEL_HOUR, guild, null, null, ContractFixtures.EVERYTHING)) {
                String key = guild + "@" + row.key().start();
                counted.merge(key, row.get(Counter.MESSAGES), Long::sum);
                droppedStored.merge(key, row.get(Counter.DROPPED_EVENTS), Long::sum);
                if (row.get(Counter.DROPPED_EVENTS) > 0) {
                    droppedByGuild.merge(guild, row.get(Counter.DROPPED_EVENTS), Long::sum);
                }
            }
        }
        for (Map.Entry<String, Long> guildHour : sent.entrySet()) {
            assertThat(counted.getOrDefault(guildHour.getKey(), 0L) + droppedStored.getOrDefault(guildHour.getKey(), 0L))
                    .as("messages stored + dropped in %s", guildHour.getKey()).isEqualTo(guildHour.getValue());
        }
        assertThat(droppedByGuild).isEqualTo(flusher.droppedByGuild());

        // AND an admin reading /serverpulse status, and a member reading /topmessagers 7d, are told how many
        InteractionHandler handler = new InteractionHandler(store(), CommandRegistry.standard(Optional.empty(), false),
                Clock.fixed(NOW, ZoneOffset.UTC));
        long droppedA = droppedByGuild.get(GUILD_A);
        String status = ((InteractionOutcome.Respond) handler.handle(InteractionFixtures.inGuild("serverpulse-status.json",
                GUILD_A))).response().json();
        assertThat(status).contains("⚠️ " + String.format(Locale.US, "%,d", droppedA) + " events of the last 3 days could not be counted");
        InteractionOutcome top = handler.handle(InteractionFixtures.inGuild("topmessagers.json", GUILD_A));
        DeferredWork work = ((InteractionOutcome.Defer) top).work();
        assertThat(handler.completeDeferred(work).json())
                .contains("⚠️ " + String.format(Locale.US, "%,d", droppedA) + " events of this period could not be counted");
    }

    /** The store under test behind a gate: {@code apply} waits until {@link #release()}. */
    final class HeldStore extends ForwardingMetricsStore {
        private final CountDownLatch gate = new CountDownLatch(1);

        HeldStore(MetricsStore store) {
            super(store);
        }

        void release() {
            gate.countDown();
        }

        @Override
        public void apply(MetricBatch batch) {
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            delegate.apply(batch);
        }
    }
}

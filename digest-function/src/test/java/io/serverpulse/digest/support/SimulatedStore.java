package io.serverpulse.digest.support;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.sim.ActivityMapper;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.Incident;
import io.serverpulse.emulator.sim.MessageCorpus;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a store the way the collector does, without the gateway: the simulation's events through the
 * collector's mapping ({@link ActivityMapper}) and the real {@link MetricAggregator}, drained into batches the
 * store applies; the joins and leaves into the member event log; one alert per incident, as the detector
 * would have saved it. Sentiment for {@code sentimentGuilds} is each counted message's corpus mood (what
 * the collector's scorer finds, as its own tests show).
 */
public final class SimulatedStore {

    private SimulatedStore() {
    }

    /** @return the alerts saved */
    public static List<AlertRecord> fill(Store store, SimulatedCommunity sim, GroundTruth truth, Set<Long> sentimentGuilds,
                                         int drainEvery) {
        AtomicLong batches = new AtomicLong();
        MetricAggregator aggregator = new MetricAggregator(() -> "sim-" + batches.incrementAndGet());
        int sinceDrain = 0;
        for (ActivityEvent event : activity(sim, sentimentGuilds)) {
            aggregator.add(event);
            if (++sinceDrain >= drainEvery) {
                store.apply(aggregator.drain());
                sinceDrain = 0;
            }
        }
        store.apply(aggregator.drain());
        List<MemberEvent> events = truth.memberEvents();
        for (int i = 0; i < events.size(); i += 1_000) {
            store.recordMemberEvents(events.subList(i, Math.min(events.size(), i + 1_000)));
        }
        List<AlertRecord> alerts = new ArrayList<>();
        for (Incident incident : sim.incidents()) {
            AlertRecord alert = new AlertRecord(AlertRecord.idFor(incident.guildId(), incident.type(), incident.start()),
                    incident.guildId(), incident.type(), Severity.WARNING, incident.start(), incident.end(), incident.channelIds(),
                    incident.magnitude(), 1.0, "");
            store.saveAlert(alert);
            alerts.add(alert);
        }
        return alerts;
    }

    private static List<ActivityEvent> activity(SimulatedCommunity sim, Set<Long> sentimentGuilds) {
        List<ActivityEvent> events = new ArrayList<>(ActivityMapper.mapAll(sim, false));
        MessageCorpus corpus = MessageCorpus.standard();
        for (TimelineEvent event : sim.events()) {
            if (event instanceof TimelineEvent.MessageCreate m && sentimentGuilds.contains(m.guildId()) && !m.bot()
                    && sim.collectedChannelIds().contains(m.channelId())) {
                events.add(new ActivityEvent.MessageSentiment(m.guildId(), m.channelId(), corpus.mood(m.content()), m.at()));
            }
        }
        return events;
    }
}

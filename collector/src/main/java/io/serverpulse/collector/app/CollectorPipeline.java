package io.serverpulse.collector.app;

import io.serverpulse.collector.gateway.ActivitySink;
import io.serverpulse.collector.members.MemberEventLog;
import io.serverpulse.common.alerts.detect.AlertDetector;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.flush.MetricFlusher;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Wires what the recorder sees to the aggregator (via the flusher), the alert detector and the member
 * event log, and tells the hourly checks the time of each recorded event ({@code eventTimes}: the
 * activity-drop schedule's event-time trigger, or nothing).
 */
final class CollectorPipeline implements ActivitySink {

    private final MetricFlusher metrics;
    private final AlertDetector detector;
    private final MemberEventLog members;
    private final Consumer<Instant> eventTimes;

    CollectorPipeline(MetricFlusher metrics, AlertDetector detector, MemberEventLog members, Consumer<Instant> eventTimes) {
        this.metrics = metrics;
        this.detector = detector;
        this.members = members;
        this.eventTimes = eventTimes;
    }

    @Override
    public void record(ActivityEvent event) {
        metrics.record(event);
        detector.accept(event);
        eventTimes.accept(event.at());
    }

    @Override
    public void voicePresence(long guildId, int membersInVoice, Instant at) {
        detector.voicePresence(guildId, membersInVoice, at);
    }

    @Override
    public void memberEvent(MemberEvent event) {
        members.add(event);
    }
}

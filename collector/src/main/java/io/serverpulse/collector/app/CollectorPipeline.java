package io.serverpulse.collector.app;

import io.serverpulse.collector.gateway.ActivitySink;
import io.serverpulse.collector.members.MemberEventLog;
import io.serverpulse.common.alerts.detect.AlertDetector;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.flush.MetricFlusher;
import java.time.Instant;

/** Wires what the recorder sees to the aggregator (via the flusher), the alert detector and the member event log. */
final class CollectorPipeline implements ActivitySink {

    private final MetricFlusher metrics;
    private final AlertDetector detector;
    private final MemberEventLog members;

    CollectorPipeline(MetricFlusher metrics, AlertDetector detector, MemberEventLog members) {
        this.metrics = metrics;
        this.detector = detector;
        this.members = members;
    }

    @Override
    public void record(ActivityEvent event) {
        metrics.record(event);
        detector.accept(event);
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

package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.common.testing.ForwardingMetricsStore;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

/** Puts faults in front of a real store's batch write: an outage, or an answer lost after the write. */
final class FaultyMetricsStore extends ForwardingMetricsStore {

    enum Outcome {
        OK,
        DOWN,
        TIMEOUT_AFTER_APPLY
    }

    private final Queue<Outcome> script = new ArrayDeque<>();
    private volatile boolean down;
    private int attempts;

    FaultyMetricsStore(MetricsStore delegate) {
        super(delegate);
    }

    void setDown(boolean value) {
        down = value;
    }

    /** Outcomes of the next apply calls, in order; OK once the script runs out. */
    synchronized void script(List<Outcome> outcomes) {
        script.addAll(outcomes);
    }

    synchronized int attempts() {
        return attempts;
    }

    @Override
    public synchronized void apply(MetricBatch batch) {
        attempts++;
        Outcome next = script.isEmpty() ? Outcome.OK : script.poll();
        if (down || next == Outcome.DOWN) {
            throw new StoreException("connection refused");
        }
        delegate.apply(batch);
        if (next == Outcome.TIMEOUT_AFTER_APPLY) {
            throw new StoreException("timed out waiting for the acknowledgement");
        }
    }
}

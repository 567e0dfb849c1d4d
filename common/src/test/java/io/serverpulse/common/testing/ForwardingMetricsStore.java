package io.serverpulse.common.testing;

import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.TimeWindow;
import java.util.List;
import java.util.Objects;

/**
 * A metrics store in front of another: every call goes to {@code delegate}. A test overrides
 * {@link #apply} to make writes fail, wait or be counted, and keeps the real store's reads.
 */
public class ForwardingMetricsStore implements MetricsStore {

    protected final MetricsStore delegate;

    public ForwardingMetricsStore(MetricsStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void apply(MetricBatch batch) {
        delegate.apply(batch);
    }

    @Override
    public List<MemberCount> topMembers(LeaderboardQuery query) {
        return delegate.topMembers(query);
    }

    @Override
    public List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        return delegate.buckets(kind, guildId, channelId, memberId, window);
    }

    @Override
    public List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        return delegate.totals(kind, guildId, counter, window, limit);
    }
}

package io.serverpulse.common.store.memory;

import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.digest.DigestRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.privacy.MemberErasure;
import io.serverpulse.common.privacy.MemberOptOut;
import io.serverpulse.common.retention.RestampStep;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.VersionedSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.GuildDataVisitor;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.function.Predicate;

/**
 * A simple, thread-safe, in-memory {@link Store}: the fast fake for other modules' tests, and the
 * obviously-correct reference the contract suite is checked against. Every method holds one lock
 * and scans plain maps; nothing here is meant to be fast.
 *
 * <p><b>Idempotence.</b> The store remembers, per batch id, which buckets that batch has already
 * been added to (for {@link #BATCH_ID_RETENTION} after it was first seen). Applying a batch adds
 * only the increments whose bucket is not yet recorded for that id, so a batch applied twice, or
 * applied after an interrupted attempt that wrote only a prefix of it, counts every increment
 * exactly once. This is the per-bucket design a store without transactions (MongoDB) needs;
 * {@link #applyPrefix} simulates such an interrupted write.
 *
 * <p><b>Expiry.</b> What the {@link RetentionPolicy} gives each row under the guild's retention in
 * force when the row is written (or re-stamped), as the real adapters do.
 */
public final class InMemoryStore implements Store {

    /** How long an applied batch id is remembered, so that a late retry still counts nothing twice. */
    public static final Duration BATCH_ID_RETENTION = Duration.ofDays(7);

    private final Clock clock;
    private final RetentionPolicy policy;
    private final Map<Long, GuildSettings> settings = new HashMap<>();
    private final Map<Long, Long> settingsVersions = new HashMap<>();
    private final Map<BucketKey, Bucket> buckets = new HashMap<>();
    private final Map<String, AppliedBatch> appliedBatches = new HashMap<>();
    private final Map<String, Expiring<MemberEvent>> memberEvents = new HashMap<>();
    private final Map<String, Expiring<AlertRecord>> alerts = new HashMap<>();
    private final Map<String, Expiring<AiSummary>> summaries = new HashMap<>();
    private final Map<String, Expiring<CachedLeaderboard>> leaderboards = new HashMap<>();
    private final Map<String, MemberOptOut> optOuts = new java.util.TreeMap<>();
    private final Map<String, Expiring<DigestRecord>> digests = new HashMap<>();
    private final Map<String, UsageCounter> usage = new HashMap<>();
    private boolean closed;

    public InMemoryStore() {
        this(Clock.systemUTC());
    }

    /** @param clock used only to time out remembered batch ids */
    public InMemoryStore(Clock clock) {
        this(clock, RetentionPolicy.STANDARD);
    }

    public InMemoryStore(Clock clock, RetentionPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    private static final class Bucket {
        final EnumMap<Counter, Long> counters = new EnumMap<>(Counter.class);
        Instant expireAt;
    }

    private static final class AppliedBatch {
        final Set<BucketKey> keys = new HashSet<>();
        final Instant expireAt;

        AppliedBatch(Instant expireAt) {
            this.expireAt = expireAt;
        }
    }

    private record Expiring<T>(T value, long guildId, Instant expireAt) {
        Expiring<T> withExpiry(Instant newExpiry) {
            return new Expiring<>(value, guildId, newExpiry);
        }
    }

    // ---------------------------------------------------------------- settings

    @Override
    public synchronized Optional<GuildSettings> findSettings(long guildId) {
        ensureOpen();
        return Optional.ofNullable(settings.get(guildId));
    }

    /** A compare-and-set under this store's lock, as the adapters do in their database ({@link VersionedSettings}). */
    @Override
    public GuildSettings updateSettings(long guildId, UnaryOperator<GuildSettings> change) {
        return versions.update(guildId, change);
    }

    private final VersionedSettings versions = new VersionedSettings() {
        @Override
        public Optional<Stored> readVersioned(long guildId) {
            synchronized (InMemoryStore.this) {
                ensureOpen();
                GuildSettings stored = settings.get(guildId);
                return stored == null ? Optional.empty() : Optional.of(new Stored(stored, settingsVersions.get(guildId)));
            }
        }

        @Override
        public boolean compareAndSet(GuildSettings changed, Optional<Stored> expected) {
            synchronized (InMemoryStore.this) {
                ensureOpen();
                long guildId = changed.guildId();
                Long version = settings.containsKey(guildId) ? settingsVersions.get(guildId) : null;
                if (expected.isEmpty() ? version != null : version == null || version != expected.get().version()) {
                    return false;
                }
                settings.put(guildId, changed);
                settingsVersions.put(guildId, version == null ? 1 : version + 1);
                return true;
            }
        }
    };

    @Override
    public synchronized List<GuildSettings> allSettings() {
        ensureOpen();
        List<GuildSettings> all = new ArrayList<>(settings.values());
        all.sort(Comparator.comparingLong(GuildSettings::guildId));
        return all;
    }

    private Retention retention(long guildId) {
        return policy.inForce(settings.get(guildId));
    }

    // ---------------------------------------------------------------- metrics

    @Override
    public synchronized void apply(MetricBatch batch) {
        applyPrefix(batch, batch.size());
    }

    /**
     * Applies only the first {@code count} increments of the batch, remembering them under its id,
     * as a write that dies part-way would. A later {@link #apply} of the same batch adds the rest.
     */
    synchronized void applyPrefix(MetricBatch batch, int count) {
        ensureOpen();
        AppliedBatch applied = appliedBatches.computeIfAbsent(batch.batchId(),
                id -> new AppliedBatch(clock.instant().plus(BATCH_ID_RETENTION)));
        List<Increment> increments = batch.increments();
        for (int i = 0; i < Math.min(count, increments.size()); i++) {
            Increment increment = increments.get(i);
            BucketKey key = increment.key();
            if (!applied.keys.add(key)) {
                continue;
            }
            Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket());
            increment.deltas().forEach((counter, delta) -> bucket.counters.merge(counter, delta, Long::sum));
            bucket.expireAt = policy.expireAt(key, retention(key.guildId()));
        }
    }

    @Override
    public synchronized List<MemberCount> topMembers(LeaderboardQuery query) {
        ensureOpen();
        Period period = query.period();
        TimeWindow window = query.window();
        Map<Long, Long> sums = new HashMap<>();
        buckets.forEach((key, bucket) -> {
            if (key.kind() == period.memberBuckets() && key.guildId() == query.guildId()
                    && key.channelId() == query.channelId() && window.contains(key.start())) {
                sums.merge(key.memberId(), bucket.counters.getOrDefault(query.counter(), 0L), Long::sum);
            }
        });
        return sums.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new MemberCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(MemberCount::count).reversed().thenComparingLong(MemberCount::memberId))
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        ensureOpen();
        List<BucketRow> rows = new ArrayList<>();
        buckets.forEach((key, bucket) -> {
            if (key.kind() == kind && key.guildId() == guildId && window.contains(key.start())
                    && (channelId == null || key.channelId() == channelId)
                    && (memberId == null || key.memberId() == memberId)) {
                rows.add(new BucketRow(key, bucket.counters));
            }
        });
        rows.sort(Comparator.comparing((BucketRow row) -> row.key().start()).thenComparing(row -> row.key().id(), InMemoryStore::compareCodePoints));
        return rows;
    }

    @Override
    public synchronized List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        ensureOpen();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        Comparator<String> byKey;
        if (kind == BucketKind.CHANNEL_HOUR) {
            byKey = Comparator.comparingLong(Long::parseLong);
        } else if (kind == BucketKind.EMOJI_DAY) {
            byKey = InMemoryStore::compareCodePoints;
        } else {
            throw new IllegalArgumentException("totals are grouped by channel (CHANNEL_HOUR) or emoji (EMOJI_DAY), not " + kind);
        }
        Map<String, Long> sums = new HashMap<>();
        buckets.forEach((key, bucket) -> {
            if (key.kind() == kind && key.guildId() == guildId && window.contains(key.start())
                    && !(kind == BucketKind.CHANNEL_HOUR && key.channelId() == BucketKey.GUILD_WIDE)) {
                String group = kind == BucketKind.CHANNEL_HOUR ? Long.toString(key.channelId()) : key.emoji();
                sums.merge(group, bucket.counters.getOrDefault(counter, 0L), Long::sum);
            }
        });
        return sums.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new KeyCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(KeyCount::count).reversed().thenComparing(KeyCount::key, byKey))
                .limit(limit)
                .toList();
    }

    /** Unicode code point order: the order of UTF-8 bytes, which is how SQLite and MongoDB compare strings. */
    static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    // ---------------------------------------------------------------- member events, alerts, summaries, leaderboards

    @Override
    public synchronized void recordMemberEvents(List<MemberEvent> events) {
        ensureOpen();
        for (MemberEvent event : events) {
            Instant expireAt = policy.expireAt(event, retention(event.guildId()));
            memberEvents.putIfAbsent(event.id(), new Expiring<>(event, event.guildId(), expireAt));
        }
    }

    @Override
    public synchronized List<MemberEvent> memberEvents(long guildId, TimeWindow window) {
        ensureOpen();
        return memberEvents.values().stream()
                .map(Expiring::value)
                .filter(e -> e.guildId() == guildId && window.contains(e.at()))
                .sorted(Comparator.comparing(MemberEvent::at).thenComparing(MemberEvent::id, InMemoryStore::compareCodePoints))
                .toList();
    }

    @Override
    public synchronized void saveAlert(AlertRecord alert) {
        ensureOpen();
        Instant expireAt = policy.expireAt(alert, retention(alert.guildId()));
        Expiring<AlertRecord> stored = alerts.get(alert.guildId() + "|" + alert.id());
        if (stored != null && stored.value().endedAt() != null && alert.endedAt() == null) {
            return; // an ended incident is never reopened by a late save of its opening
        }
        alerts.put(alert.guildId() + "|" + alert.id(), new Expiring<>(alert, alert.guildId(), expireAt));
    }

    @Override
    public synchronized List<AlertRecord> alerts(long guildId, TimeWindow window) {
        ensureOpen();
        return alerts.values().stream()
                .map(Expiring::value)
                .filter(a -> a.guildId() == guildId && window.contains(a.startedAt()))
                .sorted(Comparator.comparing(AlertRecord::startedAt).thenComparing(AlertRecord::id, InMemoryStore::compareCodePoints))
                .toList();
    }

    @Override
    public synchronized void saveSummary(AiSummary summary) {
        ensureOpen();
        Instant expireAt = policy.expireAt(summary, retention(summary.guildId()));
        summaries.put(summary.guildId() + "|" + summary.periodKey(), new Expiring<>(summary, summary.guildId(), expireAt));
    }

    @Override
    public synchronized Optional<AiSummary> summary(long guildId, String periodKey) {
        ensureOpen();
        return Optional.ofNullable(summaries.get(guildId + "|" + periodKey)).map(Expiring::value);
    }

    @Override
    public synchronized void saveLeaderboard(CachedLeaderboard leaderboard) {
        ensureOpen();
        Instant expireAt = policy.expireAt(leaderboard, retention(leaderboard.guildId()));
        leaderboards.put(leaderboard.id(), new Expiring<>(leaderboard, leaderboard.guildId(), expireAt));
    }

    @Override
    public synchronized Optional<CachedLeaderboard> leaderboard(long guildId, long channelId, Counter counter, Period period) {
        ensureOpen();
        return leaderboards.values().stream()
                .map(Expiring::value)
                .filter(l -> l.guildId() == guildId && l.channelId() == channelId && l.counter() == counter
                        && l.period() == period)
                .findFirst();
    }

    // ---------------------------------------------------------------- digest ledger

    @Override
    public synchronized DigestRecord claimDigest(long guildId, String periodKey, String owner, Instant now, Duration lease) {
        ensureOpen();
        String key = guildId + "|" + periodKey;
        Expiring<DigestRecord> current = digests.get(key);
        DigestRecord record = current == null ? null : current.value();
        if (record == null || (!record.posted() && (record.ownedBy(owner) || !record.claimedAt().isAfter(now.minus(lease))))) {
            record = new DigestRecord(guildId, periodKey, owner, now, null, null, null);
            digests.put(key, new Expiring<>(record, guildId, now.plus(retention(guildId).metrics())));
        }
        return record;
    }

    @Override
    public synchronized boolean digestPosted(long guildId, String periodKey, String owner, long channelId, long messageId,
                                             Instant at) {
        ensureOpen();
        Expiring<DigestRecord> current = digests.get(guildId + "|" + periodKey);
        if (current == null || !current.value().ownedBy(owner)) {
            return false;
        }
        DigestRecord record = current.value();
        if (!record.posted()) {
            record = new DigestRecord(guildId, periodKey, owner, record.claimedAt(), at, channelId, messageId);
            digests.put(guildId + "|" + periodKey, new Expiring<>(record, guildId, current.expireAt()));
        }
        return true;
    }

    @Override
    public synchronized Optional<DigestRecord> digestRecord(long guildId, String periodKey) {
        ensureOpen();
        return Optional.ofNullable(digests.get(guildId + "|" + periodKey)).map(Expiring::value);
    }

    // ---------------------------------------------------------------- usage counters

    private record UsageCounter(long guildId, long memberId, long count, Instant expireAt) {
    }

    @Override
    public synchronized long addUse(long guildId, long memberId, String counter, Instant windowStart, Instant expireAt,
                                    long delta) {
        ensureOpen();
        String key = guildId + "|" + memberId + "|" + counter + "|" + windowStart.toEpochMilli();
        UsageCounter current = usage.getOrDefault(key, new UsageCounter(guildId, memberId, 0, expireAt));
        UsageCounter next = new UsageCounter(guildId, memberId, current.count() + delta, current.expireAt());
        usage.put(key, next);
        return next.count();
    }

    // ---------------------------------------------------------------- whole guild

    @Override
    public synchronized void exportGuild(long guildId, GuildDataVisitor visitor) {
        ensureOpen();
        GuildSettings stored = settings.get(guildId);
        if (stored != null) {
            visitor.settings(stored);
        }
        buckets.entrySet().stream()
                .filter(e -> e.getKey().guildId() == guildId)
                .map(e -> new BucketRow(e.getKey(), e.getValue().counters))
                .sorted(Comparator.comparing((BucketRow row) -> row.key().kind())
                        .thenComparing(row -> row.key().start())
                        .thenComparing(row -> row.key().id(), InMemoryStore::compareCodePoints))
                .forEach(visitor::bucket);
        memberEvents(guildId, new TimeWindow(Instant.MIN, Instant.MAX)).forEach(visitor::memberEvent);
        alerts(guildId, new TimeWindow(Instant.MIN, Instant.MAX)).forEach(visitor::alert);
        summaries.values().stream()
                .filter(s -> s.guildId() == guildId)
                .map(Expiring::value)
                .sorted(Comparator.comparing(AiSummary::periodKey))
                .forEach(visitor::summary);
        leaderboards.values().stream()
                .filter(l -> l.guildId() == guildId)
                .map(Expiring::value)
                .sorted(Comparator.comparing(CachedLeaderboard::id))
                .forEach(visitor::leaderboard);
        optOuts.values().stream().filter(o -> o.guildId() == guildId)
                .sorted(Comparator.comparingLong(MemberOptOut::memberId)).forEach(visitor::optOut);
        digests.values().stream()
                .filter(d -> d.guildId() == guildId)
                .map(Expiring::value)
                .sorted(Comparator.comparing(DigestRecord::periodKey))
                .forEach(visitor::digest);
    }

    @Override
    public synchronized long eraseGuild(long guildId) {
        ensureOpen();
        settingsVersions.remove(guildId);
        long deleted = settings.remove(guildId) == null ? 0 : 1;
        deleted += removeIf(buckets.keySet().iterator(), key -> key.guildId() == guildId);
        deleted += removeIf(memberEvents.values().iterator(), e -> e.guildId() == guildId);
        deleted += removeIf(alerts.values().iterator(), e -> e.guildId() == guildId);
        deleted += removeIf(summaries.values().iterator(), e -> e.guildId() == guildId);
        deleted += removeIf(leaderboards.values().iterator(), e -> e.guildId() == guildId);
        deleted += removeIf(optOuts.values().iterator(), o -> o.guildId() == guildId);
        deleted += removeIf(digests.values().iterator(), e -> e.guildId() == guildId);
        deleted += removeIf(usage.values().iterator(), e -> e.guildId() == guildId);
        return deleted;
    }

    @Override
    public synchronized MemberErasure eraseMember(long guildId, long memberId) {
        ensureOpen();
        long memberHours = removeIf(buckets.keySet().iterator(), key -> key.guildId() == guildId && key.memberId() == memberId
                && key.kind() == BucketKind.MEMBER_HOUR);
        long memberDays = removeIf(buckets.keySet().iterator(), key -> key.guildId() == guildId && key.memberId() == memberId
                && key.kind() == BucketKind.MEMBER_DAY);
        long events = removeIf(memberEvents.values().iterator(),
                e -> e.guildId() == guildId && e.value().memberId() == memberId);
        long cached = removeIf(leaderboards.values().iterator(), e -> e.guildId() == guildId
                && e.value().entries().stream().anyMatch(entry -> entry.memberId() == memberId));
        // the /askpulse counters go with the member too (bookkeeping, not part of what erasure reports)
        removeIf(usage.values().iterator(), e -> e.guildId() == guildId && e.memberId() == memberId);
        return new MemberErasure(memberHours, memberDays, events, cached);
    }

    // ---------------------------------------------------------------- opt-outs

    @Override
    public synchronized boolean optOut(MemberOptOut optOut) {
        ensureOpen();
        return optOuts.putIfAbsent(optOut.guildId() + ":" + optOut.memberId(), optOut) == null;
    }

    @Override
    public synchronized boolean optIn(long guildId, long memberId) {
        ensureOpen();
        return optOuts.remove(guildId + ":" + memberId) != null;
    }

    @Override
    public synchronized Optional<MemberOptOut> optOut(long guildId, long memberId) {
        ensureOpen();
        return Optional.ofNullable(optOuts.get(guildId + ":" + memberId));
    }

    @Override
    public synchronized Set<Long> optedOut(long guildId) {
        ensureOpen();
        Set<Long> members = new java.util.TreeSet<>();
        optOuts.values().stream().filter(o -> o.guildId() == guildId).forEach(o -> members.add(o.memberId()));
        return members;
    }

    @Override
    public synchronized List<MemberOptOut> allOptOuts() {
        ensureOpen();
        return optOuts.values().stream()
                .sorted(Comparator.comparingLong(MemberOptOut::guildId).thenComparingLong(MemberOptOut::memberId)).toList();
    }

    @Override
    public synchronized long sweepExpired(Instant now) {
        ensureOpen();
        long deleted = removeIf(buckets.values().iterator(), b -> !b.expireAt.isAfter(now));
        deleted += removeIf(memberEvents.values().iterator(), e -> !e.expireAt().isAfter(now));
        deleted += removeIf(alerts.values().iterator(), e -> !e.expireAt().isAfter(now));
        deleted += removeIf(summaries.values().iterator(), e -> !e.expireAt().isAfter(now));
        deleted += removeIf(leaderboards.values().iterator(), e -> !e.expireAt().isAfter(now));
        deleted += removeIf(digests.values().iterator(), e -> !e.expireAt().isAfter(now));
        deleted += removeIf(usage.values().iterator(), e -> !e.expireAt().isAfter(now));
        // remembered batch ids are bookkeeping, not guild data: pruned here but not counted
        appliedBatches.values().removeIf(b -> !b.expireAt.isAfter(now));
        return deleted;
    }

    @Override
    public RetentionPolicy retentionPolicy() {
        return policy;
    }

    /** Steps through the guild's rows in the order of their ids (kind first); the cursor is the last id. */
    @Override
    public synchronized RestampStep restampExpiry(long guildId, Retention retention, String resumeAfter, int limit) {
        ensureOpen();
        java.util.TreeMap<String, Runnable> restamps = new java.util.TreeMap<>(InMemoryStore::compareCodePoints);
        int[] changed = {0};
        buckets.forEach((key, bucket) -> {
            if (key.guildId() == guildId) {
                restamps.put("0" + key.kind().ordinal() + "|" + key.id(), () -> {
                    Instant expiry = policy.expireAt(key, retention);
                    if (!expiry.equals(bucket.expireAt)) {
                        bucket.expireAt = expiry;
                        changed[0]++;
                    }
                });
            }
        });
        restampAll(restamps, "1|", memberEvents, guildId, e -> policy.expireAt(e, retention), changed);
        restampAll(restamps, "2|", alerts, guildId, a -> policy.expireAt(a, retention), changed);
        restampAll(restamps, "3|", summaries, guildId, s -> policy.expireAt(s, retention), changed);
        restampAll(restamps, "4|", leaderboards, guildId, l -> policy.expireAt(l, retention), changed);
        Map<String, Runnable> todo = resumeAfter == null ? restamps : restamps.tailMap(resumeAfter, false);
        int examined = 0;
        String last = null;
        for (Map.Entry<String, Runnable> entry : todo.entrySet()) {
            if (examined == limit) {
                break;
            }
            entry.getValue().run();
            last = entry.getKey();
            examined++;
        }
        return new RestampStep(examined, changed[0], examined == limit ? last : null);
    }

    private static <T> void restampAll(Map<String, Runnable> restamps, String prefix, Map<String, Expiring<T>> rows, long guildId,
                                       java.util.function.Function<T, Instant> expiry, int[] changed) {
        rows.forEach((id, row) -> {
            if (row.guildId() == guildId) {
                restamps.put(prefix + id, () -> {
                    Expiring<T> current = rows.get(id);
                    Instant newExpiry = expiry.apply(current.value());
                    if (!newExpiry.equals(current.expireAt())) {
                        rows.put(id, current.withExpiry(newExpiry));
                        changed[0]++;
                    }
                });
            }
        });
    }

    private static <T> long removeIf(Iterator<T> iterator, Predicate<T> condition) {
        long removed = 0;
        while (iterator.hasNext()) {
            if (condition.test(iterator.next())) {
                iterator.remove();
                removed++;
            }
        }
        return removed;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public synchronized boolean healthy() {
        return !closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw StoreException.closed(describe());
        }
    }
}

package io.serverpulse.store.mongodb;

import com.mongodb.client.MongoDatabase;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.TimeWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;

/**
 * Reads pre-aggregated buckets with pipelines that MongoDB and mongo-java-server both run
 * ({@code $match} on guild, channel and start range, {@code $group}, {@code $sort}, {@code $limit};
 * no {@code $dateTrunc} or {@code $setWindowFields}). Every query starts with {@code guild_id}, and
 * touches only the buckets of the window: its cost grows with active members and hours, not with
 * the number of messages.
 */
final class MetricReader {

    private static final Comparator<BucketRow> BY_START_THEN_ID = Comparator
            .<BucketRow, java.time.Instant>comparing(r -> r.key().start())
            .thenComparing(r -> r.key().id(), CodePointOrder.COMPARATOR);

    private final MongoDatabase database;

    MetricReader(MongoDatabase database) {
        this.database = database;
    }

    List<MemberCount> topMembers(LeaderboardQuery query) {
        String field = query.counter().field();
        Document match = inWindow(query.guildId(), query.window())
                .append(Fields.CHANNEL_ID, query.channelId())
                .append(field, new Document("$gt", 0));
        List<Document> pipeline = List.of(
                new Document("$match", match),
                new Document("$group", new Document(Fields.ID, "$" + Fields.MEMBER_ID)
                        .append("total", new Document("$sum", "$" + field))),
                new Document("$match", new Document("total", new Document("$gt", 0))),
                new Document("$sort", new Document("total", -1).append(Fields.ID, 1)),
                new Document("$limit", query.limit()));
        List<MemberCount> top = new ArrayList<>();
        for (Document d : database.getCollection(query.period().memberBuckets().collection()).aggregate(pipeline)) {
            top.add(new MemberCount(((Number) d.get(Fields.ID)).longValue(), ((Number) d.get("total")).longValue()));
        }
        return top;
    }

    List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        Document filter = inWindow(guildId, window);
        if (channelId != null) {
            filter.append(Fields.CHANNEL_ID, channelId);
        }
        if (memberId != null) {
            filter.append(Fields.MEMBER_ID, memberId);
        }
        List<BucketRow> rows = new ArrayList<>();
        for (Document d : database.getCollection(kind.collection()).find(filter)) {
            rows.add(BucketDocuments.row(kind, d));
        }
        rows.sort(BY_START_THEN_ID);
        return rows;
    }

    List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        String field = counter.field();
        Document match = inWindow(guildId, window).append(field, new Document("$gt", 0));
        String groupBy;
        if (kind == BucketKind.CHANNEL_HOUR) {
            match.append(Fields.CHANNEL_ID, new Document("$ne", BucketKey.GUILD_WIDE));
            groupBy = Fields.CHANNEL_ID;
        } else if (kind == BucketKind.EMOJI_DAY) {
            groupBy = Fields.EMOJI;
        } else {
            throw new IllegalArgumentException("totals are grouped by channel (CHANNEL_HOUR) or emoji (EMOJI_DAY), not " + kind);
        }
        List<Document> pipeline = List.of(
                new Document("$match", match),
                new Document("$group", new Document(Fields.ID, "$" + groupBy)
                        .append("total", new Document("$sum", "$" + field))),
                new Document("$match", new Document("total", new Document("$gt", 0))));
        // one row per channel or emoji, ordered here: ties by channel id numerically, or by emoji in
        // code point order, which mongo-java-server's $sort does not follow (it compares UTF-16 units)
        List<Document> groups = database.getCollection(kind.collection()).aggregate(pipeline).into(new ArrayList<>());
        Comparator<Document> byKey = kind == BucketKind.CHANNEL_HOUR
                ? Comparator.comparingLong(d -> ((Number) d.get(Fields.ID)).longValue())
                : Comparator.comparing(d -> d.getString(Fields.ID), CodePointOrder.COMPARATOR);
        groups.sort(Comparator.<Document>comparingLong(d -> ((Number) d.get("total")).longValue()).reversed().thenComparing(byKey));
        List<KeyCount> totals = new ArrayList<>();
        for (Document d : groups.subList(0, Math.min(limit, groups.size()))) {
            totals.add(new KeyCount(String.valueOf(d.get(Fields.ID)), ((Number) d.get("total")).longValue()));
        }
        return totals;
    }

    /** {@code {guild_id: g, start: {$gte: from, $lt: to}}}: bucket starts are whole hours, so milliseconds are exact. */
    private static Document inWindow(long guildId, TimeWindow window) {
        return new Document(Fields.GUILD_ID, guildId)
                .append(Fields.START, new Document("$gte", BsonInstants.ceil(window.from()))
                        .append("$lt", BsonInstants.ceil(window.to())));
    }
}

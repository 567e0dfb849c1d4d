package io.serverpulse.store.mongodb;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import java.util.EnumMap;
import java.util.Map;
import org.bson.Document;

/**
 * The shape of a bucket document: {@code _id} = {@link BucketKey#id()}, the key fields
 * ({@code guild_id}, {@code channel_id}, {@code member_id}, {@code emoji}, {@code start} as a date;
 * all of them in every kind, unused ones 0 or ""), one field per counter ({@link Counter#field()}),
 * {@code expire_at}, and {@code batches} (see {@link MetricWriter}).
 */
final class BucketDocuments {

    private BucketDocuments() {
    }

    static Document keyFields(BucketKey key) {
        return new Document(Fields.GUILD_ID, key.guildId())
                .append(Fields.CHANNEL_ID, key.channelId())
                .append(Fields.MEMBER_ID, key.memberId())
                .append(Fields.EMOJI, key.emoji())
                .append(Fields.START, BsonInstants.floor(key.start()));
    }

    static BucketRow row(BucketKind kind, Document d) {
        BucketKey key = new BucketKey(kind, d.getLong(Fields.GUILD_ID), d.getLong(Fields.CHANNEL_ID),
                d.getLong(Fields.MEMBER_ID), d.getString(Fields.EMOJI), d.getDate(Fields.START).toInstant());
        Map<Counter, Long> counters = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            if (d.get(counter.field()) instanceof Number n) {
                counters.put(counter, n.longValue());
            }
        }
        return new BucketRow(key, counters);
    }
}

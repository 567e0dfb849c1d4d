package io.serverpulse.store.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.Retention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Member events, alerts, AI summaries and cached leaderboards. Each is written with a plain
 * {@code {_id: ...}} filter (replace or upsert: saving again replaces, recording an event again
 * stores it once) and gets the {@code expire_at} the retention policy gives it under the guild's
 * retention when written.
 */
final class GuildRecords {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoDatabase database;
    private final RetentionLookup retentions;

    GuildRecords(MongoDatabase database, RetentionLookup retentions) {
        this.database = database;
        this.retentions = retentions;
    }

    void recordMemberEvents(List<MemberEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<Long> guilds = new LinkedHashSet<>();
        events.forEach(e -> guilds.add(e.guildId()));
        Map<Long, Retention> retention = retentions.of(guilds);
        List<WriteModel<Document>> writes = new ArrayList<>(events.size());
        for (MemberEvent e : events) {
            Instant expireAt = retentions.policy().expireAt(e, retention.get(e.guildId()));
            writes.add(new ReplaceOneModel<>(new Document(Fields.ID, e.id()), RecordDocuments.memberEvent(e, expireAt), UPSERT));
        }
        collection(CollectionNames.MEMBER_EVENTS).bulkWrite(writes);
    }

    List<MemberEvent> memberEvents(long guildId, TimeWindow window) {
        List<MemberEvent> events = new ArrayList<>();
        for (Document d : collection(CollectionNames.MEMBER_EVENTS).find(between(guildId, "at", window))) {
            MemberEvent e = RecordDocuments.memberEvent(d);
            if (window.contains(e.at())) {
                events.add(e);
            }
        }
        events.sort(Comparator.comparing(MemberEvent::at).thenComparing(MemberEvent::id, CodePointOrder.COMPARATOR));
        return events;
    }

    void saveAlert(AlertRecord alert) {
        Instant expireAt = retentions.policy().expireAt(alert, retentions.of(alert.guildId()));
        Document id = new Document(Fields.ID, RecordDocuments.alertId(alert.guildId(), alert.id()));
        if (alert.endedAt() != null) {
            collection(CollectionNames.ALERTS).replaceOne(id, RecordDocuments.alert(alert, expireAt), UPSERT);
            return;
        }
        // an ended incident is never reopened by a late save of its opening: replace only a record that
        // has not ended; if one has, the upsert's insert meets its id and there is nothing to do
        try {
            collection(CollectionNames.ALERTS).replaceOne(new Document(id).append("ended_at", null),
                    RecordDocuments.alert(alert, expireAt), UPSERT);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    List<AlertRecord> alerts(long guildId, TimeWindow window) {
        List<AlertRecord> alerts = new ArrayList<>();
        for (Document d : collection(CollectionNames.ALERTS).find(between(guildId, "started_at", window))) {
            AlertRecord a = RecordDocuments.alert(d);
            if (window.contains(a.startedAt())) {
                alerts.add(a);
            }
        }
        alerts.sort(Comparator.comparing(AlertRecord::startedAt).thenComparing(AlertRecord::id, CodePointOrder.COMPARATOR));
        return alerts;
    }

    void saveSummary(AiSummary summary) {
        Instant expireAt = retentions.policy().expireAt(summary, retentions.of(summary.guildId()));
        collection(CollectionNames.AI_SUMMARIES).replaceOne(
                new Document(Fields.ID, RecordDocuments.summaryId(summary.guildId(), summary.periodKey())),
                RecordDocuments.summary(summary, expireAt), UPSERT);
    }

    Optional<AiSummary> summary(long guildId, String periodKey) {
        Document d = collection(CollectionNames.AI_SUMMARIES)
                .find(new Document(Fields.ID, RecordDocuments.summaryId(guildId, periodKey))).first();
        return Optional.ofNullable(d).map(RecordDocuments::summary)
                .filter(s -> s.guildId() == guildId && s.periodKey().equals(periodKey));
    }

    void saveLeaderboard(CachedLeaderboard leaderboard) {
        Instant expireAt = retentions.policy().expireAt(leaderboard, retentions.of(leaderboard.guildId()));
        collection(CollectionNames.LEADERBOARD_CACHE).replaceOne(new Document(Fields.ID, leaderboard.id()),
                RecordDocuments.leaderboard(leaderboard, expireAt), UPSERT);
    }

    Optional<CachedLeaderboard> leaderboard(long guildId, long channelId, Counter counter, Period period) {
        // the id of a cached leaderboard depends on its key only, never on its entries
        String id = new CachedLeaderboard(guildId, channelId, counter, period, Instant.EPOCH, List.of(), 0).id();
        Document d = collection(CollectionNames.LEADERBOARD_CACHE).find(new Document(Fields.ID, id)).first();
        return Optional.ofNullable(d).map(RecordDocuments::leaderboard).filter(l -> l.guildId() == guildId);
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** {@code {guild_id: g, <field>: {$gte, $lt}}} widened to whole milliseconds; callers filter exactly. */
    private static Document between(long guildId, String field, TimeWindow window) {
        return new Document(Fields.GUILD_ID, guildId).append(field,
                new Document("$gte", BsonInstants.floor(window.from())).append("$lt", BsonInstants.ceil(window.to())));
    }
}

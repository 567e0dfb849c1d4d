package io.serverpulse.store.mongodb;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Member events, alerts, AI summaries and cached leaderboards as documents. Each carries
 * {@code guild_id} and an {@code expire_at} computed by the caller from the guild's retention; each
 * {@code _id} is the record's deterministic id, so saving the same record again replaces it.
 */
final class RecordDocuments {

    private RecordDocuments() {
    }

    static Document memberEvent(MemberEvent e, Instant expireAt) {
        Document doc = new Document(Fields.ID, e.id())
                .append(Fields.GUILD_ID, e.guildId())
                .append(Fields.MEMBER_ID, e.memberId())
                .append("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        BsonInstants.put(doc, "at", e.at());
        return doc.append(Fields.EXPIRE_AT, BsonInstants.ceil(expireAt));
    }

    static MemberEvent memberEvent(Document d) {
        return new MemberEvent(d.getLong(Fields.GUILD_ID), d.getLong(Fields.MEMBER_ID),
                MemberEvent.Kind.valueOf(d.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                BsonInstants.get(d, "at"));
    }

    /** Alert ids are unique within a guild: the document id puts the guild in front. */
    static String alertId(long guildId, String alertId) {
        return guildId + ":" + alertId;
    }

    static Document alert(AlertRecord a, Instant expireAt) {
        Document doc = new Document(Fields.ID, alertId(a.guildId(), a.id()))
                .append(Fields.GUILD_ID, a.guildId())
                .append("alert_id", a.id())
                .append("type", a.type().option())
                .append("severity", a.severity().name().toLowerCase(java.util.Locale.ROOT));
        BsonInstants.put(doc, "started_at", a.startedAt());
        BsonInstants.put(doc, "ended_at", a.endedAt());
        return doc.append("channel_ids", new ArrayList<>(a.channelIds()))
                .append("observed", a.observed())
                .append("baseline", a.baseline())
                .append("context", a.context())
                .append(Fields.EXPIRE_AT, BsonInstants.ceil(expireAt));
    }

    static AlertRecord alert(Document d) {
        List<Long> channels = new ArrayList<>();
        List<?> stored = d.get("channel_ids", List.class);
        if (stored != null) {
            for (Object channel : stored) {
                channels.add(((Number) channel).longValue());
            }
        }
        AlertType type = AlertType.fromOption(d.getString("type"))
                .orElseThrow(() -> new IllegalStateException("unknown alert type in alerts/" + d.get(Fields.ID)));
        return new AlertRecord(d.getString("alert_id"), d.getLong(Fields.GUILD_ID), type,
                Severity.valueOf(d.getString("severity").toUpperCase(java.util.Locale.ROOT)),
                BsonInstants.get(d, "started_at"), BsonInstants.get(d, "ended_at"), channels,
                ((Number) d.get("observed")).longValue(), ((Number) d.get("baseline")).doubleValue(),
                d.getString("context"));
    }

    static String summaryId(long guildId, String periodKey) {
        return guildId + ":" + periodKey;
    }

    static Document summary(AiSummary s, Instant expireAt) {
        Document doc = new Document(Fields.ID, summaryId(s.guildId(), s.periodKey()))
                .append(Fields.GUILD_ID, s.guildId())
                .append("period_key", s.periodKey())
                .append("provider", s.provider().option())
                .append("model", s.model())
                .append("text", s.text())
                .append("input_hash", s.inputHash())
                .append("input_tokens", s.inputTokens())
                .append("output_tokens", s.outputTokens());
        BsonInstants.put(doc, "created_at", s.createdAt());
        return doc.append(Fields.EXPIRE_AT, BsonInstants.ceil(expireAt));
    }

    static AiSummary summary(Document d) {
        AiProvider provider = AiProvider.fromOption(d.getString("provider"))
                .orElseThrow(() -> new IllegalStateException("unknown AI provider in ai_summaries/" + d.get(Fields.ID)));
        return new AiSummary(d.getLong(Fields.GUILD_ID), d.getString("period_key"), provider, d.getString("model"),
                d.getString("text"), BsonInstants.get(d, "created_at"), d.getString("input_hash"),
                d.get("input_tokens") instanceof Number n ? n.intValue() : 0,
                d.get("output_tokens") instanceof Number n ? n.intValue() : 0);
    }

    static Document leaderboard(CachedLeaderboard l, Instant expireAt) {
        List<Document> entries = new ArrayList<>();
        for (MemberCount entry : l.entries()) {
            entries.add(new Document(Fields.MEMBER_ID, entry.memberId()).append("count", entry.count()));
        }
        Document doc = new Document(Fields.ID, l.id())
                .append(Fields.GUILD_ID, l.guildId())
                .append(Fields.CHANNEL_ID, l.channelId())
                .append("counter", l.counter().field())
                .append("period", l.period().label());
        BsonInstants.put(doc, "computed_at", l.computedAt());
        return doc.append("entries", entries)
                .append("total", l.total())
                .append(Fields.EXPIRE_AT, BsonInstants.ceil(expireAt));
    }

    static CachedLeaderboard leaderboard(Document d) {
        List<MemberCount> entries = new ArrayList<>();
        for (Document entry : d.getList("entries", Document.class, List.of())) {
            entries.add(new MemberCount(entry.getLong(Fields.MEMBER_ID), ((Number) entry.get("count")).longValue()));
        }
        Period period = Period.fromLabel(d.getString("period"))
                .orElseThrow(() -> new IllegalStateException("unknown period in leaderboard_cache/" + d.get(Fields.ID)));
        return new CachedLeaderboard(d.getLong(Fields.GUILD_ID), d.getLong(Fields.CHANNEL_ID),
                Counter.fromField(d.getString("counter")), period, BsonInstants.get(d, "computed_at"), entries,
                d.get("total") instanceof Number total ? total.longValue() : 0);
    }
}

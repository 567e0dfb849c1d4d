package io.serverpulse.common.commands.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.store.GuildDataVisitor;
import io.serverpulse.common.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything stored for one guild, as a file: {@link Store#exportGuild} visits the rows (only that
 * guild's), and they are written as JSON (one object with a list per kind of record) or CSV (one row
 * per value, the same columns for every kind). Settings leave out the sealed AI key: the export says
 * only whether one is set. The Privacy issue extends this (member-level exports, erasure receipts).
 */
public final class GuildExport {

    public static final List<String> CSV_COLUMNS = List.of("record", "time", "channel_id", "member_id", "key", "value", "details");

    private final List<List<String>> rows = new ArrayList<>();
    private final ObjectNode json = DiscordJson.object();
    private int records;

    private final RetentionPolicy policy;

    private GuildExport(long guildId, Instant now, RetentionPolicy policy) {
        this.policy = policy;
        json.put("format", "serverpulse-export");
        json.put("version", 1);
        json.put("guild_id", Long.toUnsignedString(guildId));
        json.put("exported_at", now.toString());
        json.putNull("settings");
        json.putArray("metrics");
        json.putArray("member_events");
        json.putArray("alerts");
        json.putArray("ai_summaries");
        json.putArray("leaderboards");
    }

    /** Reads the guild's rows from the store. */
    public static GuildExport of(Store store, long guildId, Instant now) {
        GuildExport export = new GuildExport(guildId, now, store.retentionPolicy());
        store.exportGuild(guildId, export.visitor());
        return export;
    }

    /** Records visited (settings count as one). */
    public int records() {
        return records;
    }

    public byte[] bytes(ExportFormat format) {
        return format == ExportFormat.JSON ? json() : csv();
    }

    private byte[] json() {
        try {
            return DiscordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }

    private byte[] csv() {
        CsvSchema.Builder schema = CsvSchema.builder();
        CSV_COLUMNS.forEach(schema::addColumn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = new CsvMapper().writer(schema.build().withHeader()).writeValues(out)) {
            for (List<String> row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
        return out.toByteArray();
    }

    private GuildDataVisitor visitor() {
        return new GuildDataVisitor() {
            @Override
            public void settings(GuildSettings settings) {
                records++;
                ObjectNode node = settingsJson(settings, policy);
                json.set("settings", node);
                node.properties().forEach(field ->
                        row("setting", settings.updatedAt(), null, null, field.getKey(),
                                field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString(), null));
            }

            @Override
            public void bucket(BucketRow bucket) {
                records++;
                BucketKey key = bucket.key();
                ObjectNode node = ((ArrayNode) json.get("metrics")).addObject();
                node.put("table", key.kind().collection());
                node.put("start", key.start().toString());
                putId(node, "channel_id", key.channelId());
                putId(node, "member_id", key.memberId());
                if (!key.emoji().isEmpty()) {
                    node.put("emoji", key.emoji());
                }
                ObjectNode counters = node.putObject("counters");
                bucket.counters().forEach((counter, value) -> {
                    counters.put(counter.field(), value);
                    row(key.kind().collection(), key.start(), key.channelId(), key.memberId(), counter.field(),
                            Long.toString(value), key.emoji().isEmpty() ? null : key.emoji());
                });
            }

            @Override
            public void memberEvent(MemberEvent event) {
                records++;
                ObjectNode node = ((ArrayNode) json.get("member_events")).addObject();
                putId(node, "member_id", event.memberId());
                node.put("kind", event.kind().name().toLowerCase(java.util.Locale.ROOT));
                node.put("at", event.at().toString());
                row("member_event", event.at(), null, event.memberId(), node.get("kind").asText(), null, null);
            }

            @Override
            public void alert(AlertRecord alert) {
                records++;
                ObjectNode node = ((ArrayNode) json.get("alerts")).addObject();
                node.put("id", alert.id());
                node.put("type", alert.type().option());
                node.put("severity", alert.severity().name().toLowerCase(java.util.Locale.ROOT));
                node.put("started_at", alert.startedAt().toString());
                node.put("ended_at", alert.endedAt() == null ? null : alert.endedAt().toString());
                ArrayNode channels = node.putArray("channel_ids");
                alert.channelIds().forEach(id -> channels.add(Long.toUnsignedString(id)));
                node.put("observed", alert.observed());
                node.put("baseline", alert.baseline());
                node.put("context", alert.context());
                row("alert", alert.startedAt(), null, null, alert.type().option(), Long.toString(alert.observed()),
                        "severity=" + node.get("severity").asText() + "; ended=" + node.get("ended_at").asText()
                                + "; baseline=" + alert.baseline() + "; " + alert.context());
            }

            @Override
            public void summary(AiSummary summary) {
                records++;
                ObjectNode node = ((ArrayNode) json.get("ai_summaries")).addObject();
                node.put("period_key", summary.periodKey());
                node.put("provider", summary.provider().option());
                node.put("model", summary.model());
                node.put("created_at", summary.createdAt().toString());
                node.put("text", summary.text());
                row("ai_summary", summary.createdAt(), null, null, summary.periodKey(), summary.provider().option(), summary.text());
            }

            @Override
            public void leaderboard(CachedLeaderboard leaderboard) {
                records++;
                ObjectNode node = ((ArrayNode) json.get("leaderboards")).addObject();
                putId(node, "channel_id", leaderboard.channelId());
                node.put("counter", leaderboard.counter().field());
                node.put("period", leaderboard.period().label());
                node.put("computed_at", leaderboard.computedAt().toString());
                ArrayNode entries = node.putArray("entries");
                for (MemberCount entry : leaderboard.entries()) {
                    entries.addObject().put("member_id", Long.toUnsignedString(entry.memberId())).put("count", entry.count());
                    row("leaderboard", leaderboard.computedAt(), leaderboard.channelId(), entry.memberId(),
                            leaderboard.counter().field() + ":" + leaderboard.period().label(), Long.toString(entry.count()), null);
                }
            }
        };
    }

    private static ObjectNode settingsJson(GuildSettings settings, RetentionPolicy policy) {
        ObjectNode node = DiscordJson.object();
        node.put("update_channel_id", settings.updateChannelId() == null ? null : Long.toUnsignedString(settings.updateChannelId()));
        ArrayNode collect = node.putArray("collect_channels");
        settings.collectChannels().forEach(id -> collect.add(Long.toUnsignedString(id)));
        node.put("digest", settings.digest().option());
        ObjectNode alerts = node.putObject("alerts");
        for (Map.Entry<AlertType, AlertRule> entry : settings.alerts().entrySet()) {
            AlertRule rule = entry.getValue();
            alerts.putObject(entry.getKey().option()).put("enabled", rule.enabled()).put("threshold", rule.threshold())
                    .put("window_seconds", rule.window().toSeconds()).put("factor", rule.factor());
        }
        Retention retention = policy.inForce(settings);
        node.putObject("retention").put("metrics_days", retention.metricsDays())
                .put("leaderboard_days", retention.leaderboardDays())
                .put("summary_days", retention.summaryDays())
                .put("chosen", settings.retention() != null);
        node.put("ai_provider", settings.aiProvider() == null ? null : settings.aiProvider().option());
        node.put("ai_model", settings.aiModel());
        node.put("ai_key_set", settings.aiKeyCiphertext() != null);
        ArrayNode fallbacks = node.putArray("ai_fallbacks");
        settings.aiFallbacks().forEach(e -> fallbacks.addObject().put("provider", e.provider().option())
                .put("model", e.model()).put("key_set", e.hasKey()));
        node.put("locale", settings.locale());
        node.put("sentiment_enabled", settings.sentimentEnabled());
        node.put("count_bots", settings.countBots());
        node.put("updated_at", settings.updatedAt().toString());
        return node;
    }

    private static void putId(ObjectNode node, String field, long id) {
        if (id != 0) {
            node.put(field, Long.toUnsignedString(id));
        }
    }

    private void row(String record, Instant time, Long channelId, Long memberId, String key, String value, String details) {
        List<String> row = new ArrayList<>(CSV_COLUMNS.size());
        row.add(record);
        row.add(time == null ? "" : time.toString());
        row.add(channelId == null || channelId == 0 ? "" : Long.toUnsignedString(channelId));
        row.add(memberId == null || memberId == 0 ? "" : Long.toUnsignedString(memberId));
        row.add(spreadsheetSafe(key));
        row.add(value == null ? "" : spreadsheetSafe(value));
        row.add(details == null ? "" : spreadsheetSafe(details));
        rows.add(row);
    }

    /** A cell starting with = + - @ is a formula to spreadsheets: prefix it so that it stays text (OWASP CSV injection). */
    static String spreadsheetSafe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean numeric = cell.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
        if (!numeric && (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')) {
            return "'" + cell;
        }
        return cell;
    }
}

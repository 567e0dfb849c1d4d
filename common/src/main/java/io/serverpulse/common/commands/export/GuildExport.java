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
import io.serverpulse.common.digest.DigestRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.privacy.MemberOptOut;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is stored for one guild in a period, as a file: {@link Store#exportGuild} visits the rows
 * (only that guild's), those of the period are kept (a bucket whose hour or day overlaps it, a
 * record whose time is in it; the settings always), and they are written as JSON (one object with
 * a list per kind of record) or CSV (one row per value, the same columns for every kind). Settings
 * leave out every sealed AI key: the export says only whether one is set. Members who opted out
 * ({@code /privacy opt-out}) are left out: their member rows, their join and leave records, their
 * places in cached leaderboards; the export says only how many were left out. The records can be
 * written in parts ({@link #bytes(ExportFormat, int, int)}), each a complete file of its own
 * ({@link ExportFiles} splits an export too large for one attachment).
 */
public final class GuildExport {

    public static final List<String> CSV_COLUMNS = List.of("record", "time", "channel_id", "member_id", "key", "value", "details");

    /** One exported record: the list it belongs to in the JSON, its JSON object, its CSV rows. */
    private record Entry(String list, ObjectNode json, List<List<String>> rows) {
    }

    private final ObjectNode envelope = DiscordJson.object();
    private final RetentionPolicy policy;
    private final TimeWindow window;
    private final Set<Long> hidden;
    private Entry settings;
    private final List<Entry> entries = new ArrayList<>();
    private int hiddenMembers;

    private GuildExport(long guildId, Instant now, Period period, RetentionPolicy policy, Set<Long> hidden) {
        this.policy = policy;
        this.window = period.window(now);
        this.hidden = hidden;
        envelope.put("format", "serverpulse-export");
        envelope.put("version", 2);
        envelope.put("guild_id", Long.toUnsignedString(guildId));
        envelope.put("exported_at", now.toString());
        envelope.putObject("period").put("label", period.label()).put("from", window.from().toString())
                .put("to", window.to().toString());
    }

    /** Everything of the guild's that is retained. */
    public static GuildExport of(Store store, long guildId, Instant now) {
        return of(store, guildId, now, Period.ALL_TIME);
    }

    /** Reads the guild's rows of the period from the store. */
    public static GuildExport of(Store store, long guildId, Instant now, Period period) {
        GuildExport export = new GuildExport(guildId, now, period, store.retentionPolicy(), store.optedOut(guildId));
        store.exportGuild(guildId, export.visitor());
        export.envelope.put("opted_out_members", export.hiddenMembers);
        return export;
    }

    /** Records exported (settings count as one). */
    public int records() {
        return entries.size() + (settings == null ? 0 : 1);
    }

    /** Members who opted out, and whose rows were therefore left out. */
    public int hiddenMembers() {
        return hiddenMembers;
    }

    /** The whole export. */
    public byte[] bytes(ExportFormat format) {
        return bytes(format, 1, 1);
    }

    /**
     * Part {@code part} of {@code parts} (1-based): a complete file holding about a {@code parts}-th
     * of the records, in order; the settings are in the first part.
     */
    public byte[] bytes(ExportFormat format, int part, int parts) {
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts);
        }
        int from = (int) ((long) entries.size() * (part - 1) / parts);
        int to = (int) ((long) entries.size() * part / parts);
        List<Entry> chosen = new ArrayList<>();
        if (part == 1 && settings != null) {
            chosen.add(settings);
        }
        chosen.addAll(entries.subList(from, to));
        return format == ExportFormat.JSON ? json(chosen, part, parts) : csv(chosen);
    }

    private byte[] json(List<Entry> chosen, int part, int parts) {
        ObjectNode json = envelope.deepCopy();
        if (parts > 1) {
            json.put("part", part).put("parts", parts);
        }
        json.putNull("settings");
        for (String list : List.of("metrics", "member_events", "alerts", "ai_summaries", "leaderboards", "digests")) {
            json.putArray(list);
        }
        for (Entry entry : chosen) {
            if (entry.list() == null) {
                json.set("settings", entry.json());
            } else {
                ((ArrayNode) json.get(entry.list())).add(entry.json());
            }
        }
        try {
            return DiscordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }

    private static byte[] csv(List<Entry> chosen) {
        CsvSchema.Builder schema = CsvSchema.builder();
        CSV_COLUMNS.forEach(schema::addColumn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = new CsvMapper().writer(schema.build().withHeader()).writeValues(out)) {
            for (Entry entry : chosen) {
                for (List<String> row : entry.rows()) {
                    writer.write(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
        return out.toByteArray();
    }

    /** Whether a bucket's hour or day overlaps the period. */
    private boolean inPeriod(BucketKey key) {
        Instant end = key.start().plus(1, key.kind().unit());
        return key.start().isBefore(window.to()) && end.isAfter(window.from());
    }

    private GuildDataVisitor visitor() {
        return new GuildDataVisitor() {
            @Override
            public void settings(GuildSettings stored) {
                ObjectNode node = settingsJson(stored, policy);
                List<List<String>> rows = new ArrayList<>();
                node.properties().forEach(field -> rows.add(row("setting", stored.updatedAt(), null, null, field.getKey(),
                        field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString(), null)));
                settings = new Entry(null, node, rows);
            }

            @Override
            public void bucket(BucketRow bucket) {
                BucketKey key = bucket.key();
                if (!inPeriod(key) || hidden.contains(key.memberId())) {
                    return;
                }
                ObjectNode node = DiscordJson.object();
                node.put("table", key.kind().collection());
                node.put("start", key.start().toString());
                putId(node, "channel_id", key.channelId());
                putId(node, "member_id", key.memberId());
                if (!key.emoji().isEmpty()) {
                    node.put("emoji", key.emoji());
                }
                ObjectNode counters = node.putObject("counters");
                List<List<String>> rows = new ArrayList<>();
                bucket.counters().forEach((counter, value) -> {
                    counters.put(counter.field(), value);
                    rows.add(row(key.kind().collection(), key.start(), key.channelId(), key.memberId(), counter.field(),
                            Long.toString(value), key.emoji().isEmpty() ? null : key.emoji()));
                });
                entries.add(new Entry("metrics", node, rows));
            }

            @Override
            public void memberEvent(MemberEvent event) {
                if (!window.contains(event.at()) || hidden.contains(event.memberId())) {
                    return;
                }
                ObjectNode node = DiscordJson.object();
                putId(node, "member_id", event.memberId());
                node.put("kind", event.kind().name().toLowerCase(Locale.ROOT));
                node.put("at", event.at().toString());
                entries.add(new Entry("member_events", node,
                        List.of(row("member_event", event.at(), null, event.memberId(), node.get("kind").asText(), null, null))));
            }

            @Override
            public void alert(AlertRecord alert) {
                if (!window.contains(alert.startedAt())) {
                    return;
                }
                ObjectNode node = DiscordJson.object();
                node.put("id", alert.id());
                node.put("type", alert.type().option());
                node.put("severity", alert.severity().name().toLowerCase(Locale.ROOT));
                node.put("started_at", alert.startedAt().toString());
                node.put("ended_at", alert.endedAt() == null ? null : alert.endedAt().toString());
                ArrayNode channels = node.putArray("channel_ids");
                alert.channelIds().forEach(id -> channels.add(Long.toUnsignedString(id)));
                node.put("observed", alert.observed());
                node.put("baseline", alert.baseline());
                node.put("context", alert.context());
                entries.add(new Entry("alerts", node, List.of(row("alert", alert.startedAt(), null, null, alert.type().option(),
                        Long.toString(alert.observed()), "severity=" + node.get("severity").asText() + "; ended="
                                + node.get("ended_at").asText() + "; baseline=" + alert.baseline() + "; " + alert.context()))));
            }

            @Override
            public void summary(AiSummary summary) {
                if (!window.contains(summary.createdAt())) {
                    return;
                }
                ObjectNode node = DiscordJson.object();
                node.put("period_key", summary.periodKey());
                node.put("provider", summary.provider().option());
                node.put("model", summary.model());
                node.put("created_at", summary.createdAt().toString());
                node.put("text", summary.text());
                entries.add(new Entry("ai_summaries", node, List.of(row("ai_summary", summary.createdAt(), null, null,
                        summary.periodKey(), summary.provider().option(), summary.text()))));
            }

            @Override
            public void leaderboard(CachedLeaderboard leaderboard) {
                if (!window.contains(leaderboard.computedAt())) {
                    return;
                }
                ObjectNode node = DiscordJson.object();
                putId(node, "channel_id", leaderboard.channelId());
                node.put("counter", leaderboard.counter().field());
                node.put("period", leaderboard.period().label());
                node.put("computed_at", leaderboard.computedAt().toString());
                ArrayNode list = node.putArray("entries");
                List<List<String>> rows = new ArrayList<>();
                for (MemberCount entry : leaderboard.entries()) {
                    if (hidden.contains(entry.memberId())) {
                        continue;
                    }
                    list.addObject().put("member_id", Long.toUnsignedString(entry.memberId())).put("count", entry.count());
                    rows.add(row("leaderboard", leaderboard.computedAt(), leaderboard.channelId(), entry.memberId(),
                            leaderboard.counter().field() + ":" + leaderboard.period().label(), Long.toString(entry.count()), null));
                }
                entries.add(new Entry("leaderboards", node, rows));
            }

            @Override
            public void optOut(MemberOptOut optOut) {
                hiddenMembers++;
            }

            @Override
            public void digest(DigestRecord digest) {
                Instant at = digest.posted() ? digest.postedAt() : digest.claimedAt();
                if (!window.contains(at)) {
                    return;
                }
                ObjectNode node = DiscordJson.object();
                node.put("period_key", digest.periodKey());
                node.put("claimed_at", digest.claimedAt().toString());
                node.put("posted_at", digest.posted() ? digest.postedAt().toString() : null);
                node.put("channel_id", digest.channelId() == null ? null : Long.toUnsignedString(digest.channelId()));
                node.put("message_id", digest.messageId() == null ? null : Long.toUnsignedString(digest.messageId()));
                String state = digest.nothingToReport() ? "nothing to report" : digest.posted() ? "posted" : "claimed";
                entries.add(new Entry("digests", node, List.of(row("digest", at, digest.channelId(), null, digest.periodKey(),
                        digest.messageId() == null ? null : Long.toUnsignedString(digest.messageId()), state))));
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
        node.put("time_zone", settings.timeZone());
        node.put("updated_at", settings.updatedAt().toString());
        return node;
    }

    private static void putId(ObjectNode node, String field, long id) {
        if (id != 0) {
            node.put(field, Long.toUnsignedString(id));
        }
    }

    private static List<String> row(String record, Instant time, Long channelId, Long memberId, String key, String value,
                                    String details) {
        List<String> row = new ArrayList<>(CSV_COLUMNS.size());
        row.add(record);
        row.add(time == null ? "" : time.toString());
        row.add(channelId == null || channelId == 0 ? "" : Long.toUnsignedString(channelId));
        row.add(memberId == null || memberId == 0 ? "" : Long.toUnsignedString(memberId));
        row.add(spreadsheetSafe(key));
        row.add(value == null ? "" : spreadsheetSafe(value));
        row.add(details == null ? "" : spreadsheetSafe(details));
        return row;
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

package io.serverpulse.store.mongodb;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * {@link GuildSettings} as a {@code guild_settings} document, field by field so that it reads well
 * in Atlas: enums by the option admins type ({@code weekly}, {@code raid}), durations as ISO-8601
 * ({@code PT1M}), the AI key only as the ciphertext the domain hands over. {@code _id} is the guild id.
 * A retention the guild chose is {@code chosen_retention}; a {@code retention} field written before
 * retention could be chosen always held the seed's defaults, which no admin chose, and is ignored.
 */
final class SettingsDocuments {

    static final String CHOSEN_RETENTION = "chosen_retention";

    private SettingsDocuments() {
    }

    static Document toDocument(GuildSettings s) {
        Document alerts = new Document();
        s.alerts().forEach((type, rule) -> alerts.append(type.option(), new Document("enabled", rule.enabled())
                .append("threshold", rule.threshold())
                .append("window", rule.window().toString())
                .append("factor", rule.factor())));
        Document doc = new Document(Fields.ID, s.guildId())
                .append(Fields.GUILD_ID, s.guildId())
                .append("update_channel_id", s.updateChannelId())
                .append("collect_channels", new ArrayList<>(s.collectChannels()))
                .append("digest", s.digest().option())
                .append("alerts", alerts)
                .append(CHOSEN_RETENTION, s.retention() == null ? null : retentionDocument(s.retention()))
                .append("ai_provider", s.aiProvider() == null ? null : s.aiProvider().option())
                .append("ai_model", s.aiModel())
                .append("ai_key_ciphertext", s.aiKeyCiphertext())
                .append("ai_fallbacks", s.aiFallbacks().stream().map(e -> new Document("provider", e.provider().option())
                        .append("model", e.model()).append("key_ciphertext", e.keyCiphertext())).toList())
                .append("locale", s.locale())
                .append("sentiment_enabled", s.sentimentEnabled())
                .append("count_bots", s.countBots())
                .append("time_zone", s.timeZone());
        BsonInstants.put(doc, "updated_at", s.updatedAt());
        return doc;
    }

    /**
     * Reads a settings document.
     *
     * @throws IllegalStateException naming the document when it holds a value the domain rejects
     *     (e.g. a threshold of 0 typed into Atlas by hand)
     */
    static GuildSettings fromDocument(Document d) {
        try {
            return parse(d);
        } catch (IllegalArgumentException | ClassCastException | java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("guild_settings document " + d.get(Fields.ID) + " is invalid: " + e.getMessage(), e);
        }
    }

    private static GuildSettings parse(Document d) {
        long guildId = longValue(d.get(Fields.GUILD_ID), longValue(d.get(Fields.ID), 0));
        Set<Long> channels = new LinkedHashSet<>();
        List<?> stored = d.get("collect_channels", List.class);
        if (stored != null) {
            for (Object channel : stored) {
                channels.add(((Number) channel).longValue());
            }
        }
        Map<AlertType, AlertRule> rules = new EnumMap<>(AlertType.class);
        Document alerts = d.get("alerts", Document.class);
        if (alerts != null) {
            alerts.forEach((option, value) -> AlertType.fromOption(option).ifPresent(type -> {
                Document r = (Document) value;
                AlertRule fallback = AlertRule.defaultFor(type);
                rules.put(type, new AlertRule(
                        r.get("enabled") instanceof Boolean b ? b : fallback.enabled(),
                        (int) longValue(r.get("threshold"), fallback.threshold()),
                        r.getString("window") == null ? fallback.window() : Duration.parse(r.getString("window")),
                        r.get("factor") instanceof Number n ? n.doubleValue() : fallback.factor()));
            }));
        }
        Instant updatedAt = BsonInstants.get(d, "updated_at");
        return new GuildSettings(
                guildId,
                d.get("update_channel_id") instanceof Number n ? n.longValue() : null,
                channels,
                DigestFrequency.fromOption(d.getString("digest")).orElse(DigestFrequency.WEEKLY),
                rules,
                retention(d.get(CHOSEN_RETENTION, Document.class)),
                d.getString("ai_provider") == null ? null : AiProvider.fromOption(d.getString("ai_provider")).orElse(null),
                d.getString("ai_model"),
                d.getString("ai_key_ciphertext"),
                fallbacks(d.getList("ai_fallbacks", Document.class)),
                d.getString("locale"),
                Boolean.TRUE.equals(d.get("sentiment_enabled")),
                Boolean.TRUE.equals(d.get("count_bots")),
                d.getString("time_zone"),
                updatedAt == null ? Instant.EPOCH : updatedAt);
    }

    /** The fallback providers; absent in settings written before there were any. Unknown providers are skipped. */
    private static List<AiProviderEntry> fallbacks(List<Document> stored) {
        List<AiProviderEntry> entries = new ArrayList<>();
        if (stored != null) {
            for (Document e : stored) {
                AiProvider.fromOption(e.getString("provider")).ifPresent(provider ->
                        entries.add(new AiProviderEntry(provider, e.getString("model"), e.getString("key_ciphertext"))));
            }
        }
        return entries;
    }

    static Document retentionDocument(Retention r) {
        return new Document("metrics_days", r.metricsDays())
                .append("leaderboard_days", r.leaderboardDays())
                .append("summary_days", r.summaryDays());
    }

    /** The chosen retention stored in a settings document (or projection of it); null when the guild chose none. */
    static Retention retention(Document r) {
        if (r == null) {
            return null;
        }
        return new Retention(
                (int) longValue(r.get("metrics_days"), Retention.DEFAULT.metricsDays()),
                (int) longValue(r.get("leaderboard_days"), Retention.DEFAULT.leaderboardDays()),
                (int) longValue(r.get("summary_days"), Retention.DEFAULT.summaryDays()));
    }

    private static long longValue(Object value, long fallback) {
        return value instanceof Number n ? n.longValue() : fallback;
    }
}

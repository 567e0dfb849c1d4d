package io.serverpulse.common.settings;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything an admin configures for one guild. Immutable; change it with the {@code with…}
 * methods and save the copy. {@code aiKeyCiphertext} is the AEAD-sealed key (never the key itself).
 *
 * @param updateChannelId where digests and alerts are posted; null until set
 * @param collectChannels channels whose messages and reactions are counted (the whitelist)
 * @param aiProvider null until the admin picks one
 * @param aiModel null for the provider's default model
 * @param aiFallbacks the providers tried, in order, when the first ({@code aiProvider}) gives no usable
 *     answer; never the first provider again, each provider at most once (older settings have none)
 * @param locale Discord locale for posts that are not answers to a member (digests, alerts)
 * @param retention the retention the guild chose ({@code /set-retention}); null keeps the deployment's default
 *     ({@code RetentionPolicy#inForce} answers which applies)
 * @param sentimentEnabled opt-in: score message sentiment in memory and keep counts only
 * @param countBots whether messages from bots are counted
 * @param timeZone the guild's IANA time zone ({@code Europe/Berlin}) for digests: their periods, when they are
 *     posted, the busiest hour; {@link #DEFAULT_TIME_ZONE} until an admin sets one. Stored as given and read
 *     leniently ({@link #zone()}), so a zone later withdrawn from the tz database never makes settings unreadable.
 */
public record GuildSettings(
        long guildId,
        Long updateChannelId,
        Set<Long> collectChannels,
        DigestFrequency digest,
        Map<AlertType, AlertRule> alerts,
        Retention retention,
        AiProvider aiProvider,
        String aiModel,
        String aiKeyCiphertext,
        List<AiProviderEntry> aiFallbacks,
        String locale,
        boolean sentimentEnabled,
        boolean countBots,
        String timeZone,
        Instant updatedAt) {

    public static final String DEFAULT_LOCALE = "en-US";
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public GuildSettings {
        if (guildId <= 0) {
            throw new IllegalArgumentException("guildId must be a positive snowflake: " + guildId);
        }
        collectChannels = Collections.unmodifiableSet(new TreeSet<>(collectChannels == null ? Set.of() : collectChannels));
        Objects.requireNonNull(digest, "digest");
        EnumMap<AlertType, AlertRule> rules = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            AlertRule rule = alerts == null ? null : alerts.get(type);
            rules.put(type, rule == null ? AlertRule.defaultFor(type) : rule);
        }
        alerts = Collections.unmodifiableMap(rules);
        aiFallbacks = distinctFallbacks(aiProvider, aiFallbacks);
        locale = locale == null || locale.isBlank() ? DEFAULT_LOCALE : locale;
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The seed's defaults: alerts on with default thresholds, weekly digest, the deployment's retention, nothing collected yet. */
    public static GuildSettings defaults(long guildId) {
        return new GuildSettings(guildId, null, Set.of(), DigestFrequency.WEEKLY, Map.of(), null,
                null, null, null, List.of(), DEFAULT_LOCALE, false, false, DEFAULT_TIME_ZONE, Instant.EPOCH);
    }

    /** The guild's time zone; UTC if the stored id is not (or no longer) a zone this JVM knows. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneId.of(DEFAULT_TIME_ZONE);
        }
    }

    public AlertRule alert(AlertType type) {
        return alerts.get(type);
    }

    public boolean collects(long channelId) {
        return collectChannels.contains(channelId);
    }

    public GuildSettings withUpdateChannel(Long channelId, Instant now) {
        return new GuildSettings(guildId, channelId, collectChannels, digest, alerts, retention, aiProvider, aiModel,
                aiKeyCiphertext, aiFallbacks, locale, sentimentEnabled, countBots, timeZone, now);
    }

    public GuildSettings withCollectChannels(Set<Long> channels, Instant now) {
        return new GuildSettings(guildId, updateChannelId, channels, digest, alerts, retention, aiProvider, aiModel,
                aiKeyCiphertext, aiFallbacks, locale, sentimentEnabled, countBots, timeZone, now);
    }

    public GuildSettings withDigest(DigestFrequency frequency, Instant now) {
        return new GuildSettings(guildId, updateChannelId, collectChannels, frequency, alerts, retention, aiProvider,
                aiModel, aiKeyCiphertext, aiFallbacks, locale, sentimentEnabled, countBots, timeZone, now);
    }

    public GuildSettings withAlert(AlertType type, AlertRule rule, Instant now) {
        EnumMap<AlertType, AlertRule> rules = new EnumMap<>(alerts);
        rules.put(type, rule);
        return new GuildSettings(guildId, updateChannelId, collectChannels, digest, rules, retention, aiProvider, aiModel,
                aiKeyCiphertext, aiFallbacks, locale, sentimentEnabled, countBots, timeZone, now);
    }

    public GuildSettings withRetention(Retention newRetention, Instant now) {
        return new GuildSettings(guildId, updateChannelId, collectChannels, digest, alerts, newRetention, aiProvider,
                aiModel, aiKeyCiphertext, aiFallbacks, locale, sentimentEnabled, countBots, timeZone, now);
    }

    public GuildSettings withAi(AiProvider provider, String model, String keyCiphertext, Instant now) {
        return new GuildSettings(guildId, updateChannelId, collectChannels, digest, alerts, retention, provider, model,
                keyCiphertext, aiFallbacks, locale, sentimentEnabled, countBots, timeZone, now);
    }

    /**
     * The guild's providers in the order they are tried: the first ({@code aiProvider}, {@code aiModel},
     * {@code aiKeyCiphertext}) and then {@code aiFallbacks}. Empty when the guild chose none.
     */
    public List<AiProviderEntry> aiChain() {
        if (aiProvider == null) {
            return List.of();
        }
        List<AiProviderEntry> chain = new ArrayList<>();
        chain.add(new AiProviderEntry(aiProvider, aiModel, aiKeyCiphertext));
        chain.addAll(aiFallbacks);
        return List.copyOf(chain);
    }

    /** The configured entry of {@code provider}, first or fallback. */
    public java.util.Optional<AiProviderEntry> aiEntry(AiProvider provider) {
        return aiChain().stream().filter(e -> e.provider() == provider).findFirst();
    }

    /** These providers, in this order (the first one first); an empty chain removes every provider and key. */
    public GuildSettings withAiChain(List<AiProviderEntry> chain, Instant now) {
        AiProviderEntry first = chain.isEmpty() ? null : chain.get(0);
        return new GuildSettings(guildId, updateChannelId, collectChannels, digest, alerts, retention,
                first == null ? null : first.provider(), first == null ? null : first.model(),
                first == null ? null : first.keyCiphertext(), chain.isEmpty() ? List.of() : chain.subList(1, chain.size()),
                locale, sentimentEnabled, countBots, timeZone, now);
    }

    public GuildSettings withLocale(String newLocale, Instant now) {
        return new GuildSettings(guildId, updateChannelId, collectChannels, digest, alerts, retention, aiProvider, aiModel,
                aiKeyCiphertext, aiFallbacks, newLocale, sentimentEnabled, countBots, timeZone, now);
    }

    public GuildSettings withSentiment(boolean enabled, Instant now) {
        return new GuildSettings(guildId, updateChannelId, collectChannels, digest, alerts, retention, aiProvider, aiModel,
                aiKeyCiphertext, aiFallbacks, locale, enabled, countBots, timeZone, now);
    }

    public GuildSettings withCountBots(boolean count, Instant now) {
        return new GuildSettings(guildId, updateChannelId, collectChannels, digest, alerts, retention, aiProvider, aiModel,
                aiKeyCiphertext, aiFallbacks, locale, sentimentEnabled, count, timeZone, now);
    }

    private static List<AiProviderEntry> distinctFallbacks(AiProvider first, List<AiProviderEntry> fallbacks) {
        if (fallbacks == null || fallbacks.isEmpty()) {
            return List.of();
        }
        EnumSet<AiProvider> seen = EnumSet.noneOf(AiProvider.class);
        if (first != null) {
            seen.add(first);
        }
        List<AiProviderEntry> kept = new ArrayList<>();
        for (AiProviderEntry entry : fallbacks) {
            if (entry != null && seen.add(entry.provider())) {
                kept.add(entry);
            }
        }
        return List.copyOf(kept);
    }

    public GuildSettings withTimeZone(String zoneId, Instant now) {
        return new GuildSettings(guildId, updateChannelId, collectChannels, digest, alerts, retention, aiProvider, aiModel,
                aiKeyCiphertext, aiFallbacks, locale, sentimentEnabled, countBots, zoneId, now);
    }
}

package io.serverpulse.common.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The stored JSON form of {@link GuildSettings}, shared by the storage adapters. Field names are
 * the record components in snake_case ({@code update_channel_id}, {@code ai_key_ciphertext}, …),
 * enums by name, instants as ISO-8601 UTC strings, alert windows as ISO-8601 durations
 * ({@code "PT1M"}). Unknown fields are ignored and missing optional fields take their defaults, so
 * settings written by an older or newer version still read. See
 * {@code src/test/resources/settings/full.json} for an example.
 *
 * <p>A retention the guild chose is stored as {@code chosen_retention}; without it the guild follows
 * the deployment's default. Settings written before retention could be chosen carry a
 * {@code retention} field that always held the seed's 90 / 30 / 180 days, which no admin chose:
 * it is ignored, so those guilds follow the configured default too.
 */
public final class GuildSettingsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private GuildSettingsJson() {
    }

    static final String CHOSEN_RETENTION = "chosen_retention";
    private static final String LEGACY_RETENTION = "retention";

    public static String toJson(GuildSettings settings) {
        try {
            ObjectNode tree = MAPPER.valueToTree(settings);
            JsonNode retention = tree.remove(LEGACY_RETENTION);
            if (retention != null && !retention.isNull()) {
                tree.set(CHOSEN_RETENTION, retention);
            }
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("guild settings could not be written as JSON", e);
        }
    }

    /** Reads settings written by {@link #toJson}; throws {@link IllegalArgumentException} saying what is wrong otherwise. */
    public static GuildSettings fromJson(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree instanceof ObjectNode object) {
                object.remove(LEGACY_RETENTION);
                JsonNode chosen = object.remove(CHOSEN_RETENTION);
                if (chosen != null) {
                    object.set(LEGACY_RETENTION, chosen);
                }
            }
            GuildSettings settings = MAPPER.treeToValue(tree, GuildSettings.class);
            if (settings == null) {
                throw new IllegalArgumentException("not guild settings JSON: null");
            }
            return settings;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid guild settings JSON: " + e.getOriginalMessage(), e);
        }
    }
}

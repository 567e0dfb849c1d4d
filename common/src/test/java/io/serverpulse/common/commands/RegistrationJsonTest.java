package io.serverpulse.common.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bulk-overwrite body for PUT /applications/{id}/commands, checked against Discord's documented limits. */
class RegistrationJsonTest {

    private static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> DISCORD_LOCALES = Set.of("id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr",
            "it", "lt", "hu", "nl", "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi",
            "th", "zh-CN", "ja", "zh-TW", "ko");
    private static final Set<String> ADMIN = Set.of("setup", "set-update-channel", "add-collect-channel", "remove-collect-channel",
            "toggle-alert", "alert-threshold", "set-digest", "set-retention", "ai-provider", "export-report", "sentiment", "serverpulse");

    private final ArrayNode body = CommandRegistry.standard(Optional.empty(), false).registrationJson();

    @Test
    void registersTheSeedsCommandsAndWhatTheyImply() {
        // GIVEN / WHEN the registration body
        Set<String> commands = new HashSet<>();
        body.forEach(command -> commands.add(command.get("name").asText()));

        // THEN it holds every command, with Manage Server (bit 5 = "32") required by default for admin commands only
        assertThat(commands).containsExactlyInAnyOrder("setup", "set-update-channel", "add-collect-channel",
                "remove-collect-channel", "topmessagers", "leaderboard", "toggle-alert", "alert-threshold", "set-digest", "set-retention",
                "ai-provider", "export-report", "sentiment", "serverpulse", "privacy", "pulse", "askpulse");
        for (JsonNode command : body) {
            String name = command.get("name").asText();
            if (ADMIN.contains(name)) {
                assertThat(command.path("default_member_permissions").asText()).as(name).isEqualTo("32");
            } else {
                assertThat(command.has("default_member_permissions")).as(name).isFalse();
            }
            assertThat(command.get("type").asInt()).isEqualTo(1);
            assertThat(command.get("contexts")).as("guild only").hasSize(1);
            assertThat(command.get("contexts").get(0).asInt()).isZero();
        }
    }

    @Test
    void everyCommandRespectsDiscordsLimits() {
        // GIVEN the registration body
        assertThat(body.size()).isLessThanOrEqualTo(100);
        for (JsonNode command : body) {
            String name = command.get("name").asText();
            // WHEN each command is checked
            // THEN names, descriptions, localizations, options and choices are within Discord's limits
            checkNamed(command, name);
            assertThat(command.path("options").size()).as(name).isLessThanOrEqualTo(25);
            Set<String> optionNames = new HashSet<>();
            command.path("options").forEach(option -> optionNames.add(option.get("name").asText()));
            checkOptions(command.path("options"), name, optionNames);
            assertThat(combinedLength(command)).as("%s combined characters", name).isLessThanOrEqualTo(8000);
        }
    }

    @Test
    void commandsAreTranslatedToGermanAndFrench() {
        // GIVEN / WHEN the topmessagers command
        JsonNode top = command("topmessagers");

        // THEN its name and description have German and French versions, and so do its option and choices
        assertThat(top.path("name_localizations").path("de").asText()).isEqualTo("top-schreiber");
        assertThat(top.path("name_localizations").path("fr").asText()).isEqualTo("top-membres");
        assertThat(top.path("description_localizations").path("de").asText()).isEqualTo("Die aktivsten Mitglieder des Servers");
        JsonNode period = top.path("options").get(0);
        assertThat(period.path("name_localizations").path("de").asText()).isEqualTo("zeitraum");
        assertThat(period.path("choices").get(0).path("name").asText()).isEqualTo("the last 24 hours");
        assertThat(period.path("choices").get(0).path("name_localizations").path("fr").asText()).isEqualTo("les dernières 24 heures");
        // a localization identical to the default is left out, as Discord ignores it
        assertThat(command("serverpulse").path("name_localizations").has("de")).isFalse();
    }

    @Test
    void sentimentHasThreeLocalizedSubCommandsAndThePeriodsOfTheLeaderboards() {
        // GIVEN / WHEN the sentiment command
        JsonNode sentiment = command("sentiment");

        // THEN it is for admins, with on, off and summary [24h|7d|30d], named in German and French
        assertThat(sentiment.path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(sentiment.path("name_localizations").path("de").asText()).isEqualTo("stimmung");
        assertThat(sentiment.path("options")).extracting(option -> option.path("name").asText())
                .containsExactly("on", "off", "summary");
        assertThat(sentiment.path("options")).extracting(option -> option.path("type").asInt()).containsOnly(1);
        assertThat(sentiment.path("options")).extracting(option -> option.path("name_localizations").path("fr").asText())
                .containsExactly("activer", "désactiver", "résumé");
        JsonNode period = sentiment.path("options").get(2).path("options").get(0);
        assertThat(period.path("name").asText()).isEqualTo("period");
        assertThat(period.path("required").asBoolean()).isFalse();
        assertThat(period.path("choices")).extracting(choice -> choice.path("value").asText()).containsExactly("24h", "7d", "30d");
        assertThat(period.path("choices").get(2).path("name_localizations").path("de").asText()).isEqualTo("die letzten 30 Tage");
    }

    @Test
    void channelOptionsOfferOnlyUsableChannelTypes() {
        // GIVEN / WHEN the channel options
        JsonNode update = command("set-update-channel").path("options").get(0);
        JsonNode collect = command("add-collect-channel").path("options").get(0);

        // THEN updates go to text or announcement channels, and voice channels' chats can be collected too
        assertThat(update.path("type").asInt()).isEqualTo(7);
        assertThat(update.path("channel_types").toString()).isEqualTo("[0,5]");
        assertThat(collect.path("channel_types").toString()).isEqualTo("[0,2,5]");
        assertThat(update.path("required").asBoolean()).isTrue();
    }

    private JsonNode command(String name) {
        for (JsonNode command : body) {
            if (command.get("name").asText().equals(name)) {
                return command;
            }
        }
        throw new AssertionError("no command " + name);
    }

    private static void checkNamed(JsonNode node, String where) {
        String name = node.get("name").asText();
        assertThat(name).as(where).matches(NAME).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
        String description = node.get("description").asText();
        assertThat(description.length()).as("%s description", where).isBetween(1, 100);
        fields(node.path("name_localizations")).forEach((locale, localized) -> {
            assertThat(DISCORD_LOCALES).as(where).contains(locale);
            assertThat(localized).as("%s name in %s", where, locale).matches(NAME)
                    .isEqualTo(localized.toLowerCase(java.util.Locale.ROOT));
        });
        fields(node.path("description_localizations")).forEach((locale, localized) -> {
            assertThat(DISCORD_LOCALES).as(where).contains(locale);
            assertThat(localized.length()).as("%s description in %s", where, locale).isBetween(1, 100);
        });
    }

    private static void checkOptions(JsonNode options, String command, Set<String> siblingNames) {
        boolean optionalSeen = false;
        for (String locale : List.of("de", "fr")) {
            Set<String> localized = new HashSet<>();
            for (JsonNode option : options) {
                String name = option.path("name_localizations").path(locale).asText(option.get("name").asText());
                // a localized option name differs from the other options' default and localized names
                assertThat(localized.add(name)).as("%s: %s option name %s is unique", command, locale, name).isTrue();
                if (!name.equals(option.get("name").asText())) {
                    assertThat(siblingNames).as("%s: %s", command, name).doesNotContain(name);
                }
            }
        }
        for (JsonNode option : options) {
            String where = command + " " + option.get("name").asText();
            checkNamed(option, where);
            if (option.get("type").asInt() == 1) {
                Set<String> subNames = new HashSet<>();
                option.path("options").forEach(sub -> subNames.add(sub.get("name").asText()));
                checkOptions(option.path("options"), where, subNames);
                continue;
            }
            boolean required = option.path("required").asBoolean(false);
            assertThat(required && optionalSeen).as("%s: required options come first", where).isFalse();
            optionalSeen |= !required;
            JsonNode choices = option.path("choices");
            assertThat(choices.size()).as(where).isLessThanOrEqualTo(25);
            for (JsonNode choice : choices) {
                assertThat(choice.get("name").asText().length()).as(where).isBetween(1, 100);
                assertThat(choice.get("value").asText().length()).as(where).isBetween(1, 100);
                fields(choice.path("name_localizations")).forEach((locale, localized) ->
                        assertThat(localized.length()).as("%s choice in %s", where, locale).isBetween(1, 100));
            }
            if (option.has("min_value")) {
                assertThat(option.get("min_value").asDouble()).isLessThanOrEqualTo(option.get("max_value").asDouble());
            }
        }
        assertThat(options.size()).isLessThanOrEqualTo(25);
    }

    /** Discord's 8000-character budget: name, description and values, counting the longest localization of each. */
    private static int combinedLength(JsonNode node) {
        int total = longest(node, "name") + longest(node, "description");
        if (node.has("value")) {
            total += node.get("value").asText().length();
        }
        for (JsonNode child : node.path("options")) {
            total += combinedLength(child);
        }
        for (JsonNode choice : node.path("choices")) {
            total += combinedLength(choice);
        }
        return total;
    }

    private static int longest(JsonNode node, String field) {
        int longest = node.path(field).asText().length();
        for (String localized : fields(node.path(field + "_localizations")).values()) {
            longest = Math.max(longest, localized.length());
        }
        return longest;
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            fields.put(entry.getKey(), entry.getValue().asText());
        }
        return fields;
    }
}

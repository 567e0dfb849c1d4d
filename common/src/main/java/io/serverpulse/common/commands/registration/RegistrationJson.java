package io.serverpulse.common.commands.registration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.Permissions;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Builds the body of {@code PUT /applications/{application.id}/commands} (bulk overwrite of the
 * global commands) from command definitions: English names and descriptions, their translations in
 * {@code name_localizations}/{@code description_localizations}, Manage Server as the default member
 * permission of admin commands, and guild-only use ({@code contexts = [0]}, guild install).
 */
public final class RegistrationJson {

    private static final int GUILD_CONTEXT = 0;
    private static final int GUILD_INSTALL = 0;

    private RegistrationJson() {
    }

    public static ArrayNode build(List<CommandDefinition> commands) {
        ArrayNode body = DiscordJson.MAPPER.createArrayNode();
        for (CommandDefinition command : commands) {
            ObjectNode json = body.addObject();
            json.put("type", 1);
            json.put("name", command.name());
            localize(json, command.key(), command.name());
            if (command.admin()) {
                json.put("default_member_permissions", Permissions.MANAGE_GUILD.toString());
            }
            json.putArray("contexts").add(GUILD_CONTEXT);
            json.putArray("integration_types").add(GUILD_INSTALL);
            if (!command.options().isEmpty()) {
                addOptions(json.putArray("options"), command.options());
            }
        }
        return body;
    }

    private static void addOptions(ArrayNode array, List<OptionDefinition> options) {
        for (OptionDefinition option : options) {
            ObjectNode json = array.addObject();
            json.put("type", option.type().code());
            json.put("name", option.name());
            localize(json, option.key(), option.name());
            if (option.type() == OptionType.SUB_COMMAND) {
                if (!option.options().isEmpty()) {
                    addOptions(json.putArray("options"), option.options());
                }
                continue;
            }
            json.put("required", option.required());
            if (!option.choices().isEmpty()) {
                ArrayNode choices = json.putArray("choices");
                for (String value : option.choices()) {
                    ObjectNode choice = choices.addObject();
                    String labelKey = option.choiceKey() + "." + value;
                    choice.put("name", Texts.english().get(labelKey));
                    translations(choice.putObject("name_localizations"), labelKey, Function.identity(),
                            Texts.english().get(labelKey));
                    choice.put("value", value);
                }
            }
            if (!option.channelTypes().isEmpty()) {
                ArrayNode types = json.putArray("channel_types");
                option.channelTypes().forEach(types::add);
            }
            switch (option.type()) {
                case INTEGER -> {
                    putIfSet(json, "min_value", option.min(), false);
                    putIfSet(json, "max_value", option.max(), false);
                }
                case NUMBER -> {
                    putIfSet(json, "min_value", option.min(), true);
                    putIfSet(json, "max_value", option.max(), true);
                }
                case STRING -> {
                    if (option.choices().isEmpty()) {
                        putIfSet(json, "min_length", option.min(), false);
                        putIfSet(json, "max_length", option.max(), false);
                    }
                }
                default -> {
                    // channels, users and sub commands have no bounds
                }
            }
        }
    }

    private static void putIfSet(ObjectNode json, String field, Number value, boolean decimal) {
        if (value == null) {
            return;
        }
        if (decimal) {
            json.put(field, value.doubleValue());
        } else {
            json.put(field, value.longValue());
        }
    }

    /** English name and description, and every translation that differs from them. */
    private static void localize(ObjectNode json, String key, String englishName) {
        String nameKey = key + ".name";
        String descriptionKey = key + ".description";
        json.put("description", Texts.english().get(descriptionKey));
        translations(json.putObject("name_localizations"), nameKey, name -> name.toLowerCase(Locale.ROOT), englishName);
        translations(json.putObject("description_localizations"), descriptionKey, Function.identity(),
                Texts.english().get(descriptionKey));
    }

    private static void translations(ObjectNode target, String key, Function<String, String> normalize, String english) {
        for (String locale : Texts.TRANSLATIONS) {
            Texts texts = Texts.forLocale(locale);
            texts.find(key).map(normalize).filter(text -> !text.equals(english)).ifPresent(text -> target.put(locale, text));
        }
    }
}

package io.serverpulse.common.commands.registration;

import java.util.List;
import java.util.Objects;

/**
 * One option (or sub command) of a slash command. Its localized name and description come from the
 * texts {@code <key>.name} and {@code <key>.description}; a choice's label from {@code <choiceKey>.<value>}.
 *
 * @param key the text key prefix, e.g. {@code cmd.topmessagers.period}
 * @param choices fixed values the member picks from (string options); empty for free input
 * @param choiceKey the text key prefix of the choices' labels
 * @param channelTypes channel types offered (channel options); empty for any
 * @param min minimum value (numbers) or length (strings); null for none
 * @param max maximum value (numbers) or length (strings); null for none
 * @param options the options of a sub command
 */
public record OptionDefinition(OptionType type, String name, String key, boolean required, List<String> choices,
                               String choiceKey, List<Integer> channelTypes, Number min, Number max,
                               List<OptionDefinition> options) {

    public OptionDefinition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        choices = choices == null ? List.of() : List.copyOf(choices);
        channelTypes = channelTypes == null ? List.of() : List.copyOf(channelTypes);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static OptionDefinition choice(String command, String name, boolean required, String choiceKey, List<String> choices) {
        return new OptionDefinition(OptionType.STRING, name, "cmd." + command + "." + name, required, choices, choiceKey,
                List.of(), null, null, List.of());
    }

    public static OptionDefinition channel(String command, String name, boolean required, List<Integer> channelTypes) {
        return new OptionDefinition(OptionType.CHANNEL, name, "cmd." + command + "." + name, required, List.of(), null,
                channelTypes, null, null, List.of());
    }

    public static OptionDefinition user(String command, String name, boolean required) {
        return new OptionDefinition(OptionType.USER, name, "cmd." + command + "." + name, required, List.of(), null,
                List.of(), null, null, List.of());
    }

    public static OptionDefinition integer(String command, String name, boolean required, long min, long max) {
        return new OptionDefinition(OptionType.INTEGER, name, "cmd." + command + "." + name, required, List.of(), null,
                List.of(), min, max, List.of());
    }

    public static OptionDefinition number(String command, String name, boolean required, double min, double max) {
        return new OptionDefinition(OptionType.NUMBER, name, "cmd." + command + "." + name, required, List.of(), null,
                List.of(), min, max, List.of());
    }

    public static OptionDefinition string(String command, String name, boolean required, int minLength, int maxLength) {
        return new OptionDefinition(OptionType.STRING, name, "cmd." + command + "." + name, required, List.of(), null,
                List.of(), minLength, maxLength, List.of());
    }

    public static OptionDefinition subCommand(String command, String name, List<OptionDefinition> options) {
        return new OptionDefinition(OptionType.SUB_COMMAND, name, "cmd." + command + "." + name, false, List.of(), null,
                List.of(), null, null, options);
    }
}

package io.serverpulse.common.commands.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The message and modal components ServerPulse uses, shaped exactly like Discord's JSON
 * (see Discord's component reference). {@link #type()} is Discord's component type number.
 */
public sealed interface Component {

    int ACTION_ROW = 1;
    int BUTTON = 2;
    int STRING_SELECT = 3;
    int TEXT_INPUT = 4;
    int CHANNEL_SELECT = 8;
    int LABEL = 18;

    @JsonProperty("type")
    int type();

    /** A row of up to five buttons or one select (top level of a message). */
    record ActionRow(List<Component> components) implements Component {
        public ActionRow {
            components = List.copyOf(components);
        }

        public static ActionRow of(Component... components) {
            return new ActionRow(List.of(components));
        }

        @Override
        public int type() {
            return ACTION_ROW;
        }
    }

    /** A button that sends an interaction with {@code customId}. */
    record Button(int style, String label, String customId, Boolean disabled) implements Component {
        public static final int PRIMARY = 1;
        public static final int SECONDARY = 2;
        public static final int SUCCESS = 3;
        public static final int DANGER = 4;

        @Override
        public int type() {
            return BUTTON;
        }
    }

    /** A select of fixed options. */
    record StringSelect(String customId, List<SelectOption> options, String placeholder, Integer minValues,
                        Integer maxValues) implements Component {
        public StringSelect {
            options = List.copyOf(options);
        }

        @Override
        public int type() {
            return STRING_SELECT;
        }
    }

    /** One option of a {@link StringSelect}; {@code isDefault} is Discord's {@code default}. */
    record SelectOption(String label, String value, String description,
                        @JsonProperty("default") Boolean isDefault) {
    }

    /** A select of the guild's channels, filtered by channel type. */
    record ChannelSelect(String customId, List<Integer> channelTypes, String placeholder, List<DefaultValue> defaultValues,
                         Integer minValues, Integer maxValues) implements Component {
        public ChannelSelect {
            channelTypes = channelTypes == null ? null : List.copyOf(channelTypes);
            defaultValues = defaultValues == null || defaultValues.isEmpty() ? null : List.copyOf(defaultValues);
        }

        @Override
        public int type() {
            return CHANNEL_SELECT;
        }
    }

    /** A pre-selected entry of an auto-populated select; {@code type} is {@code channel}, {@code user} or {@code role}. */
    record DefaultValue(String id, String type) {
        public static DefaultValue channel(long id) {
            return new DefaultValue(Long.toUnsignedString(id), "channel");
        }
    }

    /** A modal's labelled field. */
    record Label(String label, String description, Component component) implements Component {
        @Override
        public int type() {
            return LABEL;
        }
    }

    /** A text field in a modal (inside a {@link Label}). */
    record TextInput(String customId, int style, Integer minLength, Integer maxLength, Boolean required,
                     String placeholder) implements Component {
        public static final int SHORT = 1;
        public static final int PARAGRAPH = 2;

        @Override
        public int type() {
            return TEXT_INPUT;
        }
    }
}

package io.serverpulse.emulator.interactions;

import java.util.List;
import java.util.Objects;

/**
 * A click on a button or a choice in a select menu of a message.
 *
 * @param customId      the component's {@code custom_id}
 * @param componentType 2 button, 3 string select, 8 channel select
 * @param values        the chosen values (select menus only; channel ids for a channel select)
 * @param channels      the chosen channels of a channel select, listed under {@code data.resolved}
 */
public record ComponentUse(String customId, int componentType, List<String> values, List<Entities.Channel> channels) {

    public static final int BUTTON = 2;
    public static final int STRING_SELECT = 3;
    public static final int CHANNEL_SELECT = 8;

    public ComponentUse {
        Objects.requireNonNull(customId, "customId");
        values = List.copyOf(values);
        channels = List.copyOf(channels);
    }

    public static ComponentUse button(String customId) {
        return new ComponentUse(customId, BUTTON, List.of(), List.of());
    }

    public static ComponentUse stringSelect(String customId, String... values) {
        return new ComponentUse(customId, STRING_SELECT, List.of(values), List.of());
    }

    public static ComponentUse channelSelect(String customId, Entities.Channel... channels) {
        List<Entities.Channel> chosen = List.of(channels);
        return new ComponentUse(customId, CHANNEL_SELECT, chosen.stream().map(c -> Long.toUnsignedString(c.id())).toList(), chosen);
    }

    boolean isSelect() {
        return componentType != BUTTON;
    }
}

package io.serverpulse.emulator.interactions;

import java.util.List;
import java.util.Objects;

/**
 * A submitted modal: its {@code custom_id} and the text the user typed in each text input. Discord
 * returns each input inside the layout component it was created in: a Label (type 18, the current
 * way) or an Action Row (type 1, the older way).
 */
public record ModalSubmit(String customId, List<Field> fields, Layout layout) {

    public enum Layout { LABEL, ACTION_ROW }

    public ModalSubmit {
        Objects.requireNonNull(customId, "customId");
        fields = List.copyOf(fields);
        Objects.requireNonNull(layout, "layout");
    }

    public static ModalSubmit of(String customId, Field... fields) {
        return new ModalSubmit(customId, List.of(fields), Layout.LABEL);
    }

    /** One text input's {@code custom_id} and submitted {@code value}. */
    public record Field(String customId, String value) {
        public Field {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(value, "value");
        }
    }
}

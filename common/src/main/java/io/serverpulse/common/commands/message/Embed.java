package io.serverpulse.common.commands.message;

import java.util.ArrayList;
import java.util.List;

/** A message embed (Discord's embed object, the parts ServerPulse uses). */
public record Embed(String title, String description, Integer color, List<Field> fields, Footer footer, Image image) {

    /** Discord's blurple. */
    public static final int BRAND_COLOR = 0x5865F2;

    public Embed {
        fields = fields == null || fields.isEmpty() ? null : List.copyOf(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    public record Field(String name, String value, Boolean inline) {
    }

    public record Footer(String text) {
    }

    /** {@code url} may be {@code attachment://<filename>} to show an attached file. */
    public record Image(String url) {
    }

    public static final class Builder {
        private String title;
        private String description;
        private Integer color = BRAND_COLOR;
        private final List<Field> fields = new ArrayList<>();
        private Footer footer;
        private Image image;

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder color(int value) {
            this.color = value;
            return this;
        }

        public Builder field(String name, String value, boolean inline) {
            fields.add(new Field(name, value, inline));
            return this;
        }

        public Builder footer(String text) {
            this.footer = new Footer(text);
            return this;
        }

        public Builder image(String url) {
            this.image = new Image(url);
            return this;
        }

        public Embed build() {
            return new Embed(title, description, color, fields, footer, image);
        }
    }
}

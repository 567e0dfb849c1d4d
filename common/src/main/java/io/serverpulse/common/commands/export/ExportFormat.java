package io.serverpulse.common.commands.export;

import java.util.Optional;

/** The file formats of {@code /export-report}. */
public enum ExportFormat {
    CSV("csv", "text/csv"),
    JSON("json", "application/json");

    private final String option;
    private final String contentType;

    ExportFormat(String option, String contentType) {
        this.option = option;
        this.contentType = contentType;
    }

    public String option() {
        return option;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ExportFormat> fromOption(String option) {
        for (ExportFormat format : values()) {
            if (format.option.equals(option)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}

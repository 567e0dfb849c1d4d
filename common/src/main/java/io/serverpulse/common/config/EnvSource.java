package io.serverpulse.common.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where settings come from: the process environment, over a {@code .env} file in the working
 * directory when there is one ({@code cp .env.example .env}). A variable set in the environment wins
 * over the same one in {@code .env}; blank values count as unset. The file is read strictly
 * ({@link DotenvFile}): a line it cannot read stops the program with one line naming
 * {@code file:line}, so that a mistyped token never silently becomes "no token".
 */
public final class EnvSource {

    private final Map<String, String> values;

    private EnvSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * The process environment over {@code directory/.env} (if the file exists).
     *
     * @throws ConfigException naming the file and line if {@code .env} has a line that is not {@code KEY=value}
     */
    public static EnvSource fromEnvironment(Path directory) {
        Map<String, String> merged = new HashMap<>(readDotenv(directory));
        System.getenv().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                merged.put(k, v);
            }
        });
        return new EnvSource(merged);
    }

    /** The process environment over {@code ./.env}. */
    public static EnvSource fromEnvironment() {
        return fromEnvironment(Path.of("").toAbsolutePath());
    }

    /** Fixed values, for tests and for embedding. */
    public static EnvSource of(Map<String, String> values) {
        Map<String, String> nonBlank = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                nonBlank.put(k, v);
            }
        });
        return new EnvSource(nonBlank);
    }

    static Map<String, String> readDotenv(Path directory) {
        Path file = directory.resolve(".env");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, String> fromFile = new HashMap<>();
        DotenvFile.read(file).forEach((k, v) -> {
            if (!v.isBlank()) {
                fromFile.put(k, v);
            }
        });
        return fromFile;
    }

    /** These values over this source's (blank values count as unset, as everywhere). */
    public EnvSource with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        overrides.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                merged.put(k, v);
            }
        });
        return new EnvSource(merged);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(String::trim);
    }

    public String require(String name, String purpose) {
        return get(name).orElseThrow(() -> new ConfigException(name, "Missing required setting " + name + ": " + purpose
                + " (set it in the environment or in .env; see .env.example)"));
    }

    public int intValue(String name, int defaultValue, int min, int max) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "Invalid " + name + "=" + raw.get() + ": expected a whole number from "
                    + min + " to " + max);
        }
    }

    public boolean boolValue(String name, boolean defaultValue) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on":
                return true;
            case "false", "no", "0", "off":
                return false;
            default:
                throw new ConfigException(name, "Invalid " + name + "=" + raw.get() + ": expected true or false");
        }
    }
}

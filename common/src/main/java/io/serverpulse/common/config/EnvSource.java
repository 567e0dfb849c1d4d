package io.serverpulse.common.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where settings come from: the process environment, over a {@code .env} file in the working
 * directory when there is one ({@code cp .env.example .env}). A variable set in the environment wins
 * over the same one in {@code .env}; blank values count as unset.
 */
public final class EnvSource {

    private final Map<String, String> values;

    private EnvSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment over {@code directory/.env} (if the file exists). */
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
        if (!Files.isRegularFile(directory.resolve(".env"))) {
            return Map.of();
        }
        try {
            Dotenv dotenv = Dotenv.configure().directory(directory.toString()).filename(".env").load();
            Map<String, String> fromFile = new HashMap<>();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                if (entry.getValue() != null && !entry.getValue().isBlank()) {
                    fromFile.put(entry.getKey(), entry.getValue());
                }
            }
            return fromFile;
        } catch (RuntimeException e) {
            // dotenv's message quotes the offending line, which may hold a secret: say where, not what
            throw new ConfigException(".env", "Could not read " + directory.resolve(".env")
                    + ": it must hold KEY=value lines (see .env.example)");
        }
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

package io.serverpulse.common.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file in the common dialect, strictly: {@code KEY=value} lines, an optional
 * {@code export } in front, values bare, in {@code "double"} quotes ({@code \"}, {@code \\},
 * {@code \n} and {@code \t} escapes) or in {@code 'single'} quotes (taken as written), {@code #}
 * comments on their own line or after a value (after whitespace, or after the closing quote), blank
 * lines, and {@code KEY=} for "unset". A later line wins over an earlier one with the same key.
 *
 * <p>Anything else stops the program with one line naming the file and the line number, and never
 * the value: values are secrets (the bot token, the MongoDB URI), and a malformed line is often one
 * with a secret pasted in.
 */
final class DotenvFile {

    private static final Pattern ASSIGNMENT = Pattern.compile("(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=[ \\t]*(.*)");
    private static final Pattern NAME_ONLY = Pattern.compile("(?:export[ \\t]+)?[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("[ \\t]#");

    private DotenvFile() {
    }

    /**
     * The file's assignments, in file order (blank values included: the caller treats them as unset).
     *
     * @throws ConfigException naming {@code file:line} if a line is not in the dialect, or the file cannot be read
     */
    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(".env", file + ": not UTF-8 text (a .env file holds KEY=value lines; see .env.example)");
        } catch (IOException e) {
            throw new ConfigException(".env", "Could not read " + file + ": " + e.getClass().getSimpleName());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(trimmed);
            if (!assignment.matches()) {
                // never quote the line: it may be a secret pasted on a line of its own
                throw error(file, i + 1, NAME_ONLY.matcher(trimmed).matches()
                        ? "a name without =value (write NAME= to leave a setting unset)"
                        : "not a KEY=value line");
            }
            String key = assignment.group(1);
            values.put(key, value(assignment.group(2), file, i + 1, key));
        }
        return values;
    }

    private static String value(String raw, Path file, int line, String key) {
        if (raw.isEmpty()) {
            return "";
        }
        char first = raw.charAt(0);
        if (first != '"' && first != '\'') {
            // a bare value ends at a # that follows whitespace (a comment); inner quotes are kept as they are
            Matcher comment = TRAILING_COMMENT.matcher(raw);
            return (comment.find() ? raw.substring(0, comment.start()) : raw).strip();
        }
        StringBuilder value = new StringBuilder();
        int i = 1;
        boolean closed = false;
        while (i < raw.length()) {
            char c = raw.charAt(i++);
            if (c == first) {
                closed = true;
                break;
            }
            if (c == '\\' && first == '"' && i < raw.length()) {
                char escaped = raw.charAt(i++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case '"', '\\', '$' -> value.append(escaped);
                    default -> value.append('\\').append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        if (!closed) {
            throw error(file, line, key + "'s value opens a " + first + " quote that is not closed on the same line");
        }
        String rest = raw.substring(i).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw error(file, line, key + "'s quoted value is followed by more text (only a # comment may follow the closing quote)");
        }
        return value.toString();
    }

    private static ConfigException error(Path file, int line, String problem) {
        return new ConfigException(".env", file + ":" + line + ": " + problem + "; expected KEY=value (see .env.example)");
    }
}

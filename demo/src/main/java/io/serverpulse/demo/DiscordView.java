package io.serverpulse.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.state.ChannelRecord;
import io.serverpulse.emulator.state.StoredMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bot's message as a Discord client shows it, in plain text: mentions as names ({@code <@id>} as
 * {@code @name}, {@code <#id>} as {@code #channel}), Discord timestamps ({@code <t:…>}) as the demo's
 * simulated UTC time, bold markers dropped, and each embed as a framed block: title, description,
 * inline fields on one line, other fields on their own.
 */
final class DiscordView {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Pattern USER = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d+)>");
    private static final Pattern CHANNEL = Pattern.compile("<#(\\d+)>");
    private static final Pattern TIMESTAMP = Pattern.compile("<t:(-?\\d+)(?::[tTdDfFR])?>");
    private static final String BAR = "┃ ";

    private final DiscordEmulator discord;

    DiscordView(DiscordEmulator discord) {
        this.discord = discord;
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    /** A message's text and embeds, one entry per line. */
    List<String> lines(StoredMessage message) {
        List<String> lines = new ArrayList<>();
        if (!message.content().isBlank()) {
            message.content().lines().map(this::text).forEach(lines::add);
        }
        for (JsonNode embed : message.embeds()) {
            lines.addAll(embed(embed));
        }
        return lines;
    }

    /** An embed as Discord lays it out, each line behind the embed's bar. */
    List<String> embed(JsonNode embed) {
        List<String> lines = new ArrayList<>();
        if (embed.hasNonNull("title")) {
            lines.add(BAR + text(embed.get("title").asText()));
        }
        if (embed.hasNonNull("description")) {
            embed.get("description").asText().lines().map(line -> BAR + text(line)).forEach(lines::add);
        }
        List<String> inline = new ArrayList<>();
        for (JsonNode field : embed.path("fields")) {
            String name = text(field.path("name").asText());
            List<String> value = field.path("value").asText().lines().map(this::text).toList();
            if (field.path("inline").asBoolean(false)) {
                inline.add(name + ": " + String.join(" ", value));
                continue;
            }
            if (!inline.isEmpty()) {
                lines.add(BAR + String.join("   ", inline));
                inline.clear();
            }
            if (value.size() == 1) {
                lines.add(BAR + name + ": " + value.get(0));
            } else {
                lines.add(BAR + name + ":");
                value.forEach(line -> lines.add(BAR + "  " + line));
            }
        }
        if (!inline.isEmpty()) {
            lines.add(BAR + String.join("   ", inline));
        }
        return lines;
    }

    /** One line of Discord markdown as it reads. */
    String text(String markdown) {
        String text = replace(USER, markdown, id -> "@" + discord.state().user(id).username());
        text = replace(ROLE, text, id -> "@role");
        text = replace(CHANNEL, text, id -> "#" + discord.state().channel(id).map(ChannelRecord::name).orElse("unknown-channel"));
        text = replace(TIMESTAMP, text, seconds -> time(Instant.ofEpochSecond(seconds)));
        return text.replace("**", "").replace("__", "").replace("`", "");
    }

    private static String replace(Pattern pattern, String text, java.util.function.LongFunction<String> name) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            try {
                replacement = name.apply(Long.parseUnsignedLong(matcher.group(1)));
            } catch (RuntimeException unknown) {
                replacement = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

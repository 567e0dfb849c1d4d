package io.serverpulse.digest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.digest.ChannelNames;
import io.serverpulse.common.digest.DigestComposer;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestView;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.digest.support.SimulatedStore;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.sim.TimelineGenerator;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws the sample digest shown in the README: the emulator's week scenario (a 1,500-member guild with a raid,
 * a mass deletion, an activity drop and a voice surge) after a calmer week before it, stored the way the
 * collector stores it, and its weekly digest for Monday 2 – Sunday 8 March 2026 in Berlin, composed exactly as
 * it is posted. Channel names for the chart come from the emulator, as they would come from Discord. Writes
 * the three charts and the embed as text (mentions shown as the names Discord would render) to
 * {@code docs/digest-sample/}. Not a test: run by hand (see README.md).
 */
public final class DigestSample {

    private DigestSample() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/digest-sample");
        Files.createDirectories(out);
        SimulatedCommunity sim = TimelineGenerator.generate(Scenarios.weekSpec(5, 60_000)
                .start(Instant.parse("2026-02-23T00:00:00Z")).duration(Duration.ofDays(14)).build());
        Community guild = sim.community();
        GroundTruth truth = sim.groundTruth(false, Set.of(guild.guildId()));
        Path dir = Files.createTempDirectory("digest-sample");
        try (SqliteStore store = SqliteStore.open(dir)) {
            List<AlertRecord> alerts = SimulatedStore.fill(store, sim, truth, Set.of(guild.guildId()), 5_000);
            GuildSettings settings = GuildSettings.defaults(guild.guildId()).withDigest(DigestFrequency.WEEKLY, Instant.EPOCH)
                    .withTimeZone("Europe/Berlin", Instant.EPOCH).withSentiment(true, Instant.EPOCH);
            store.saveSettings(settings);
            Map<Long, String> channelNames = new HashMap<>();
            guild.channels().forEach(c -> channelNames.put(c.id(), c.name()));
            ChannelNames names = (guildId, ids) -> {
                Map<Long, String> found = new HashMap<>();
                ids.forEach(id -> found.put(id, channelNames.get(id)));
                return found;
            };
            DigestPeriod week = DigestPeriod.weekly(LocalDate.parse("2026-03-02"), settings.zone());
            DigestComposer.Composed digest = DigestComposer.of(store, names).compose(settings, week, Texts.english(),
                    DigestView.footer(guild.guildId(), week), 10L << 20);
            for (FileAttachment file : digest.message().files()) {
                Files.write(out.resolve(file.filename()), file.bytes());
            }
            Map<Long, String> memberNames = new HashMap<>();
            guild.members().forEach(m -> memberNames.put(m.userId(), m.username()));
            sim.events().stream().filter(e -> e instanceof TimelineEvent.MemberAdd).map(e -> (TimelineEvent.MemberAdd) e)
                    .forEach(j -> memberNames.put(j.userId(), j.username()));
            Files.writeString(out.resolve("digest.md"), markdown(digest.message().toJson(false), memberNames, channelNames),
                    StandardCharsets.UTF_8);
            System.out.printf("sample digest of %s (%d alerts stored) written to %s%n", guild.name(), alerts.size(), out.toAbsolutePath());
        }
    }

    /** The embeds as a reader sees them: mentions as names, timestamps as UTC times. */
    private static String markdown(JsonNode message, Map<Long, String> members, Map<Long, String> channels) {
        StringBuilder md = new StringBuilder("<!-- drawn by DigestSample from the emulator's simulated week; do not edit -->\n");
        for (JsonNode embed : message.path("embeds")) {
            md.append("\n> **").append(embed.path("title").asText()).append("**\n>\n");
            if (embed.has("description")) {
                md.append("> ").append(embed.path("description").asText()).append("\n>\n");
            }
            for (JsonNode field : embed.path("fields")) {
                md.append("> **").append(field.path("name").asText()).append("**<br>")
                        .append(field.path("value").asText().replace("\n", "<br>")).append("\n>\n");
            }
            if (embed.has("image")) {
                String file = embed.path("image").path("url").asText().replace("attachment://", "");
                md.append("> ![").append(file).append("](").append(file).append(")\n>\n");
            }
            if (embed.has("footer")) {
                md.append("> <sub>").append(embed.path("footer").path("text").asText()).append("</sub>\n");
            }
        }
        return readable(md.toString(), members, channels);
    }

    private static String readable(String text, Map<Long, String> members, Map<Long, String> channels) {
        String named = replace(text, Pattern.compile("<@(\\d+)>"), id -> "@" + members.getOrDefault(id, "member"));
        named = replace(named, Pattern.compile("<#(\\d+)>"), id -> "#" + channels.getOrDefault(id, "channel"));
        named = replace(named, Pattern.compile("<t:(\\d+):f>"), seconds -> java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'",
                java.util.Locale.ENGLISH).format(Instant.ofEpochSecond(seconds).atZone(java.time.ZoneOffset.UTC)));
        return named.replaceAll("<:([A-Za-z0-9_]+):\\d+>", ":$1:");
    }

    private static String replace(String text, Pattern pattern, java.util.function.LongFunction<String> by) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(by.apply(Long.parseLong(matcher.group(1)))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

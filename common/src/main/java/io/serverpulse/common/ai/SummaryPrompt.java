package io.serverpulse.common.ai;

import io.serverpulse.common.ai.SummaryInput.AlertEntry;
import io.serverpulse.common.ai.SummaryInput.Ranked;
import io.serverpulse.common.ai.SummaryInput.Total;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary prompt, built from a {@link SummaryInput} and nothing else: an instruction and the
 * numbers as short labelled lines. {@link #hash} identifies the numbers (and the prompt's version),
 * so a cached summary is reused exactly when the same prompt would be sent again.
 */
public final class SummaryPrompt {

    /** Raise when the instruction or the data lines change: cached summaries of the old prompt are then not reused. */
    static final int VERSION = 1;
    static final int MAX_OUTPUT_TOKENS = 1024;
    private static final Map<String, String> LANGUAGES = Map.of("en", "English", "de", "German", "fr", "French");

    private SummaryPrompt() {
    }

    public static AiPrompt of(SummaryInput input) {
        String language = languageName(input.language());
        String system = "You write the short insight paragraph of a Discord server's activity report for its admins. "
                + "Use only the numbers given; say what changed and what stands out. Write 2 to 4 sentences, at most "
                + "90 words, in " + language + ". Refer to members only as \"member #N\" and to channels only as "
                + "\"channel #N\", exactly as labelled. No greeting, no heading, no list, no links, no @-mentions, "
                + "no invented names or numbers.";
        return new AiPrompt(system, data(input), MAX_OUTPUT_TOKENS);
    }

    /** The numbers, one labelled line each. */
    static String data(SummaryInput input) {
        StringBuilder out = new StringBuilder();
        out.append("Period: ").append(input.period()).append(" (compared with the previous one)\n");
        for (Total total : input.totals()) {
            out.append(label(total.measure())).append(": ").append(total.value());
            if (total.previous() != null) {
                out.append(" (previous ").append(total.previous()).append(", ").append(change(total.value(), total.previous()))
                        .append(')');
            }
            out.append('\n');
        }
        ranking(out, "Top members by messages", "member", input.topMembers());
        ranking(out, "Top channels by messages", "channel", input.topChannels());
        ranking(out, "Top members by voice minutes", "voice member", input.topVoice());
        ranking(out, "Top emoji by uses", "emoji", input.topEmoji());
        if (input.peak() != null) {
            out.append(String.format(Locale.ROOT, "Busiest hour: %s %02d:00-%02d:00%n",
                    name(input.peak().day().name()), input.peak().hour(), (input.peak().hour() + 1) % 24));
        }
        if (input.growth() != null) {
            SummaryInput.Growth g = input.growth();
            out.append("Joins: ").append(g.joins()).append(", leaves: ").append(g.leaves()).append(", net: ")
                    .append(g.joins() - g.leaves()).append('\n');
            if (g.previousJoiners() != null && g.previousJoinersActive() != null) {
                out.append("Members who joined in the previous period: ").append(g.previousJoiners())
                        .append(", of whom active in this one: ").append(g.previousJoinersActive()).append('\n');
            }
        }
        out.append("Alerts: ");
        if (input.alerts().isEmpty()) {
            out.append("none");
        }
        for (int i = 0; i < input.alerts().size(); i++) {
            AlertEntry alert = input.alerts().get(i);
            out.append(i == 0 ? "" : "; ").append(name(alert.type().name())).append(String.format(Locale.ROOT,
                    " on %s at %02d:00", name(alert.day().name()), alert.hour()));
        }
        out.append('\n');
        if (input.sentiment() != null) {
            out.append("Message mood: positive ").append(input.sentiment().positive()).append(", neutral ")
                    .append(input.sentiment().neutral()).append(", negative ").append(input.sentiment().negative()).append('\n');
        }
        return out.toString();
    }

    /** A hex SHA-256 over the prompt's version, language and numbers. */
    public static String hash(SummaryInput input) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(("v" + VERSION + "|" + input.language() + "|" + data(input))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void ranking(StringBuilder out, String title, String label, List<Ranked> ranked) {
        if (ranked.isEmpty()) {
            return;
        }
        out.append(title).append(": ");
        for (int i = 0; i < ranked.size(); i++) {
            Ranked r = ranked.get(i);
            out.append(i == 0 ? "" : "; ").append(label).append(" #").append(r.rank()).append(' ').append(r.value());
            if (r.previous() != null) {
                out.append(" (previous ").append(r.previous()).append(')');
            }
        }
        out.append('\n');
    }

    private static String label(SummaryInput.Measure measure) {
        return switch (measure) {
            case MESSAGES -> "Messages";
            case REACTIONS -> "Reactions";
            case ACTIVE_MEMBERS -> "Active members";
            case VOICE_MINUTES -> "Voice minutes";
        };
    }

    private static String change(long value, long previous) {
        if (previous == 0) {
            return value == 0 ? "unchanged" : "new";
        }
        double percent = (value - previous) * 100.0 / previous;
        return String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    /** The English name of a member's language code, for the prompt ("Answer in German"); English when unknown. */
    static String languageName(String code) {
        return LANGUAGES.getOrDefault(code, "English");
    }

    /** An enum constant as a word: {@code MONDAY} → "Monday", {@code VOICE_MINUTES} → "Voice minutes". */
    static String name(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}

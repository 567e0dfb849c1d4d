package io.serverpulse.common.ai;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a provider's answer safe to post: whatever the model wrote, what reaches Discord has no
 * {@code @everyone}, {@code @here}, user, role or channel mention, no link and no invite, no
 * heading or code block, is one paragraph, and fits the given length (cut at a sentence end where
 * possible). Rank labels ({@code member #1}) may be turned into mentions only afterwards, with
 * {@link #withRankMentions}, so every mention in the result is one ServerPulse chose. Messages are
 * sent with {@code allowed_mentions} empty in any case.
 */
public final class AnswerCleaner {

    /** Shorter than this after cleaning, an answer is not worth posting. */
    public static final int MIN_LENGTH = 20;

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]{0,200})\\]\\([^)]*\\)");
    private static final Pattern DISCORD_MARKUP = Pattern.compile("<(?:@[!&]?\\d*|#\\d*|/[^>]*|a?:\\w*:\\d*|t:[^>]*)>");
    private static final Pattern URL = Pattern.compile("(?i)<?\\b(?:[a-z][a-z0-9+.-]{1,15}://|www\\.)[^\\s<>]*>?");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)\\b[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9-]{1,63})*\\.(?:gg|com|net|org|io|ly|me|xyz|app|dev|co|info|link|site|gl|to|tk|ru|de|fr|uk|us)\\b(?:/[^\\s]*)?");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n]]");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s*(?:#{1,6}|>+|-#)\\s*");
    private static final Pattern RANK = Pattern.compile(
            "(?i)\\b(voice[\\s-]*|sprach[\\s-]*)?(member|mitglied|membre|channel|kanal|salon|canal)\\s*(?:#|n°\\s*|nr\\.?\\s*)(\\d{1,2})\\b");

    private AnswerCleaner() {
    }

    /** The cleaned answer, at most {@code maxLength} characters; empty when too little is left to post. */
    public static Optional<String> clean(String raw, int maxLength) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = CONTROL.matcher(raw).replaceAll("");
        text = text.replace("```", " ").replace("`", "");
        text = MARKDOWN_LINK.matcher(text).replaceAll("$1");
        text = DISCORD_MARKUP.matcher(text).replaceAll("");
        text = URL.matcher(text).replaceAll("");
        text = DOMAIN.matcher(text).replaceAll("");
        text = text.replace("@", "").replace("＠", "").replace("﹫", "");
        text = HEADING.matcher(text).replaceAll("");
        text = text.replaceAll("\\s+", " ").replaceAll("\\s+([.,;:!?])", "$1").strip();
        text = fit(text, maxLength);
        return text.length() < MIN_LENGTH ? Optional.empty() : Optional.of(text);
    }

    private static String fit(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        String head = text.substring(0, maxLength - 1);
        int sentenceEnd = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
        if (sentenceEnd >= maxLength / 2) {
            return head.substring(0, sentenceEnd + 1);
        }
        int space = head.lastIndexOf(' ');
        return (space >= maxLength / 2 ? head.substring(0, space) : head).strip() + "…";
    }

    /**
     * Replaces rank labels in a <em>cleaned</em> answer with mentions: {@code member #N} with
     * {@code <@id>} of the N-th member, {@code channel #N} with {@code <#id>}. Labels without an
     * entry stay as they are; so do voice ranks ({@code voice member #N}), which rank other members.
     */
    public static String withRankMentions(String cleaned, Map<Integer, Long> members, Map<Integer, Long> channels) {
        return withRankMentions(cleaned, members, channels, Map.of());
    }

    /** The same, with {@code voice member #N} replaced by a mention of the N-th member by voice time. */
    public static String withRankMentions(String cleaned, Map<Integer, Long> members, Map<Integer, Long> channels,
                                          Map<Integer, Long> voiceMembers) {
        Matcher matcher = RANK.matcher(cleaned);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            boolean voice = matcher.group(1) != null;
            String kind = matcher.group(2).toLowerCase(java.util.Locale.ROOT);
            int rank = Integer.parseInt(matcher.group(3));
            boolean member = kind.equals("member") || kind.equals("mitglied") || kind.equals("membre");
            Long id = voice ? (member ? voiceMembers.get(rank) : null) : (member ? members : channels).get(rank);
            String replacement = id == null ? matcher.group() : (member ? "<@" : "<#") + Long.toUnsignedString(id) + ">";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

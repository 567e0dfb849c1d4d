package io.serverpulse.collector.sentiment;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reduces a Discord message to the words a sentiment lexicon can judge. Removed entirely (nothing of
 * them is kept): code blocks and inline code, user, role and channel mentions ({@code <@…>},
 * {@code <@&…>}, {@code <#…>}), slash-command mentions ({@code </name:id>}), timestamps
 * ({@code <t:…>}), custom emoji ({@code <:name:id>}, {@code <a:name:id>}; their names are whatever a
 * server chose and say nothing reliable) and URLs.
 *
 * <p>A few common unicode emoji are replaced by one English word of the VADER lexicon that says
 * what they show ({@link #EMOJI}); every other emoji is left as it is and scores nothing. The table
 * is deliberately small: it covers the faces, hearts and hands people use to say "glad" or
 * "upset", not the emoji catalogue.
 */
public final class DiscordText {

    /** Unicode emoji → a lexicon word with the same feeling (the test checks every word is in the lexicon). */
    static final Map<String, String> EMOJI = Map.ofEntries(
            Map.entry("😀", "grin"), Map.entry("😃", "grin"), Map.entry("😄", "grin"), Map.entry("😁", "grin"),
            Map.entry("😊", "smile"), Map.entry("🙂", "smile"), Map.entry("😂", "laughing"), Map.entry("🤣", "laughing"),
            Map.entry("😍", "love"), Map.entry("🥰", "love"), Map.entry("❤", "love"), Map.entry("💕", "love"),
            Map.entry("👍", "good"), Map.entry("👏", "applause"), Map.entry("🎉", "celebrate"), Map.entry("🥳", "party"),
            Map.entry("🙏", "thanks"),
            Map.entry("🙁", "sad"), Map.entry("☹", "sad"), Map.entry("😞", "sad"), Map.entry("😔", "sad"),
            Map.entry("😢", "cry"), Map.entry("😭", "crying"), Map.entry("💔", "heartbroken"), Map.entry("😠", "angry"),
            Map.entry("😡", "angry"), Map.entry("🤬", "angry"), Map.entry("👎", "dislike"), Map.entry("😱", "fear"),
            Map.entry("😨", "scared"), Map.entry("🤢", "sick"), Map.entry("🤮", "puke"));

    private static final Pattern CODE_BLOCK = Pattern.compile("```.*?(?:```|$)", Pattern.DOTALL);
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`?");
    /** Mentions, channels, roles, slash commands, timestamps, custom and animated emoji: {@code <…>} markup. */
    private static final Pattern MARKUP = Pattern.compile(
            "<(?:@[!&]?\\d+|#\\d+|/[^\\s<>:]+(?: [^\\s<>:]+)*:\\d+|t:-?\\d+(?::[A-Za-z])?|a?:[A-Za-z0-9_~]*:\\d+)>");
    private static final Pattern URL = Pattern.compile("<?\\b(?:https?|ftp)://\\S+", Pattern.CASE_INSENSITIVE);
    private static final char VARIATION_SELECTOR = '\uFE0F';

    private DiscordText() {
    }

    /** The text without markup, code and links, and with the table's emoji as words; never null. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = text;
        if (out.indexOf('`') >= 0) {
            out = CODE_BLOCK.matcher(out).replaceAll(" ");
            out = INLINE_CODE.matcher(out).replaceAll(" ");
        }
        if (out.indexOf('<') >= 0) {
            out = MARKUP.matcher(out).replaceAll(" ");
        }
        if (out.indexOf("://") >= 0) {
            out = URL.matcher(out).replaceAll(" ");
        }
        return emojiAsWords(out);
    }

    private static String emojiAsWords(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp >= 0x2600 || cp == VARIATION_SELECTOR) {
                String word = cp == VARIATION_SELECTOR ? "" : EMOJI.get(new String(Character.toChars(cp)));
                if (word != null) {
                    if (out == null) {
                        out = new StringBuilder(text.length() + 16).append(text, 0, i);
                    }
                    out.append(word.isEmpty() ? "" : " " + word + " ");
                    i += width;
                    continue;
                }
            }
            if (out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}

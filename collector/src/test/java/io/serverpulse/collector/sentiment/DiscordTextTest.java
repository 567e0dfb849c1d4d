package io.serverpulse.collector.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordTextTest {

    @Test
    void mentionsChannelsRolesCommandsTimestampsAndCustomEmojiLeaveNothing() {
        // GIVEN a message full of Discord markup around two words
        String text = "<@123456789012345678> <@!42> <@&77> <#987654321> </digest now:1234567890> <t:1700000000:R>"
                + " <:pepe_happy:111111111111111111> <a:party_blob:222222222222222222> see you";

        // WHEN it is cleaned
        String cleaned = DiscordText.clean(text);

        // THEN only the words are left: no id, no emoji name
        assertThat(cleaned.strip().replaceAll("\\s+", " ")).isEqualTo("see you");
    }

    @Test
    void codeBlocksInlineCodeAndUrlsAreRemoved() {
        // GIVEN words inside code, inside a link, and outside
        String text = "look ```java\nterrible awful code\n``` and `hate()` at https://example.com/awful?x=1 <https://x.io/bad> ok";

        // WHEN it is cleaned
        String cleaned = DiscordText.clean(text);

        // THEN what was code or a link is gone
        assertThat(cleaned.strip().replaceAll("\\s+", " ")).isEqualTo("look and at ok");
    }

    @Test
    void tableEmojiBecomeWordsAndOthersStay() {
        // GIVEN two emoji of the table (one with a variation selector) and one that is not in it
        String cleaned = DiscordText.clean("gg 😂❤️ 🦀");

        // THEN the table's are words, the other is left alone
        assertThat(cleaned.strip().replaceAll("\\s+", " ")).isEqualTo("gg laughing love 🦀");
    }

    @Test
    void everyEmojiWordIsInTheLexicon() {
        // GIVEN the emoji table / THEN every word it maps to has a valence
        assertThat(DiscordText.EMOJI.values()).allMatch(word -> VaderLexicon.standard().valence(word) != 0);
    }

    @Test
    void nullAndEmptyAreEmpty() {
        assertThat(DiscordText.clean(null)).isEmpty();
        assertThat(DiscordText.clean("")).isEmpty();
    }
}

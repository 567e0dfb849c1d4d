package io.serverpulse.common.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCleanerTest {

    @Test
    void aHostileAnswerLosesItsPingsMentionsAndLinks() {
        // GIVEN what a provider might write when its prompt or model misbehaves
        String hostile = "@everyone click https://evil.example/free-nitro now! @here <@539082325061836800> and <@&1176201535215009999> "
                + "see <#1176201535215009855> or discord.gg/abc123, [prize](http://x.y/z) www.scam.io ＠everyone. "
                + "Activity grew 12 % this week.";

        // WHEN it is cleaned
        String cleaned = AnswerCleaner.clean(hostile, 1000).orElseThrow();

        // THEN nothing in it can ping, mention or link
        assertThat(cleaned).doesNotContain("@").doesNotContain("＠").doesNotContain("<").doesNotContain("http")
                .doesNotContain("discord.gg").doesNotContain("www.").doesNotContain("evil.example")
                .doesNotContain("539082325061836800").doesNotContain("1176201535215009999");
        // AND the plain words are kept
        assertThat(cleaned).contains("everyone click").contains("prize").contains("Activity grew 12 % this week.");
    }

    @Test
    void theAnswerBecomesOneParagraphWithoutHeadingsOrCode() {
        String cleaned = AnswerCleaner.clean("## Summary\n\n```\ncode\n```\n> quoted line\nMessages rose by a third, `fast`.", 1000)
                .orElseThrow();
        assertThat(cleaned).isEqualTo("Summary code quoted line Messages rose by a third, fast.");
    }

    @Test
    void aLongAnswerIsCutAtASentenceEnd() {
        String sentence = "Member #1 posted the most messages this week, well ahead of the rest. ";
        String cleaned = AnswerCleaner.clean(sentence.repeat(30), 300).orElseThrow();
        assertThat(cleaned.length()).isLessThanOrEqualTo(300);
        assertThat(cleaned).endsWith("rest.");
    }

    @Test
    void aLongAnswerWithoutSentencesIsCutAtAWord() {
        String cleaned = AnswerCleaner.clean("word ".repeat(200), 100).orElseThrow();
        assertThat(cleaned.length()).isLessThanOrEqualTo(100);
        assertThat(cleaned).endsWith("word…");
    }

    @Test
    void whatIsLeftTooShortIsNotUsable() {
        assertThat(AnswerCleaner.clean("@everyone https://spam.example", 1000)).isEmpty();
        assertThat(AnswerCleaner.clean("   ", 1000)).isEmpty();
        assertThat(AnswerCleaner.clean(null, 1000)).isEmpty();
    }

    @Test
    void rankLabelsBecomeMentionsOnlyAfterCleaning() {
        // GIVEN an answer whose model also wrote a mention of its own
        String cleaned = AnswerCleaner.clean("Member #1 led, <@42> tried; channel #2 grew and member #7 joined.", 1000)
                .orElseThrow();

        // WHEN the ranks known to the digest are turned into mentions
        String shown = AnswerCleaner.withRankMentions(cleaned, Map.of(1, 539082325061836800L), Map.of(2, 1176201535215009855L));

        // THEN only ServerPulse's own mentions are in it, unknown ranks stay labels
        assertThat(shown).isEqualTo("<@539082325061836800> led, tried; <#1176201535215009855> grew and member #7 joined.");
    }

    @Test
    void germanAndFrenchRankLabelsAreRecognised() {
        String shown = AnswerCleaner.withRankMentions("Mitglied #1 und Kanal #2; membre n°1.", Map.of(1, 5L), Map.of(2, 6L));
        assertThat(shown).isEqualTo("<@5> und <#6>; <@5>.");
    }

    @Test
    void voiceRanksMentionTheVoiceMembersNeverTheTopPosters() {
        // GIVEN an answer naming member #1 (most messages) and voice member #1 (most time in voice), who differ
        String cleaned = "Member #1 posted most, while voice member #1 and Voice-Mitglied #2 spent hours in voice.";

        // WHEN the ranks are turned into mentions, with and without the voice ranks known
        String shown = AnswerCleaner.withRankMentions(cleaned, Map.of(1, 5L, 2, 6L), Map.of(), Map.of(1, 7L, 2, 8L));
        String withoutVoice = AnswerCleaner.withRankMentions(cleaned, Map.of(1, 5L, 2, 6L), Map.of());

        // THEN each label becomes its own ranking's member; without the voice ranking the voice labels stay labels
        assertThat(shown).isEqualTo("<@5> posted most, while <@7> and <@8> spent hours in voice.");
        assertThat(withoutVoice).isEqualTo("<@5> posted most, while voice member #1 and Voice-Mitglied #2 spent hours in voice.");
    }
}

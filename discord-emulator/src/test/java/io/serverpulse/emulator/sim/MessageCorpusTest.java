package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageCorpusTest {

    private final MessageCorpus corpus = MessageCorpus.standard();

    @Test
    void every_sentence_carries_a_distinctive_token_and_every_token_is_used() {
        // GIVEN the corpus
        List<String> texts = corpus.allTexts();
        List<String> tokens = corpus.distinctiveTokens();

        // THEN its sentences are distinct, each has a token, and each token appears in some sentence
        assertThat(texts).hasSize(480).doesNotHaveDuplicates();
        assertThat(tokens).hasSize(120).doesNotHaveDuplicates().allMatch(t -> t.length() >= 8);
        assertThat(texts).allMatch(text -> !corpus.leakedTokens(text).isEmpty());
        Set<String> used = new HashSet<>();
        texts.forEach(text -> used.addAll(corpus.leakedTokens(text)));
        assertThat(used).containsExactlyInAnyOrderElementsOf(tokens);
    }

    @Test
    void tokens_do_not_occur_in_what_the_bot_legitimately_stores() {
        // GIVEN what a store may hold besides text: field names, ids, emojis, usernames and channel names
        SimulatedCommunity sim = Scenarios.small(3);
        StringBuilder metadata = new StringBuilder("guild_id channel_id member_id messages reactions deletions joins"
                + " leaves voice_joins voice_seconds hourly_metrics user_daily user_hourly emoji_daily expire_at");
        sim.communities().forEach(c -> metadata.append(c));
        for (TimelineEvent e : sim.events()) {
            if (!(e instanceof TimelineEvent.MessageCreate)) {
                metadata.append(e);
            }
        }

        // THEN no token is found there, while a leaked sentence is found at once
        assertThat(corpus.leakedTokens(metadata)).isEmpty();
        String leaked = corpus.allTexts().get(17);
        assertThat(corpus.leakedTokens("{\"note\":\"" + leaked.toUpperCase() + "\"}")).isNotEmpty();
    }

    @Test
    void the_corpus_is_the_same_every_time() {
        // GIVEN the corpus built again from its constant seed
        MessageCorpus again = MessageCorpus.build(120, 480, 0x5EED_C0DEL);

        // THEN it is identical
        assertThat(again.allTexts()).isEqualTo(corpus.allTexts());
        assertThat(again.distinctiveTokens()).isEqualTo(corpus.distinctiveTokens());
    }

    @Test
    void every_sentence_has_a_mood_and_all_three_moods_are_well_represented() {
        // GIVEN the corpus and its hand-labelled templates
        Map<Sentiment, Integer> sentences = new EnumMap<>(Sentiment.class);
        Map<Sentiment, Integer> templates = new EnumMap<>(Sentiment.class);

        // WHEN each sentence's and each template's mood is counted
        corpus.allTexts().forEach(text -> sentences.merge(corpus.mood(text), 1, Integer::sum));
        MessageCorpus.templates().forEach(t -> templates.merge(t.mood(), 1, Integer::sum));

        // THEN every class has at least 8 templates and at least a sixth of the 480 sentences
        assertThat(templates).containsOnlyKeys(Sentiment.values()).allSatisfy((mood, n) -> assertThat(n).isGreaterThanOrEqualTo(8));
        assertThat(sentences).containsOnlyKeys(Sentiment.values()).allSatisfy((mood, n) -> assertThat(n).isGreaterThanOrEqualTo(80));
        assertThat(sentences.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(480);
    }

    @Test
    void a_sentence_has_the_mood_of_its_template() {
        // GIVEN sentences of a negative, a positive and a neutral template (made-up words filled in)
        String negative = corpus.allTexts().stream().filter(t -> t.startsWith("i hate how ")).findFirst().orElseThrow();
        String positive = corpus.allTexts().stream().filter(t -> t.startsWith("thanks for the ")).findFirst().orElseThrow();
        String neutral = corpus.allTexts().stream().filter(t -> t.startsWith("rate my ")).findFirst().orElseThrow();

        // THEN each has its template's human-assigned mood
        assertThat(corpus.mood(negative)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(corpus.mood(positive)).isEqualTo(Sentiment.POSITIVE);
        assertThat(corpus.mood(neutral)).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void the_mood_of_a_text_outside_the_corpus_is_refused_without_repeating_it() {
        // GIVEN / WHEN a text that is no corpus sentence
        // THEN asking for its mood fails clearly, and the message does not echo the text
        assertThatThrownBy(() -> corpus.mood("what a lovely day"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a sentence of the corpus")
                .hasMessageNotContaining("lovely");
    }
}

package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.emulator.timeline.TimelineEvent;
import java.util.HashSet;
import java.util.List;
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
}

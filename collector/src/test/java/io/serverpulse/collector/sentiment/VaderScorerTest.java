package io.serverpulse.collector.sentiment;

import static io.serverpulse.common.metrics.ActivityEvent.Sentiment.NEGATIVE;
import static io.serverpulse.common.metrics.ActivityEvent.Sentiment.NEUTRAL;
import static io.serverpulse.common.metrics.ActivityEvent.Sentiment.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import io.serverpulse.emulator.sim.MessageCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VaderScorerTest {

    private final VaderScorer scorer = VaderScorer.standard();

    /** VADER's normalisation of a valence sum. */
    private static double compound(double sum) {
        return sum / Math.sqrt(sum * sum + 15);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I love this server, you are all amazing             | POSITIVE
            great game last night, well played                  | POSITIVE
            thanks for the help :)                              | POSITIVE
            this update is terrible and the lag is awful        | NEGATIVE
            I hate losing to bots                               | NEGATIVE
            ugh, my internet died again :(                      | NEGATIVE
            the meeting is at 5 in the voice channel            | NEUTRAL
            what time does the event start?                     | NEUTRAL
            the patch notes are pinned in the announcements     | NEUTRAL
            this is not good                                    | NEGATIVE
            I don't like the new layout                         | NEGATIVE
            never a bad moment with you folks                   | POSITIVE
            the art is nice but the story is boring             | NEGATIVE
            the start was rough but the ending was great        | POSITIVE
            """)
    void labelledSentences(String text, Sentiment expected) {
        // GIVEN / WHEN a sentence a reader would label / THEN the scorer agrees
        assertThat(scorer.score(text)).isEqualTo(expected);
    }

    @Test
    void aSentimentWordAloneScoresItsLexiconValence() {
        // GIVEN "good" (1.9) / THEN compound = 1.9 / sqrt(1.9² + 15)
        assertThat(scorer.compound("this is good")).isCloseTo(compound(1.9), within(1e-9));
        assertThat(scorer.compound("this is good")).isCloseTo(0.4404, within(1e-4));
    }

    @Test
    void aNegationInTheThreeWordsBeforeFlipsAndDampens() {
        // GIVEN "good" negated one, three and four words back
        // THEN within three words its valence is multiplied by -0.74; further back it is not
        assertThat(scorer.compound("not good")).isCloseTo(compound(1.9 * -0.74), within(1e-9));
        assertThat(scorer.compound("isn't very good")).isCloseTo(compound((1.9 + 0.293) * -0.74), within(1e-9));
        assertThat(scorer.compound("never the movie good")).isCloseTo(compound(1.9 * -0.74), within(1e-9));
        assertThat(scorer.compound("never the movie was good")).isCloseTo(compound(1.9), within(1e-9));
        assertThat(scorer.score("the food was not bad")).isEqualTo(POSITIVE);
    }

    @Test
    void boostersAndDampenersMoveTheValenceBy0293() {
        // GIVEN "good" with a booster one and two words back, and with a dampener
        // THEN the booster adds 0.293 (0.95 of it two words back), the dampener subtracts it
        assertThat(scorer.compound("very good")).isCloseTo(compound(1.9 + 0.293), within(1e-9));
        assertThat(scorer.compound("really quite good")).isCloseTo(compound(1.9 + 0.293 + 0.293 * 0.95), within(1e-9));
        assertThat(scorer.compound("slightly good")).isCloseTo(compound(1.9 - 0.293), within(1e-9));
        // for a negative word the booster pushes further down
        assertThat(scorer.compound("very bad")).isCloseTo(compound(-2.5 - 0.293), within(1e-9));
        // a booster has no valence of its own
        assertThat(scorer.score("very very")).isEqualTo(NEUTRAL);
    }

    @Test
    void allCapsEmphasisesAWordOnlyWhenTheMessageMixesCase() {
        // GIVEN "GOOD" in a mixed-case message, and a message all in capitals
        // THEN the first gains 0.733, the second is scored as if lower case
        assertThat(scorer.compound("this is GOOD")).isCloseTo(compound(1.9 + 0.733), within(1e-9));
        assertThat(scorer.compound("THIS IS GOOD")).isCloseTo(compound(1.9), within(1e-9));
        assertThat(scorer.compound("this is VERY good")).isCloseTo(compound(1.9 + 0.293 + 0.733), within(1e-9));
        assertThat(scorer.compound("this is BAD")).isCloseTo(compound(-2.5 - 0.733), within(1e-9));
    }

    @Test
    void butHalvesWhatComesBeforeAndWeighsWhatComesAfter() {
        // GIVEN "good" (1.9) before "but" and "bad" (-2.5) after it
        // THEN the sum is 1.9 × 0.5 − 2.5 × 1.5
        assertThat(scorer.compound("good but bad")).isCloseTo(compound(1.9 * 0.5 - 2.5 * 1.5), within(1e-9));
        assertThat(scorer.compound("bad but good")).isCloseTo(compound(-2.5 * 0.5 + 1.9 * 1.5), within(1e-9));
    }

    @Test
    void exclamationMarksAddEmphasisUpToFour() {
        // GIVEN "good" with three and with seven exclamation marks, and "bad" with two
        // THEN each adds 0.292 in the sum's direction, at most four
        assertThat(scorer.compound("good!!!")).isCloseTo(compound(1.9 + 3 * 0.292), within(1e-9));
        assertThat(scorer.compound("good!!!!!!!")).isCloseTo(compound(1.9 + 4 * 0.292), within(1e-9));
        assertThat(scorer.compound("bad!!")).isCloseTo(compound(-2.5 - 2 * 0.292), within(1e-9));
        // and nothing to a message without sentiment
        assertThat(scorer.score("what!!!!")).isEqualTo(NEUTRAL);
    }

    @Test
    void theThresholdsAreAtPlusAndMinus005() {
        // GIVEN a tiny lexicon with words exactly at and just inside the thresholds
        // (compound 0.05 needs a sum of 0.05·√15/√(1−0.05²) ≈ 0.19389)
        double edge = 0.05 * Math.sqrt(15 / (1 - 0.05 * 0.05));
        VaderLexicon tiny = lexicon("up\t" + (edge + 1e-6) + "\nflat\t" + (edge - 1e-3) + "\ndown\t" + -(edge + 1e-6) + "\n");
        VaderScorer small = new VaderScorer(tiny);

        // THEN at or beyond ±0.05 is positive or negative, inside is neutral
        assertThat(small.score("up")).isEqualTo(POSITIVE);
        assertThat(small.score("flat")).isEqualTo(NEUTRAL);
        assertThat(small.score("down")).isEqualTo(NEGATIVE);
    }

    @Test
    void discordMarkupIsNotScored() {
        // GIVEN negative-sounding names inside a mention, a custom emoji, a link and code, around a positive word
        String text = "<@123> <:angry_hate:555555555555555555> <a:sad:1> https://example.com/terrible `awful()` thanks";

        // THEN only "thanks" counts
        assertThat(scorer.compound(text)).isCloseTo(compound(1.9), within(1e-9));
        // and markup alone is neutral
        assertThat(scorer.score("<@123> <#456> <:kekw:789>")).isEqualTo(NEUTRAL);
    }

    @Test
    void unicodeEmojiOfTheTableCount() {
        // GIVEN messages that are only emoji
        // THEN the table's faces and hearts score, other emoji do not
        assertThat(scorer.score("😂😂")).isEqualTo(POSITIVE);
        assertThat(scorer.score("❤️")).isEqualTo(POSITIVE);
        assertThat(scorer.score("😭")).isEqualTo(NEGATIVE);
        assertThat(scorer.score("🦀")).isEqualTo(NEUTRAL);
    }

    @Test
    void emptyAndWordlessTextIsNeutral() {
        // GIVEN what JDA hands over without the MESSAGE_CONTENT intent (empty), and other wordless text
        // THEN neutral
        assertThat(scorer.score("")).isEqualTo(NEUTRAL);
        assertThat(scorer.score(null)).isEqualTo(NEUTRAL);
        assertThat(scorer.score("   \n\t ")).isEqualTo(NEUTRAL);
        assertThat(scorer.score("?! ... 42")).isEqualTo(NEUTRAL);
        assertThat(scorer.score("quorvexil zhaedwir")).isEqualTo(NEUTRAL);
    }

    @Test
    void theScorerAgreesWithTheHumanLabelOfEveryCorpusSentence() {
        // GIVEN every sentence of the emulator's corpus, labelled by hand through its template
        MessageCorpus corpus = MessageCorpus.standard();
        List<String> disagreements = new ArrayList<>();

        // WHEN each is scored
        for (String text : corpus.allTexts()) {
            Sentiment scored = scorer.score(text);
            if (scored != corpus.mood(text)) {
                disagreements.add(text + " (human " + corpus.mood(text) + ", scored " + scored + ")");
            }
        }

        // THEN the scorer agrees on all 480, and every template was exercised
        assertThat(disagreements).isEmpty();
        assertThat(MessageCorpus.templates()).allSatisfy(template -> assertThat(corpus.allTexts())
                .anyMatch(text -> text.startsWith(template.pattern().substring(0, template.pattern().indexOf("%s")))));
    }

    @Test
    void scoringIsThreadSafe() {
        // GIVEN the corpus scored on one thread
        MessageCorpus corpus = MessageCorpus.standard();
        Map<String, Sentiment> once = new ConcurrentHashMap<>();
        corpus.allTexts().forEach(text -> once.put(text, scorer.score(text)));

        // WHEN it is scored 20 times over in parallel
        // THEN every result is the same
        IntStream.range(0, 20).parallel().forEach(round -> corpus.allTexts().parallelStream()
                .forEach(text -> assertThat(scorer.score(text)).isEqualTo(once.get(text))));
    }

    private static VaderLexicon lexicon(String text) {
        try {
            return VaderLexicon.read(new java.io.StringReader(text));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

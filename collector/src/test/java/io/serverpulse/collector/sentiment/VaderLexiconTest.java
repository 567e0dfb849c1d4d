package io.serverpulse.collector.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class VaderLexiconTest {

    private final VaderLexicon lexicon = VaderLexicon.standard();

    @Test
    void theBundledLexiconHasEveryDistinctTokenOfTheFile() {
        // GIVEN / WHEN the lexicon from the classpath (7,517 lines, 15 tokens listed twice)
        // THEN it holds 7,502 tokens with their mean valences
        assertThat(lexicon.size()).isEqualTo(7_502);
        assertThat(lexicon.valence("good")).isEqualTo(1.9);
        assertThat(lexicon.valence("worst")).isEqualTo(-3.1);
        assertThat(lexicon.valence(":)")).isEqualTo(2.0);
        assertThat(lexicon.valence("quorvexil")).isZero();
        assertThat(lexicon.contains("quorvexil")).isFalse();
    }

    @Test
    void aTokenListedTwiceHasTheMeanOfBothRatings() {
        // GIVEN "lol" rated 2.9 among the emoticons and 1.8 among the words, "sob" -2.8 and -1.0
        // THEN each is the average of its two means
        assertThat(lexicon.valence("lol")).isCloseTo(2.35, within(1e-9));
        assertThat(lexicon.valence("sob")).isCloseTo(-1.9, within(1e-9));
        assertThat(lexicon.valence("ok")).isCloseTo(1.4, within(1e-9));
    }

    @Test
    void aTokenIsLookedUpAsWrittenThenInLowerCase() {
        // GIVEN the emoticon ":D" (listed with a capital) and the word "good"
        // THEN both are found however a message writes them
        assertThat(lexicon.valence(":D")).isEqualTo(2.3);
        assertThat(lexicon.valence("GOOD")).isEqualTo(1.9);
        assertThat(lexicon.valence("Good")).isEqualTo(1.9);
    }

    @Test
    void aMalformedLineFailsWithItsLineNumber() {
        // GIVEN lexicons with a missing valence, a non-number and an out-of-range valence
        // WHEN / THEN reading fails and names the line
        assertThatThrownBy(() -> VaderLexicon.read(new StringReader("good\t1.9\t0.5\t[]\nbad\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lexicon line 2: expected token<TAB>valence");
        assertThatThrownBy(() -> VaderLexicon.read(new StringReader("good\tvery\t0.5\t[]\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lexicon line 1: the valence is not a number");
        assertThatThrownBy(() -> VaderLexicon.read(new StringReader("\ngood\t9\t0.5\t[]\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lexicon line 2: the valence is outside -4..4");
    }

    @Test
    void windowsLineEndsAndBlankLinesAreAccepted() throws IOException {
        // GIVEN a small lexicon with CRLF line ends, as the bundled file has, and a blank line
        VaderLexicon small = VaderLexicon.read(new StringReader("good\t1.9\t0.5\t[2, 2]\r\n\r\nbad\t-2.5\t0.6\t[-2, -3]\r\n"));

        // THEN both entries are read
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.valence("bad")).isEqualTo(-2.5);
    }
}

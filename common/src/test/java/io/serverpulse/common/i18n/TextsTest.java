package io.serverpulse.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TextsTest {

    static Properties bundle(String suffix) {
        String path = "/io/serverpulse/common/i18n/messages" + suffix + ".properties";
        try (InputStream in = TextsTest.class.getResourceAsStream(path)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyTranslationIsComplete() {
        // GIVEN the English base bundle
        Set<String> english = bundle("").stringPropertyNames();

        for (String language : Texts.TRANSLATIONS) {
            // WHEN a translation is read
            Set<String> translated = bundle("_" + language).stringPropertyNames();

            // THEN it has every English text, and beyond that only localized command and option names
            assertThat(translated).as(language).containsAll(english);
            Set<String> extra = new TreeSet<>(translated);
            extra.removeAll(english);
            assertThat(extra).as(language).allMatch(key -> key.startsWith("cmd.") && key.endsWith(".name"));
        }
    }

    @Test
    void everyTextIsAValidPatternWithoutQuotingTraps() {
        for (String suffix : new String[] {"", "_de", "_fr"}) {
            Properties properties = bundle(suffix);
            for (String key : properties.stringPropertyNames()) {
                String pattern = properties.getProperty(key);
                // GIVEN / WHEN / THEN MessageFormat would swallow text after an ASCII apostrophe
                assertThat(pattern).as("%s%s", key, suffix).doesNotContain("'").isNotBlank();
                // ... and every pattern formats with sample arguments
                String formatted = new MessageFormat(pattern, Locale.ROOT).format(new Object[] {1, 2L, 3, 0.5, 5});
                assertThat(formatted).as("%s%s", key, suffix).doesNotContain("{");
            }
        }
    }

    @Test
    void translationsDifferFromEnglish() {
        // GIVEN a sentence every member sees
        // WHEN / THEN German and French say it in their own words
        assertThat(Texts.forLocale("de").get("error.not-admin")).contains("Server verwalten");
        assertThat(Texts.forLocale("fr").get("error.not-admin")).contains("Gérer le serveur");
        assertThat(Texts.forLocale("en-US").get("error.not-admin")).contains("Manage Server");
    }

    @Test
    void unknownLocalesFallBackToEnglishNotToTheJvmDefault() {
        Locale before = Locale.getDefault();
        try {
            // GIVEN a JVM whose default locale is German
            Locale.setDefault(Locale.GERMAN);

            // WHEN texts are asked for Japanese, British English, a blank and a null locale
            // THEN they are English
            for (String locale : new String[] {"ja", "en-GB", "", null, "xx-YY"}) {
                assertThat(Texts.forLocale(locale).get("setup.done")).as("%s", locale).isEqualTo("Done");
                assertThat(Texts.forLocale(locale).language()).isEqualTo("en");
            }
            assertThat(Texts.forLocale("de").language()).isEqualTo("de");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void numbersAreFormattedForTheLanguage() {
        // GIVEN a leaderboard line with a large count and a share
        // WHEN it is formatted in English and German
        String english = Texts.forLocale("en-US").get("leaderboard.line", "🥇", "1", 12345L, 0.234);
        String german = Texts.forLocale("de").get("leaderboard.line", "🥇", "1", 12345L, 0.234);

        // THEN each uses its own separators
        assertThat(english).contains("12,345").contains("23.4%");
        assertThat(german).contains("12.345").contains("23,4");
    }

    @Test
    void aMissingTextShowsItsKeyInsteadOfFailing() {
        // GIVEN / WHEN / THEN
        assertThat(Texts.english().get("no.such.key")).isEqualTo("no.such.key");
        assertThat(Texts.english().find("no.such.key")).isEmpty();
    }
}

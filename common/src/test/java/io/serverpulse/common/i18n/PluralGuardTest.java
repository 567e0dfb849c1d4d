package io.serverpulse.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps "1 messages" out of the bundles. It checks two things, and only these:
 * <ol>
 * <li>A number argument ({@code {n}} or {@code {n,number…}}) followed, after optional bold
 * ({@code **}) and at most one other word, by a plural noun of {@link #PLURAL_NOUNS} must be chosen
 * by the same argument elsewhere in the text ({@code {n,choice,…}}). An argument that closes a range
 * ("between {1} and {2} days", "de {0} à {1} caractères") is skipped: the noun is the range's.</li>
 * <li>In English and German, 0 takes the plural, so a choice must not start at {@code 1#} (ChoiceFormat
 * gives a number below the first limit the first form: 0 would read "0 message"). French reads 0 as
 * singular, which {@code 1#} already gives.</li>
 * </ol>
 * Texts whose plain argument is a name, not a number ({@link #NAME_ARGUMENTS}), are skipped. Nouns
 * further from their number, or not in the list, are not caught here; {@link PluralFormsTest} checks
 * the sentences members read.
 */
class PluralGuardTest {

    private static final Map<String, Set<String>> PLURAL_NOUNS = Map.of(
            "", Set.of("messages", "channels", "members", "joins", "leaves", "records", "days", "hours", "minutes", "seconds",
                    "files", "rows", "leaderboards", "alerts", "reactions", "characters", "summaries", "providers"),
            "_de", Set.of("Nachrichten", "Kanäle", "Kanälen", "Mitglieder", "Mitgliedern", "Beitritte", "Austritte", "Datensätze",
                    "Tage", "Tagen", "Vortage", "Stunden", "Minuten", "Sekunden", "Dateien", "ZIP-Dateien", "Aktivitätszeilen",
                    "Bestenlisten", "Alarme", "Reaktionen", "Einträge"),
            "_fr", Set.of("messages", "salons", "membres", "arrivées", "départs", "arrivés", "partis", "enregistrements", "jours",
                    "heures", "minutes", "secondes", "fichiers", "lignes", "classements", "alertes", "réactions", "caractères"));

    /** Texts whose {0} is an alert type's name, not a count: "Join raid alerts are on". */
    private static final Set<String> NAME_ARGUMENTS = Set.of("alerts.toggled-on", "alerts.toggled-off", "alerts.factor-unused");
    /** A number argument, then optional bold, and the next one or two words on its line (either may be the noun). */
    private static final Pattern COUNT_THEN_WORDS =
            Pattern.compile("\\{(\\d+)(?:,number(?:,[^}]*)?)?}(?:\\*\\*)?\\h+([\\p{L}-]+)(?:\\h+([\\p{L}-]+))?");
    /** Just before an argument that closes a range: "{1} and ", "{0} bis ", "{0} à ". */
    private static final Pattern RANGE_BEFORE = Pattern.compile("}\\s+(?:and|to|und|bis|et|à)\\s+$");
    private static final Pattern CHOICE_FROM_ONE = Pattern.compile("\\{\\d+,choice,1#");

    @Test
    void noCountIsFollowedByAPluralNounWithoutAChoice() {
        for (String suffix : PLURAL_NOUNS.keySet()) {
            // GIVEN a bundle
            Properties bundle = TextsTest.bundle(suffix);
            List<String> unchosen = new ArrayList<>();
            Set<String> keys = new TreeSet<>(bundle.stringPropertyNames());
            keys.removeAll(NAME_ARGUMENTS);
            for (String key : keys) {
                // WHEN each text is scanned
                unchosen.addAll(unchosenPlurals(bundle.getProperty(key), PLURAL_NOUNS.get(suffix)).stream()
                        .map(hit -> key + suffix + ": " + hit).toList());
            }
            // THEN no count reads "1 <plural>"
            assertThat(unchosen).as("messages%s", suffix).isEmpty();
        }
    }

    @Test
    void zeroTakesThePluralInEnglishAndGerman() {
        for (String suffix : List.of("", "_de")) {
            // GIVEN a bundle where 0 takes the plural
            Properties bundle = TextsTest.bundle(suffix);
            // WHEN its choices are read
            // THEN none starts at 1#, which would give 0 the singular
            assertThat(bundle.stringPropertyNames()).as("messages%s", suffix)
                    .filteredOn(key -> CHOICE_FROM_ONE.matcher(bundle.getProperty(key)).find()).isEmpty();
        }
    }

    @Test
    void theGuardCatchesWhatItIsFor() {
        // GIVEN texts with and without a choice (the guard must be able to fail)
        Set<String> english = PLURAL_NOUNS.get("");
        // WHEN / THEN a bare count before a plural noun is caught, with bold or one word between
        assertThat(unchosenPlurals("✅ ({1} channels collected).", english)).containsExactly("{1} channels collected");
        assertThat(unchosenPlurals("— **{2,number,integer}** messages · x", english)).containsExactly("{2,number,integer}** messages");
        assertThat(unchosenPlurals("{0} deleted messages within {1}", english)).containsExactly("{0} deleted messages");
        assertThat(unchosenPlurals("1 of {0} reads", english)).isEmpty();
        // ... and a chosen one, a range or a noun that is not a plural is not
        assertThat(unchosenPlurals("({1} {1,choice,0#channels|1#channel|1<channels} collected)", english)).isEmpty();
        assertThat(unchosenPlurals("must be between {1} and {2} days.", english)).isEmpty();
        assertThat(unchosenPlurals("peak {0} in {1}, {2} in all", english)).isEmpty();
        assertThat(CHOICE_FROM_ONE.matcher("{0,choice,1#message|1<messages}").find()).isTrue();
        assertThat(CHOICE_FROM_ONE.matcher("{0,choice,0#messages|1#message|1<messages}").find()).isFalse();
    }

    /** Each "{n…} [word] plural" in {@code text} whose argument n is not also chosen with {n,choice,…}. */
    private static List<String> unchosenPlurals(String text, Set<String> pluralNouns) {
        List<String> hits = new ArrayList<>();
        Matcher matcher = COUNT_THEN_WORDS.matcher(text);
        int from = 0;
        while (matcher.find(from)) {
            from = matcher.start() + 1;
            String argument = matcher.group(1);
            boolean plural = pluralNouns.contains(matcher.group(2)) || matcher.group(3) != null && pluralNouns.contains(matcher.group(3));
            boolean chosen = text.contains("{" + argument + ",choice,");
            boolean closesRange = RANGE_BEFORE.matcher(text.substring(0, matcher.start())).find();
            if (plural && !chosen && !closesRange) {
                hits.add(matcher.group());
            }
        }
        return hits;
    }
}

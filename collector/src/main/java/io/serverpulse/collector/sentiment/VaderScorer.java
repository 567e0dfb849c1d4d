package io.serverpulse.collector.sentiment;

import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A lexicon-and-rules sentiment scorer after VADER (Hutto and Gilbert, ICWSM 2014), written for
 * ServerPulse from the heuristics the paper publishes, with the {@link VaderLexicon}:
 *
 * <ol>
 *   <li><b>Words.</b> The text is {@linkplain DiscordText#clean cleaned of Discord markup} and split
 *       on white space; each word is looked up as written (emoticons such as {@code :)}), then
 *       without the punctuation around it. Words of one character that are not in the lexicon are
 *       dropped. A word's valence is its lexicon mean (−4 … +4), 0 if it is not there. Degree
 *       words and negations only modify others: their own valence is 0, as is {@code kind} in
 *       {@code kind of}.</li>
 *   <li><b>Capitals.</b> If the message mixes case (some words ALL CAPS, others not), an ALL-CAPS
 *       sentiment word gains {@value #CAPS_EMPHASIS} in the direction of its valence.</li>
 *   <li><b>Degree words.</b> A booster ({@code very}, {@code really}…) among the three words before a
 *       sentiment word adds {@value #BOOSTER}, a dampener ({@code slightly}, {@code barely}…)
 *       subtracts it, in the direction of the word's valence; the effect is scaled by 1, 0.95 and
 *       0.9 for the first, second and third word back, and an ALL-CAPS degree word in a
 *       mixed-case message adds {@value #CAPS_EMPHASIS} more.</li>
 *   <li><b>Negation.</b> A negation ({@code not}, {@code never}, any {@code …n't}…) among the three words
 *       before a sentiment word multiplies its valence by {@value #NEGATION} (once, however many
 *       there are).</li>
 *   <li><b>"but".</b> Valences before the first {@code but} are halved, those after it multiplied by 1.5.</li>
 *   <li><b>Exclamation marks.</b> Each {@code !} (at most four) adds {@value #EXCLAMATION} to the sum,
 *       in the direction of its sign (nothing when the sum is 0).</li>
 *   <li><b>Compound.</b> The sum s is normalised to {@code s / √(s² + 15)} in (−1, 1):
 *       {@link Sentiment#POSITIVE} from {@value #POSITIVE_FROM}, {@link Sentiment#NEGATIVE} up to
 *       {@value #NEGATIVE_UP_TO}, {@link Sentiment#NEUTRAL} between.</li>
 * </ol>
 * Not implemented: the paper's other refinements (question marks, "least", idioms, the
 * separate positive/negative/neutral proportions); ServerPulse only needs the class.
 *
 * <p>Stateless and thread-safe. Nothing of the text outlives a call.
 */
public final class VaderScorer implements SentimentScorer {

    public static final double CAPS_EMPHASIS = 0.733;
    public static final double BOOSTER = 0.293;
    public static final double NEGATION = -0.74;
    public static final double EXCLAMATION = 0.292;
    public static final double POSITIVE_FROM = 0.05;
    public static final double NEGATIVE_UP_TO = -0.05;
    static final double ALPHA = 15;
    static final int MAX_EXCLAMATIONS = 4;
    static final int WINDOW = 3;
    private static final double[] DISTANCE_SCALE = {1, 0.95, 0.9};

    /** Degree words: +1 boosts, −1 dampens. */
    static final Map<String, Integer> DEGREE = degreeWords();

    /** Negations written as words (every word ending in {@code n't} negates too). */
    static final Set<String> NEGATIONS = Set.of(
            "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot", "without",
            "nope", "nah", "rarely", "seldom",
            "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wont", "wouldnt",
            "shouldnt", "hasnt", "havent", "hadnt", "aint", "mustnt", "neednt", "darent");

    private static final VaderScorer STANDARD = new VaderScorer(VaderLexicon.standard());

    private final VaderLexicon lexicon;

    public VaderScorer(VaderLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** The scorer with the bundled lexicon (loaded once). */
    public static VaderScorer standard() {
        return STANDARD;
    }

    @Override
    public Sentiment score(String text) {
        double compound = compound(text);
        if (compound >= POSITIVE_FROM) {
            return Sentiment.POSITIVE;
        }
        if (compound <= NEGATIVE_UP_TO) {
            return Sentiment.NEGATIVE;
        }
        return Sentiment.NEUTRAL;
    }

    /** VADER's normalised compound score of {@code text}, in (−1, 1); 0 for null or wordless text. */
    public double compound(String text) {
        String cleaned = DiscordText.clean(text);
        List<Word> words = words(cleaned);
        if (words.isEmpty()) {
            return 0;
        }
        boolean mixedCase = mixedCase(words);
        int but = -1;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).lower.equals("but")) {
                but = i;
                break;
            }
        }
        double sum = 0;
        for (int i = 0; i < words.size(); i++) {
            double valence = valence(words, i, mixedCase);
            if (but >= 0 && valence != 0) {
                valence *= i < but ? 0.5 : i > but ? 1.5 : 1;
            }
            sum += valence;
        }
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(MAX_EXCLAMATIONS, count(cleaned, '!')) * EXCLAMATION;
        }
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    /** How many words the scorer would judge in {@code text} (cleaning and splitting only: the benchmark's baseline). */
    public int wordCount(String text) {
        return words(DiscordText.clean(text)).size();
    }

    private double valence(List<Word> words, int i, boolean mixedCase) {
        Word word = words.get(i);
        if (word.modifier() || (word.lower.equals("kind") && i + 1 < words.size() && words.get(i + 1).lower.equals("of"))) {
            return 0;
        }
        double valence = lexicon.valence(word.asWritten);
        if (valence == 0 && !word.bare.equals(word.asWritten)) {
            valence = lexicon.valence(word.bare);
        }
        if (valence == 0) {
            return 0;
        }
        double direction = Math.signum(valence);
        if (mixedCase && word.allCaps) {
            valence += direction * CAPS_EMPHASIS;
        }
        boolean negated = false;
        for (int d = 1; d <= WINDOW && i - d >= 0; d++) {
            Word before = words.get(i - d);
            Integer degree = DEGREE.get(before.lower);
            if (degree != null) {
                double scalar = degree * BOOSTER;
                if (mixedCase && before.allCaps) {
                    scalar += degree * CAPS_EMPHASIS;
                }
                valence += direction * scalar * DISTANCE_SCALE[d - 1];
            }
            negated |= before.negation;
        }
        return negated ? valence * NEGATION : valence;
    }

    private static boolean mixedCase(List<Word> words) {
        int withLetters = 0;
        int caps = 0;
        for (Word word : words) {
            if (word.hasLetters) {
                withLetters++;
                if (word.allCaps) {
                    caps++;
                }
            }
        }
        return caps > 0 && caps < withLetters;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    List<Word> words(String cleaned) {
        List<Word> words = new ArrayList<>();
        int n = cleaned.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(cleaned.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(cleaned.charAt(i))) {
                i++;
            }
            if (i > start) {
                Word word = Word.of(cleaned.substring(start, i).replace('\u2019', '\''), lexicon);
                if (word != null) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** One white-space separated token: as written, without surrounding punctuation, in lower case. */
    record Word(String asWritten, String bare, String lower, boolean allCaps, boolean hasLetters, boolean negation) {

        /** The word, or null for punctuation and single characters that are not lexicon entries (":)" and "<3" are). */
        static Word of(String token, VaderLexicon lexicon) {
            int from = 0;
            int to = token.length();
            while (from < to && !Character.isLetterOrDigit(token.charAt(from))) {
                from++;
            }
            while (to > from && !Character.isLetterOrDigit(token.charAt(to - 1))) {
                to--;
            }
            String bare = token.substring(from, to);
            if (bare.length() <= 1 && !lexicon.contains(token)) {
                return null;
            }
            String key = bare.isEmpty() ? token : bare;
            String lower = key.toLowerCase(Locale.ROOT);
            boolean letters = false;
            boolean lowerCase = false;
            for (int k = 0; k < key.length(); k++) {
                char c = key.charAt(k);
                if (Character.isLetter(c)) {
                    letters = true;
                    lowerCase |= Character.isLowerCase(c);
                }
            }
            boolean caps = letters && !lowerCase && key.codePointCount(0, key.length()) > 1;
            boolean negation = NEGATIONS.contains(lower) || lower.endsWith("n't");
            return new Word(token, key, lower, caps, letters, negation);
        }

        boolean modifier() {
            return negation || DEGREE.containsKey(lower);
        }
    }

    private static Map<String, Integer> degreeWords() {
        Map<String, Integer> degree = new java.util.HashMap<>();
        for (String booster : List.of("absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly",
                "deeply", "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously", "fully",
                "greatly", "highly", "hugely", "incredibly", "intensely", "majorly", "more", "most", "particularly",
                "purely", "quite", "really", "remarkably", "so", "soo", "sooo", "substantially", "super", "thoroughly",
                "too", "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly", "very", "hella",
                "mega", "insanely", "ridiculously", "crazy")) {
            degree.put(booster, 1);
        }
        for (String dampener : List.of("almost", "barely", "hardly", "kinda", "kindof", "less", "little", "marginally",
                "occasionally", "partly", "scarcely", "slightly", "somewhat", "sorta", "sortof")) {
            degree.put(dampener, -1);
        }
        return Map.copyOf(degree);
    }
}

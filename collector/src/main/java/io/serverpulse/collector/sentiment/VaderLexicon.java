package io.serverpulse.collector.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The VADER sentiment lexicon (C.J. Hutto and E. Gilbert, "VADER: A Parsimonious Rule-based Model
 * for Sentiment Analysis of Social Media Text", ICWSM 2014; MIT licence): words, emoticons and
 * slang (7,517 lines, 7,502 distinct tokens), each with the mean valence (−4 … +4) that ten human
 * raters gave it.
 *
 * <p>The file is the resource {@value #RESOURCE}, one entry per line:
 * {@code token<TAB>mean valence<TAB>standard deviation<TAB>[ten ratings]}; only the first two
 * fields are read. It comes from the Maven artifact
 * {@code com.github.apanimesh061:vader-sentiment-analyzer}, of which ServerPulse uses this resource
 * only (none of its code).
 *
 * <p><b>Duplicates.</b> Fifteen tokens (for example {@code lol}, {@code ok}, {@code sob},
 * {@code d:}) appear twice, once among the emoticons and once among the words, each time with the
 * mean of a separate set of ten ratings. They are kept as the average of the two means, which is
 * the mean of all twenty ratings, rather than whichever line happens to come last.
 *
 * <p><b>Case.</b> Tokens are kept as written; {@link #valence} looks a token up as written first (so
 * {@code :D} is the emoticon) and then in lower case (so {@code GOOD} is {@code good}).
 *
 * <p>Immutable and thread-safe; {@link #standard()} loads the resource once per process.
 */
public final class VaderLexicon {

    public static final String RESOURCE = "vader_sentiment_lexicon.txt";

    private final Map<String, Double> valences;

    private VaderLexicon(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    /** The lexicon from the classpath, read once. */
    public static VaderLexicon standard() {
        return Holder.STANDARD;
    }

    /** Reads a lexicon in VADER's format; a malformed line fails with its line number. */
    public static VaderLexicon read(Reader source) throws IOException {
        Objects.requireNonNull(source, "source");
        Map<String, double[]> sums = new HashMap<>();
        BufferedReader lines = source instanceof BufferedReader b ? b : new BufferedReader(source);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            if (fields.length < 2 || fields[0].isBlank()) {
                throw new IllegalArgumentException("lexicon line " + number + ": expected token<TAB>valence");
            }
            double valence;
            try {
                valence = Double.parseDouble(fields[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("lexicon line " + number + ": the valence is not a number", e);
            }
            if (!Double.isFinite(valence) || Math.abs(valence) > 4) {
                throw new IllegalArgumentException("lexicon line " + number + ": the valence is outside -4..4");
            }
            double[] sum = sums.computeIfAbsent(fields[0].strip(), t -> new double[2]);
            sum[0] += valence;
            sum[1]++;
        }
        Map<String, Double> valences = new HashMap<>(sums.size() * 2);
        sums.forEach((token, sum) -> valences.put(token, sum[0] / sum[1]));
        return new VaderLexicon(valences);
    }

    /**
     * The valence of {@code token} as written, else of its lower case; 0 when it is in neither form
     * (a word the raters would call neutral is not in the lexicon either).
     */
    public double valence(String token) {
        Double exact = valences.get(token);
        if (exact != null) {
            return exact;
        }
        Double lower = valences.get(lower(token));
        return lower == null ? 0 : lower;
    }

    /** Whether {@code token} (as written or in lower case) is in the lexicon. */
    public boolean contains(String token) {
        return valences.containsKey(token) || valences.containsKey(lower(token));
    }

    /** The number of distinct tokens. */
    public int size() {
        return valences.size();
    }

    private static String lower(String token) {
        return token.toLowerCase(java.util.Locale.ROOT);
    }

    private static final class Holder {
        static final VaderLexicon STANDARD = load();

        private static VaderLexicon load() {
            try (InputStream in = VaderLexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the sentiment lexicon " + RESOURCE + " is not on the classpath");
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the sentiment lexicon " + RESOURCE, e);
            }
        }
    }
}

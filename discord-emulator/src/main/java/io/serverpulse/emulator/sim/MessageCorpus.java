package io.serverpulse.emulator.sim;

import static io.serverpulse.common.metrics.ActivityEvent.Sentiment.NEGATIVE;
import static io.serverpulse.common.metrics.ActivityEvent.Sentiment.NEUTRAL;
import static io.serverpulse.common.metrics.ActivityEvent.Sentiment.POSITIVE;

import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The message texts of simulated communities. Every sentence carries at least one made-up word
 * (a <em>distinctive token</em> such as {@code quorvexil}) that appears in no language, no JSON
 * field and no id, so the privacy tests can search the bot's storage and logs for these tokens: any
 * hit means message text leaked.
 *
 * <p>The corpus is fixed (built from a constant seed), so every scenario, every run and every
 * machine uses the same texts.
 *
 * <p>Each sentence also has a {@linkplain #mood mood}, the ground truth of sentiment counts: the
 * templates are positive, neutral and negative in roughly 1 : 2 : 1.
 */
public final class MessageCorpus {

    private static final String[] ONSETS = {
        "qu", "zh", "vr", "xy", "kl", "bj", "dw", "gn", "th", "fj", "pl", "skr", "tz", "vl", "zw", "kv"
    };
    private static final String[] NUCLEI = {"a", "e", "i", "o", "u", "y", "ae", "io", "ou", "ei"};
    private static final String[] CODAS = {"x", "rn", "lk", "v", "zz", "q", "mph", "rth", "nd", "sk", "l", "r"};

    /**
     * The sentence patterns, each with the mood a human reader gives it (assigned by hand when the
     * template was written, never computed). The made-up words carry no feeling, so every sentence
     * of a template has the template's mood. Moods are meant to be unambiguous: a template a reader
     * could take either way is rewritten, not relabelled.
     */
    private static final List<Template> TEMPLATES = List.of(
        new Template("did anyone try the %s build yet?", NEUTRAL),
        new Template("lol the %s is back again", POSITIVE),
        new Template("honestly %s was the best part of the stream", POSITIVE),
        new Template("can someone explain how %s works with %s?", NEUTRAL),
        new Template("brb, feeding my %s", NEUTRAL),
        new Template("the new %s patch broke my %s setup", NEGATIVE),
        new Template("good morning everyone, %s time", POSITIVE),
        new Template("who is online for %s tonight?", NEUTRAL),
        new Template("%s > %s, change my mind", NEUTRAL),
        new Template("just finished reading about %s, wild stuff", NEUTRAL),
        new Template("my cat knocked the %s off the desk again", NEUTRAL),
        new Template("is the %s event still on this weekend?", NEUTRAL),
        new Template("pro tip: charge your %s before the raid", NEUTRAL),
        new Template("i made a tiny %s in my garden", NEUTRAL),
        new Template("wait, why is %s trending", NEUTRAL),
        new Template("rate my %s out of ten", NEUTRAL),
        new Template("anyone else getting %s errors today?", NEGATIVE),
        new Template("that %s clip was hilarious", POSITIVE),
        new Template("we should add a %s channel", NEUTRAL),
        new Template("ngl the %s soundtrack is amazing", POSITIVE),
        new Template("reminder: %s meetup at 8", NEUTRAL),
        new Template("%s and %s are basically the same thing", NEUTRAL),
        new Template("new personal best on %s!", POSITIVE),
        new Template("thanks for the %s tips yesterday", POSITIVE),
        new Template("ugh, the %s servers are down again", NEGATIVE),
        new Template("i hate how %s crashes every single time", NEGATIVE),
        new Template("not happy with the %s changes at all", NEGATIVE),
        new Template("the %s map looks nice but the controls are awful", NEGATIVE),
        new Template("lost my whole %s save, this is terrible", NEGATIVE),
        new Template("the %s queue is SO slow, worst update ever", NEGATIVE),
        new Template("sorry, i can't make it to %s, feeling sick", NEGATIVE),
        new Template("the %s stream starts at 9 utc", NEUTRAL),
        new Template("which channel is for %s questions?", NEUTRAL),
        new Template("the %s finale was SO good!!", POSITIVE),
        new Template("congrats on the %s win, well played", POSITIVE));

    private static final MessageCorpus STANDARD = build(120, 480, 0x5EED_C0DEL);

    private final List<String> tokens;
    private final List<String> texts;
    private final Map<String, Sentiment> moods;

    private MessageCorpus(List<String> tokens, List<String> texts, Map<String, Sentiment> moods) {
        this.tokens = List.copyOf(tokens);
        this.texts = List.copyOf(texts);
        this.moods = Map.copyOf(moods);
    }

    /**
     * A sentence pattern ({@code %s} for each made-up word) and the mood a human reader gives it.
     */
    public record Template(String pattern, Sentiment mood) {
        public Template {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(mood, "mood");
        }
    }

    /** Every template, with its human-assigned mood, in corpus order. */
    public static List<Template> templates() {
        return TEMPLATES;
    }

    /** The corpus every scenario uses. */
    public static MessageCorpus standard() {
        return STANDARD;
    }

    /** Every sentence a simulated message can carry. */
    public List<String> allTexts() {
        return texts;
    }

    /** The made-up words; each sentence contains at least one, each appears in at least one sentence. */
    public List<String> distinctiveTokens() {
        return tokens;
    }

    /**
     * The mood a human reader gives {@code text} (that of its template): the ground truth for
     * sentiment counts.
     *
     * @throws IllegalArgumentException if {@code text} is not a sentence of this corpus
     */
    public Sentiment mood(String text) {
        Sentiment mood = moods.get(text);
        if (mood == null) {
            throw new IllegalArgumentException("not a sentence of the corpus (its mood is unknown)");
        }
        return mood;
    }

    /** One sentence, uniformly. */
    public String pick(SplittableRandom random) {
        return texts.get(random.nextInt(texts.size()));
    }

    /**
     * The distinctive tokens found in {@code haystack} (case-insensitive), in corpus order: empty when
     * no message text leaked into it.
     */
    public Set<String> leakedTokens(CharSequence haystack) {
        String lower = haystack.toString().toLowerCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        for (String token : tokens) {
            if (lower.contains(token)) {
                found.add(token);
            }
        }
        return Collections.unmodifiableSet(found);
    }

    static MessageCorpus build(int tokenCount, int sentenceCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> unique = new TreeSet<>();
        List<String> tokens = new ArrayList<>();
        while (tokens.size() < tokenCount) {
            StringBuilder word = new StringBuilder();
            int syllables = 3;
            for (int s = 0; s < syllables; s++) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]).append(NUCLEI[random.nextInt(NUCLEI.length)]);
            }
            word.append(CODAS[random.nextInt(CODAS.length)]);
            String token = word.toString();
            // no token may contain another one, so a hit names exactly the tokens really present
            boolean clash = unique.stream().anyMatch(t -> t.contains(token) || token.contains(t));
            if (!clash && unique.add(token)) {
                tokens.add(token);
            }
        }
        List<String> texts = new ArrayList<>(sentenceCount);
        Map<String, Sentiment> moods = new HashMap<>();
        int next = 0;
        for (int i = 0; texts.size() < sentenceCount; i++) {
            Template template = TEMPLATES.get(i % TEMPLATES.size());
            int slots = template.pattern().split("%s", -1).length - 1;
            Object[] words = new Object[slots];
            for (int s = 0; s < slots; s++) {
                // the first slot walks through every token in turn, so each appears at least once
                words[s] = s == 0 ? tokens.get(next++ % tokens.size()) : tokens.get(random.nextInt(tokens.size()));
            }
            String text = String.format(Locale.ROOT, template.pattern(), words);
            if (moods.putIfAbsent(text, template.mood()) == null) {
                texts.add(text);
            }
        }
        return new MessageCorpus(tokens, texts, moods);
    }
}

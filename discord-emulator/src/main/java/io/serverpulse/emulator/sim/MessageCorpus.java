package io.serverpulse.emulator.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 */
public final class MessageCorpus {

    private static final String[] ONSETS = {
        "qu", "zh", "vr", "xy", "kl", "bj", "dw", "gn", "th", "fj", "pl", "skr", "tz", "vl", "zw", "kv"
    };
    private static final String[] NUCLEI = {"a", "e", "i", "o", "u", "y", "ae", "io", "ou", "ei"};
    private static final String[] CODAS = {"x", "rn", "lk", "v", "zz", "q", "mph", "rth", "nd", "sk", "l", "r"};

    private static final String[] TEMPLATES = {
        "did anyone try the %s build yet?",
        "lol the %s is back again",
        "honestly %s was the best part of the stream",
        "can someone explain how %s works with %s?",
        "brb, feeding my %s",
        "the new %s patch broke my %s setup",
        "good morning everyone, %s time",
        "who wants to play %s tonight?",
        "%s > %s, fight me",
        "just finished reading about %s, wild stuff",
        "my cat knocked the %s off the desk again",
        "is the %s event still on this weekend?",
        "pro tip: never trust a %s before coffee",
        "i made a tiny %s in my garden",
        "ok but why is %s trending",
        "rate my %s out of ten",
        "anyone else getting %s errors today?",
        "that %s clip was hilarious",
        "we should add a %s channel",
        "ngl the %s soundtrack slaps",
        "reminder: %s meetup at 8",
        "%s and %s are basically the same thing",
        "new personal best on %s!",
        "thanks for the %s tips yesterday",
    };

    private static final MessageCorpus STANDARD = build(120, 480, 0x5EED_C0DEL);

    private final List<String> tokens;
    private final List<String> texts;

    private MessageCorpus(List<String> tokens, List<String> texts) {
        this.tokens = List.copyOf(tokens);
        this.texts = List.copyOf(texts);
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
        Set<String> seen = new LinkedHashSet<>();
        int next = 0;
        for (int i = 0; texts.size() < sentenceCount; i++) {
            String template = TEMPLATES[i % TEMPLATES.length];
            int slots = template.split("%s", -1).length - 1;
            Object[] words = new Object[slots];
            for (int s = 0; s < slots; s++) {
                // the first slot walks through every token in turn, so each appears at least once
                words[s] = s == 0 ? tokens.get(next++ % tokens.size()) : tokens.get(random.nextInt(tokens.size()));
            }
            String text = String.format(Locale.ROOT, template, words);
            if (seen.add(text)) {
                texts.add(text);
            }
        }
        return new MessageCorpus(tokens, texts);
    }
}

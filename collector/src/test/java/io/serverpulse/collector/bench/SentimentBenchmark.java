package io.serverpulse.collector.bench;

import io.serverpulse.collector.sentiment.VaderScorer;
import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import io.serverpulse.emulator.sim.MessageCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The sentiment scorer on {@value #MESSAGES} messages: the emulator corpus's 480 sentences as
 * written, and the same sentences as Discord delivers them with markup around (a user mention, a
 * custom emoji, a link, a unicode emoji), so the cleaning does real work. {@code score} is the
 * whole scorer; {@code tokenize} only cleans the markup and splits the words (the baseline: what
 * any text handling costs before a lexicon is consulted). Scores are messages per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SentimentBenchmark {

    static final int MESSAGES = 960;

    private final VaderScorer scorer = VaderScorer.standard();
    private List<String> messages;

    @Setup
    public void setUp() {
        List<String> corpus = MessageCorpus.standard().allTexts();
        messages = new ArrayList<>(corpus);
        for (int i = 0; i < corpus.size(); i++) {
            messages.add("<@" + (100_000_000_000_000_000L + i) + "> " + corpus.get(i) + " <:blob_" + i + ":"
                    + (200_000_000_000_000_000L + i) + "> https://example.com/clip/" + i + (i % 2 == 0 ? " 😂" : " 😭"));
        }
        if (messages.size() != MESSAGES) {
            throw new IllegalStateException(messages.size() + " messages, not " + MESSAGES);
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void score(Blackhole blackhole) {
        for (String message : messages) {
            Sentiment sentiment = scorer.score(message);
            blackhole.consume(sentiment);
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void tokenize(Blackhole blackhole) {
        for (String message : messages) {
            blackhole.consume(scorer.wordCount(message));
        }
    }
}

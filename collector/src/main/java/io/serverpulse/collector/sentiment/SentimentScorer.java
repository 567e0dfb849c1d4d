package io.serverpulse.collector.sentiment;

import io.serverpulse.common.metrics.ActivityEvent.Sentiment;

/**
 * Scores one message's text, in memory, as positive, neutral or negative. Implementations are
 * thread-safe, keep nothing of the text, and never put it into an exception or a log line.
 */
@FunctionalInterface
public interface SentimentScorer {

    /** The class of {@code text}; {@link Sentiment#NEUTRAL} for null, empty or wordless text. */
    Sentiment score(String text);
}

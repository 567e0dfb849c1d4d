package io.serverpulse.collector.sentiment;

import io.serverpulse.common.config.ServerPulseConfig;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at start-up whether sentiment counts are available, and says so once in the log: only
 * when the operator set {@code ENABLE_MESSAGE_CONTENT_INTENT=true} (the bot then asks Discord for
 * message content). In that case JDA's raw-payload logging is filtered first
 * ({@link RawPayloadLogFilter}), since those payloads now carry text.
 */
public final class SentimentSetup {

    private static final Logger log = LoggerFactory.getLogger(SentimentSetup.class);

    private SentimentSetup() {
    }

    /** The scorer when {@code messageContentIntent} is on (the lexicon is loaded now, so a broken one fails at start-up). */
    public static Optional<SentimentScorer> scorer(boolean messageContentIntent) {
        if (!messageContentIntent) {
            log.info("Sentiment counts are off: {} is not set, so ServerPulse does not ask Discord for message content"
                    + " and a guild's sentiment opt-in has no effect", ServerPulseConfig.MESSAGE_CONTENT_INTENT);
            return Optional.empty();
        }
        RawPayloadLogFilter.install();
        VaderScorer scorer = VaderScorer.standard();
        log.info("Sentiment counts are available ({}=true): for guilds that opt in, each message is scored in memory"
                        + " with the VADER lexicon ({} entries) and dropped; only positive/neutral/negative counts per"
                        + " channel-hour are kept", ServerPulseConfig.MESSAGE_CONTENT_INTENT, VaderLexicon.standard().size());
        return Optional.of(scorer);
    }
}

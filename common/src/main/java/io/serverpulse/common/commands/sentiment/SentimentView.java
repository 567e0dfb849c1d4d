package io.serverpulse.common.commands.sentiment;

import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.commands.sentiment.SentimentSummary.ChannelCounts;
import io.serverpulse.common.commands.sentiment.SentimentSummary.Counts;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.settings.GuildSettings;

/** How sentiment counts read in Discord: the summary embed, and the line in {@code /serverpulse status}. */
public final class SentimentView {

    private SentimentView() {
    }

    static String periodName(Period period, Texts texts) {
        return texts.get("choice.period." + period.label());
    }

    /**
     * @param enabled whether the guild is opted in now (counts may remain from before it opted out)
     * @param scoring whether this deployment scores messages now
     */
    public static Embed embed(SentimentSummary summary, boolean enabled, boolean scoring, Texts texts) {
        Counts overall = summary.overall();
        StringBuilder description = new StringBuilder()
                .append(share("sentiment.positive", overall.positive(), overall, texts)).append('\n')
                .append(share("sentiment.neutral", overall.neutral(), overall, texts)).append('\n')
                .append(share("sentiment.negative", overall.negative(), overall, texts))
                .append("\n\n").append(texts.get("sentiment.summary.scored", overall.total()));
        if (!enabled) {
            description.append('\n').append(texts.get("sentiment.summary.counting-off"));
        } else if (!scoring) {
            description.append('\n').append(texts.get("sentiment.summary.operator-off"));
        }
        StringBuilder channels = new StringBuilder();
        for (ChannelCounts channel : summary.channels()) {
            Counts counts = channel.counts();
            channels.append(texts.get("sentiment.summary.channel-line", Long.toUnsignedString(channel.channelId()), counts.total(),
                    counts.share(counts.positive()), counts.share(counts.neutral()), counts.share(counts.negative())))
                    .append('\n');
        }
        return Embed.builder()
                .title(texts.get("sentiment.summary.title", periodName(summary.period(), texts)))
                .description(description.toString())
                .field(texts.get("sentiment.summary.channels"), channels.toString().strip(), false)
                .footer(texts.get("sentiment.summary.footer"))
                .build();
    }

    private static String share(String labelKey, long count, Counts of, Texts texts) {
        return texts.get("sentiment.summary.share", texts.get(labelKey), count, of.share(count));
    }

    /** The guild's sentiment state for {@code /serverpulse status}. */
    public static String status(GuildSettings settings, boolean scoring, Texts texts) {
        String state = texts.get(settings.sentimentEnabled() ? "status.sentiment-on" : "status.sentiment-off");
        if (!scoring) {
            return texts.get("status.sentiment-unavailable", state);
        }
        return settings.sentimentEnabled() ? state : texts.get("status.sentiment-off-hint", state);
    }
}

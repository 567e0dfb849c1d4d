package io.serverpulse.common.commands.leaderboard;

import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import java.util.List;

/** How a leaderboard reads in Discord: an embed with rank, member mention, count and share. */
public final class LeaderboardView {

    private static final List<String> MEDALS = List.of("🥇", "🥈", "🥉");

    private LeaderboardView() {
    }

    public static String periodName(Period period, Texts texts) {
        return texts.get("choice.period." + period.label());
    }

    /** The share's basis, and, if events of the period could not be counted, how many. */
    static String footer(LeaderboardData data, Texts texts) {
        String footer = texts.get("leaderboard.footer", data.total());
        return data.droppedEvents() == 0 ? footer : texts.get("leaderboard.dropped", data.droppedEvents()) + "\n" + footer;
    }

    /** The empty-leaderboard text, with how many events could not be counted if any. */
    public static String emptyText(String text, LeaderboardData data, Texts texts) {
        return data.droppedEvents() == 0 ? text : text + "\n" + texts.get("leaderboard.dropped", data.droppedEvents());
    }

    /** @param chartFile the attached chart's file name, or null for none */
    public static Embed embed(LeaderboardData data, Texts texts, String chartFile) {
        String period = periodName(data.period(), texts);
        StringBuilder description = new StringBuilder();
        if (data.channelId() != BucketKey.ALL_CHANNELS) {
            description.append(texts.get("leaderboard.in-channel", "<#" + Long.toUnsignedString(data.channelId()) + ">"))
                    .append("\n\n");
        }
        List<MemberCount> entries = data.entries();
        for (int i = 0; i < entries.size(); i++) {
            MemberCount entry = entries.get(i);
            String rank = i < MEDALS.size() ? MEDALS.get(i) : "**" + (i + 1) + ".**";
            description.append(texts.get("leaderboard.line", rank, Long.toUnsignedString(entry.memberId()), entry.count(),
                    data.share(entry))).append('\n');
        }
        Embed.Builder embed = Embed.builder()
                .title(texts.get(data.channelId() == BucketKey.ALL_CHANNELS ? "leaderboard.title.guild" : "leaderboard.title.channel",
                        period))
                .description(description.toString().strip())
                .footer(footer(data, texts));
        if (chartFile != null) {
            embed.image("attachment://" + chartFile);
        }
        return embed.build();
    }
}

package io.serverpulse.common.store.contract;

import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.privacy.MemberOptOut;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.GuildDataVisitor;
import io.serverpulse.common.store.Store;
import java.util.ArrayList;
import java.util.List;

/** Everything an export handed over, for assertions. */
public final class Exported implements GuildDataVisitor {

    public final List<GuildSettings> settings = new ArrayList<>();
    public final List<BucketRow> buckets = new ArrayList<>();
    public final List<MemberEvent> memberEvents = new ArrayList<>();
    public final List<AlertRecord> alerts = new ArrayList<>();
    public final List<AiSummary> summaries = new ArrayList<>();
    public final List<CachedLeaderboard> leaderboards = new ArrayList<>();
    public final List<MemberOptOut> optOuts = new ArrayList<>();

    public static Exported of(Store store, long guildId) {
        Exported exported = new Exported();
        store.exportGuild(guildId, exported);
        return exported;
    }

    /** The number of stored rows the export visited. */
    public long rows() {
        return (long) settings.size() + buckets.size() + memberEvents.size() + alerts.size() + summaries.size()
                + leaderboards.size() + optOuts.size();
    }

    @Override
    public void settings(GuildSettings value) {
        settings.add(value);
    }

    @Override
    public void bucket(BucketRow row) {
        buckets.add(row);
    }

    @Override
    public void memberEvent(MemberEvent event) {
        memberEvents.add(event);
    }

    @Override
    public void alert(AlertRecord alert) {
        alerts.add(alert);
    }

    @Override
    public void summary(AiSummary summary) {
        summaries.add(summary);
    }

    @Override
    public void leaderboard(CachedLeaderboard leaderboard) {
        leaderboards.add(leaderboard);
    }

    @Override
    public void optOut(MemberOptOut optOut) {
        optOuts.add(optOut);
    }
}

package io.serverpulse.common.store;

import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.digest.DigestRecord;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.privacy.MemberOptOut;
import io.serverpulse.common.settings.GuildSettings;

/** Receives a guild's rows during an export. Default methods ignore what a visitor does not need. */
public interface GuildDataVisitor {

    default void settings(GuildSettings settings) {
    }

    default void bucket(BucketRow row) {
    }

    default void memberEvent(MemberEvent event) {
    }

    default void alert(AlertRecord alert) {
    }

    default void summary(AiSummary summary) {
    }

    default void leaderboard(CachedLeaderboard leaderboard) {
    }

    default void optOut(MemberOptOut optOut) {
    }

    default void digest(DigestRecord digest) {
    }
}

package io.serverpulse.common.store;

import io.serverpulse.common.ai.SummaryStore;
import io.serverpulse.common.alerts.AlertStore;
import io.serverpulse.common.digest.DigestLedger;
import io.serverpulse.common.leaderboard.LeaderboardCacheStore;
import io.serverpulse.common.members.MemberEventStore;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.quota.UsageCounterStore;
import io.serverpulse.common.privacy.OptOutStore;
import io.serverpulse.common.settings.SettingsStore;

/**
 * The storage port: everything ServerPulse persists. Two adapters implement it (MongoDB, SQLite)
 * and both pass one contract suite. Every read and write is scoped by guild id. Implementations
 * are thread-safe, create their schema and indexes idempotently when opened, and throw
 * {@link StoreException} when the database cannot be reached.
 */
public interface Store extends SettingsStore, MetricsStore, MemberEventStore, AlertStore, SummaryStore,
        LeaderboardCacheStore, OptOutStore, DigestLedger, UsageCounterStore, GuildDataStore, AutoCloseable {

    /**
     * A short description for the operator's logs, e.g. {@code sqlite:data/serverpulse.db}. Never contains
     * credentials, and is never shown in Discord (it names the database's host or path).
     */
    String describe();

    /** True when the database answers right now. */
    boolean healthy();

    @Override
    void close();
}

package io.serverpulse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.GuildSettingsJson;
import io.serverpulse.common.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigrationsTest {

    @TempDir
    Path dataDir;

    @Test
    void openingTwiceAppliesTheSchemaOnceAndRecordsItsVersion() throws Exception {
        // GIVEN a new data directory
        // WHEN the store is opened, closed and opened again
        SqliteStore.open(dataDir).close();
        SqliteStore.open(dataDir).close();

        // THEN every version is recorded once, and every table exists
        try (Db db = Db.connect(dataDir)) {
            assertThat(db.longs("SELECT version FROM schema_version ORDER BY version"))
                    .containsExactlyElementsOf(Migrations.ALL.stream().map(m -> (long) m.version()).toList());
            List<String> tables = db.strings("SELECT name FROM sqlite_master WHERE type = 'table'");
            for (BucketKind kind : BucketKind.values()) {
                assertThat(tables).contains(kind.collection());
            }
            assertThat(tables).contains("guild_settings", "member_events", "alerts", "ai_summaries", "leaderboard_cache",
                    "applied_batches", "schema_version");
            assertThat(db.strings("PRAGMA journal_mode")).containsExactly("wal");
        }
    }

    @Test
    void migratingAnUpToDateDatabaseDoesNothing() throws Exception {
        // GIVEN a database at the latest version
        SqliteStore.open(dataDir).close();

        // WHEN the migrations run again on it
        int applied;
        try (Db db = Db.connect(dataDir)) {
            applied = Migrations.migrate(db.connection, Clock.systemUTC());

            // THEN none is applied and the version is the latest
            assertThat(applied).isZero();
            assertThat(Migrations.currentVersion(db.connection)).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void storesOpenedAtTheSameTimeMigrateOnce() throws Exception {
        // GIVEN a new data directory
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<SqliteStore> stores = new ArrayList<>();
        try {
            // WHEN three stores open it at the same time
            List<Future<SqliteStore>> opening = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opening.add(pool.submit(() -> SqliteStore.open(dataDir)));
            }
            for (Future<SqliteStore> future : opening) {
                stores.add(future.get(60, TimeUnit.SECONDS));
            }

            // THEN all open, and each version was applied once
            try (Db db = Db.connect(dataDir)) {
                assertThat(db.count("schema_version")).isEqualTo(Migrations.ALL.size());
            }
            assertThat(stores).allSatisfy(store -> assertThat(store.healthy()).isTrue());
        } finally {
            stores.forEach(SqliteStore::close);
            pool.shutdownNow();
        }
    }

    @Test
    void settingsWrittenAtSchemaVersion1AreMigratedAndUpdatedOnTopOfWhatTheyHeld() throws Exception {
        // GIVEN a database of schema version 1 (before settings had a version) holding a guild's settings
        GuildSettings old = GuildSettings.defaults(42).withCollectChannels(Set.of(7L, 8L), Instant.EPOCH);
        java.nio.file.Files.createDirectories(dataDir);
        try (Db db = Db.connect(dataDir)) {
            db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL,"
                    + " applied_at INTEGER NOT NULL)");
            for (String sql : Migrations.statements(Migrations.ALL.get(0).script())) {
                db.execute(sql);
            }
            db.execute("INSERT INTO schema_version VALUES (1, 'initial schema', 0)");
            db.execute("INSERT INTO guild_settings (guild_id, json, updated_at) VALUES (42, '"
                    + GuildSettingsJson.toJson(old).replace("'", "''") + "', 0)");
        }

        // WHEN this version opens it and updates the settings twice
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            store.updateSettings(42, current -> current.withDigest(DigestFrequency.NONE, Instant.EPOCH));
            store.updateSettings(42, current -> current.withSentiment(true, Instant.EPOCH));

            // THEN the old settings read back with both changes, now at version 2 of their row
            assertThat(store.settings(42)).isEqualTo(old.withDigest(DigestFrequency.NONE, Instant.EPOCH)
                    .withSentiment(true, Instant.EPOCH));
        }
        try (Db db = Db.connect(dataDir)) {
            assertThat(db.longs("SELECT version FROM guild_settings WHERE guild_id = 42")).containsExactly(2L);
            assertThat(Migrations.currentVersion(db.connection)).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefused() throws Exception {
        // GIVEN a database a newer ServerPulse migrated further
        SqliteStore.open(dataDir).close();
        try (Db db = Db.connect(dataDir)) {
            db.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 0)");
        }

        // WHEN this version opens it
        // THEN it refuses, saying why
        assertThatThrownBy(() -> SqliteStore.open(dataDir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("upgrade ServerPulse");
    }

    @Test
    void summariesAndSettingsWrittenAtVersion1StillReadAfterTheUpgrade() throws Exception {
        // GIVEN a database at version 1 holding a summary and settings of that time
        try (Db db = Db.connect(dataDir)) {
            db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL,"
                    + " applied_at INTEGER NOT NULL)");
            for (String sql : Migrations.statements(Migrations.ALL.get(0).script())) {
                db.execute(sql);
            }
            db.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (1, 'initial schema', 0)");
            db.execute("INSERT INTO ai_summaries (guild_id, period_key, provider, model, text, created_at, expire_at)"
                    + " VALUES (42, 'weekly:2026-11-16', 'GROQ', 'llama-test', 'Quiet week.', 1763900000000, 1779452000000)");
            db.execute("INSERT INTO guild_settings (guild_id, json, updated_at) VALUES (42, '{\"guild_id\": 42, \"digest\":"
                    + " \"WEEKLY\", \"ai_provider\": \"GROQ\", \"ai_key_ciphertext\": \"v1:c2VhbGVk\", \"updated_at\":"
                    + " \"2026-11-20T10:00:00Z\"}', 0)");
        }

        // WHEN this version opens it
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            // THEN the summary reads, without a numbers hash (never reused as a cache hit) and with 0 tokens
            AiSummary summary = store.summary(42, "weekly:2026-11-16").orElseThrow();
            assertThat(summary.text()).isEqualTo("Quiet week.");
            assertThat(summary.provider()).isEqualTo(AiProvider.GROQ);
            assertThat(summary.inputHash()).isEmpty();
            assertThat(summary.inputTokens()).isZero();
            // AND the settings read as one provider with its key and no fallback
            GuildSettings settings = store.settings(42);
            assertThat(settings.aiChain()).containsExactly(new AiProviderEntry(AiProvider.GROQ, null, "v1:c2VhbGVk"));
            assertThat(settings.aiFallbacks()).isEmpty();
        }
    }

    @Test
    void migrationsAreNumberedInOrderAndEveryScriptParses() {
        // GIVEN the list of migrations
        // WHEN their scripts are read
        // THEN versions run 1, 2, … and each script has statements, all complete
        for (int i = 0; i < Migrations.ALL.size(); i++) {
            Migrations.Migration migration = Migrations.ALL.get(i);
            assertThat(migration.version()).isEqualTo(i + 1);
            assertThat(Migrations.statements(migration.script()))
                    .isNotEmpty()
                    .allSatisfy(sql -> assertThat(sql).endsWith(";").doesNotStartWith("--"));
        }
    }
}

package io.serverpulse.collector.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.MongoDump;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.ai.ProviderCheck;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AI keys as an admin enters them ({@code /ai-provider set}, then the key modal), stored by the real
 * command core in both databases: the plain key is nowhere in either (every table and collection
 * read, and the SQLite file byte by byte); a rotation of the master key re-seals them; a sealed key
 * copied into another guild's settings does not open.
 */
class AiKeyStorageTest {

    private static final long GUILD = 1176201535215009852L;
    private static final String KEY = "sk-test-FAKE0000000000000000000000wxyz";
    private static final byte[] OLD = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T18:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void thePlainKeyIsNowhereInTheSqliteDatabase() throws Exception {
        // GIVEN / WHEN an admin stores a key into SQLite
        try (SqliteStore store = SqliteStore.open(dir)) {
            enterKey(store, new SecretSealer(OLD));
            String sealed = store.settings(GUILD).aiKeyCiphertext();
            assertThat(new SecretSealer(OLD).open(GUILD, sealed)).isEqualTo(KEY);

            // THEN no column of any table holds it, nor do the files' bytes
            String everything = sqliteRows(dir);
            assertThat(everything).contains("guild_settings", sealed).doesNotContain(KEY).doesNotContain(KEY.substring(8));
            assertThat(files(dir)).doesNotContain(KEY).doesNotContain(KEY.substring(8));
        }
    }

    @Test
    void thePlainKeyIsNowhereInMongoDb() {
        // GIVEN / WHEN an admin stores a key into MongoDB (the wire-protocol stand-in)
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        try (MongoStore store = MongoStores.connect(uri + "/serverpulse")) {
            enterKey(store, new SecretSealer(OLD));
            String sealed = store.settings(GUILD).aiKeyCiphertext();

            // THEN no document of any collection of any database holds it
            String everything = MongoDump.everyDocument(uri);
            assertThat(everything).contains("guild_settings").contains(sealed).doesNotContain(KEY).doesNotContain(KEY.substring(8));
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void startingWithANewMasterKeyAndThePreviousOneReSealsTheStoredKeys() throws Exception {
        // GIVEN a key stored under the old master key
        SimulatedCommunity sim = Scenarios.small(3);
        try (DiscordEmulator discord = TestBots.emulator(sim); SqliteStore store = SqliteStore.open(dir)) {
            enterKey(store, new SecretSealer(OLD));
            String old = store.settings(GUILD).aiKeyCiphertext();

            // WHEN the bot starts with SERVERPULSE_MASTER_KEY set to a new key and SERVERPULSE_MASTER_KEY_PREVIOUS to the old one
            ServerPulseConfig config = TestBots.config(discord, Map.of(
                    ServerPulseConfig.MASTER_KEY, Base64.getEncoder().encodeToString(NEW),
                    ServerPulseConfig.MASTER_KEY_PREVIOUS, Base64.getEncoder().encodeToString(OLD)));
            Collector collector = TestBots.collector(discord, config, store, new SimulatedClock(sim.start()), new GatewayProgress())
                    .start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!new SecretSealer(NEW).isCurrent(store.settings(GUILD).aiKeyCiphertext()) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                collector.shutdown();
            }

            // THEN the stored key is sealed with the new key, opens without the old one, and the old sealed value is gone
            String resealed = store.settings(GUILD).aiKeyCiphertext();
            assertThat(resealed).startsWith("v2:" + SecretSealer.keyId(NEW) + ":");
            assertThat(new SecretSealer(NEW).open(GUILD, resealed)).isEqualTo(KEY);
            assertThat(sqliteRows(dir)).doesNotContain(old).doesNotContain(KEY);
        }
    }

    @Test
    void aSealedKeyCopiedIntoAnotherGuildDoesNotOpen() {
        // GIVEN a key stored for one guild, whose sealed value is copied into another guild's settings
        try (SqliteStore store = SqliteStore.open(dir)) {
            SecretSealer sealer = new SecretSealer(OLD);
            enterKey(store, sealer);
            long other = GUILD + 1;
            store.saveSettings(GuildSettings.defaults(other).withAiChain(store.settings(GUILD).aiChain(), CLOCK.instant()));

            // WHEN / THEN it opens for its own guild only: for the other, the provider check reports an unreadable key
            // and never calls the provider
            assertThatThrownBy(() -> sealer.open(other, store.settings(other).aiKeyCiphertext()))
                    .isInstanceOf(SecretSealer.SealedSecretException.class);
            ProviderCheck check = new ProviderCheck(call -> {
                throw new AssertionError("a provider was called with a key that should not open");
            }, Optional.of(sealer));
            assertThat(check.check(other, store.settings(other).aiChain().get(0)).status()).isEqualTo(ProviderCheck.Status.KEY_UNREADABLE);
        }
    }

    /** {@code /ai-provider set openai}, then the key modal, through the command core on {@code store}. */
    private static void enterKey(Store store, SecretSealer sealer) {
        InteractionHandler handler = new InteractionHandler(store, CommandRegistry.standard(Optional.of(sealer), false), CLOCK);
        for (String fixture : List.of("ai-provider-set.json", "ai-provider-key-submit.json")) {
            InteractionOutcome outcome = handler.handle(fixture(fixture));
            assertThat(outcome).isInstanceOf(InteractionOutcome.Respond.class);
            assertThat(((InteractionOutcome.Respond) outcome).response().json()).doesNotContain(KEY);
        }
        assertThat(store.settings(GUILD).aiKeyCiphertext()).isNotNull();
    }

    private static String fixture(String name) {
        try (InputStream in = AiKeyStorageTest.class.getResourceAsStream("/interactions/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every value of every row of every table, as text. */
    private static String sqliteRows(Path dataDir) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteStore.FILE_NAME));
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("guild_settings", "member_opt_outs", "ai_summaries");
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        out.append(table);
                        for (int i = 1; i <= columns; i++) {
                            out.append(' ').append(rows.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** The data directory's files (database, write-ahead log), byte by byte. */
    private static String files(Path dataDir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.toList()) {
                out.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return out.toString();
    }
}

package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.settings.Retention;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies metric batches idempotently: every upsert of a batch and the batch id (into
 * {@code applied_batches}) in one {@code BEGIN IMMEDIATE} transaction, after checking that the id
 * is not there yet. A batch is therefore either applied completely, with its id recorded, or not
 * at all; a retry of an applied batch finds its id and writes nothing. Ids are kept for
 * {@link SqliteStore#BATCH_ID_RETENTION} and pruned by the sweep ({@link GuildData}).
 */
final class MetricWriter {

    private static final Logger LOG = LoggerFactory.getLogger(MetricWriter.class);

    private final SqliteConnection db;
    private final SettingsRows settings;
    private final Clock clock;
    private final ApplyFaultHook faultHook;
    private final EnumMap<BucketKind, PreparedStatement> upserts = new EnumMap<>(BucketKind.class);

    /**
     * @param clock times applied batch ids (nothing else: every other time comes from the data)
     * @param faultHook called before each write of a batch ({@link ApplyFaultHook#NONE} in production)
     */
    MetricWriter(SqliteConnection db, SettingsRows settings, Clock clock, ApplyFaultHook faultHook) throws SQLException {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.faultHook = faultHook;
        for (BucketKind kind : BucketKind.values()) {
            upserts.put(kind, db.keep(BucketSql.upsert(kind)));
        }
    }

    void apply(MetricBatch batch) {
        db.locked("apply metric batch " + batch.batchId(), () -> {
            if (batch.isEmpty()) {
                return null;
            }
            return db.inTransaction(() -> {
                if (applied(batch.batchId())) {
                    LOG.debug("metric batch {} was already applied; nothing to do", batch.batchId());
                    return null;
                }
                Map<Long, Retention> retentions = new HashMap<>();
                List<Increment> increments = batch.increments();
                for (int i = 0; i < increments.size(); i++) {
                    faultHook.beforeWrite(batch, i);
                    Increment increment = increments.get(i);
                    long guildId = increment.key().guildId();
                    Retention retention = retentions.get(guildId);
                    if (retention == null) {
                        retention = settings.retention(guildId);
                        retentions.put(guildId, retention);
                    }
                    upsert(increment, settings.policy().expireAt(increment.key(), retention));
                }
                faultHook.beforeWrite(batch, increments.size());
                Instant now = clock.instant();
                db.update("INSERT INTO applied_batches (batch_id, applied_at, expire_at, increments) VALUES (?, ?, ?, ?)",
                        batch.batchId(), now.toEpochMilli(), now.plus(SqliteStore.BATCH_ID_RETENTION).toEpochMilli(),
                        increments.size());
                return null;
            });
        });
    }

    private boolean applied(String batchId) throws SQLException {
        try (PreparedStatement query = db.prepare("SELECT 1 FROM applied_batches WHERE batch_id = ?", batchId);
             ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    private void upsert(Increment increment, Instant expireAt) throws SQLException {
        BucketKey key = increment.key();
        PreparedStatement upsert = upserts.get(key.kind());
        upsert.setLong(1, key.guildId());
        upsert.setLong(2, key.channelId());
        upsert.setLong(3, key.start().toEpochMilli());
        upsert.setLong(4, key.memberId());
        upsert.setString(5, key.emoji());
        upsert.setLong(6, expireAt.toEpochMilli());
        int column = 7;
        for (Counter counter : Counter.values()) {
            upsert.setLong(column++, increment.delta(counter));
        }
        upsert.executeUpdate();
    }
}

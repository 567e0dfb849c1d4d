/**
 * The embedded SQLite storage adapter ({@link io.serverpulse.store.sqlite.SqliteStore}), the
 * default when {@code MONGODB_URI} is unset: one file under {@code SERVERPULSE_DATA_DIR}.
 * {@code SqliteStore} is a facade over one class per role (settings, metric writes, metric reads,
 * guild records, whole-guild data) sharing one {@code SqliteConnection}: one connection, one lock.
 *
 * <h2>Why a metric batch is never counted twice</h2>
 * A batch carries an id. {@code apply} runs one {@code BEGIN IMMEDIATE} transaction that (1) looks
 * the id up in {@code applied_batches} and stops if it is there, (2) upserts every increment
 * ({@code INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n}), (3) records the id, and (4)
 * commits. SQLite makes the four steps atomic and durable together, so after a crash, a timeout,
 * a {@code SQLITE_BUSY} or any exception the batch is either wholly in (and its id with it: a
 * retry is a no-op) or wholly out (a retry applies it once). The contract suite in {@code common}
 * proves this with batches applied twice and with transactions killed part-way through the
 * {@link io.serverpulse.store.sqlite.ApplyFaultHook} the tests open the store with.
 */
package io.serverpulse.store.sqlite;

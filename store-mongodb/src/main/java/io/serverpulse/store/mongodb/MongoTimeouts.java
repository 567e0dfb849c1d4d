package io.serverpulse.store.mongodb;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the MongoDB driver may wait, chosen for who is waiting. A connection string's own
 * {@code serverSelectionTimeoutMS}, {@code socketTimeoutMS} and {@code timeoutMS} take precedence.
 *
 * <ul>
 *   <li><b>server selection</b>: how long an operation waits for a reachable server (a database that is down, or
 *       a DNS/SRV lookup that hangs) before it fails;</li>
 *   <li><b>connect</b>: one TCP (and TLS) connection attempt;</li>
 *   <li><b>socket read</b>: how long a connected operation waits for the server's reply; a server that keeps the
 *       connection open and stops answering fails the operation after this, instead of holding the thread;</li>
 *   <li><b>operation</b> (optional): the driver's client-side operation timeout ({@code timeoutMS}). It bounds
 *       each whole operation (server selection, connection checkout, every round trip) and sends the remaining
 *       time as {@code maxTimeMS} with every query and command, so the server too gives up on a query nobody waits
 *       for any more. With it, the socket read timeout is not used (the remaining operation time is). The driver
 *       marks this setting {@code @Alpha} (its API may still change); it is the mechanism the MongoDB drivers
 *       specify for exactly this.</li>
 * </ul>
 *
 * @param indexCreation the operation timeout for creating indexes at start-up, which may build an index on a
 *     large collection (only with an operation timeout)
 */
public record MongoTimeouts(Duration serverSelection, Duration connect, Duration socketRead, Optional<Duration> operation,
                            Duration indexCreation) {

    /**
     * For the collector, alert-function and the self-hosted tools: writes in bulk, nobody waiting on a screen.
     * Five seconds to find a server; a minute for a reply (a large bulk of upserts may take a while); no operation
     * timeout.
     */
    public static final MongoTimeouts BACKGROUND = new MongoTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(60), Optional.empty(), Duration.ofSeconds(60));

    /**
     * For answering an interaction, whose first answer must leave within Discord's 3 seconds: 2 s to find a server,
     * 2 s to connect, and every operation over after 2 s (its queries carry {@code maxTimeMS} of what is left).
     * A command whose reads do not return within its budget is answered without them anyway; these bound how long
     * such a read still occupies a thread (and the database) afterwards.
     */
    public static final MongoTimeouts INTERACTIVE = new MongoTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Optional.of(Duration.ofSeconds(2)), Duration.ofSeconds(60));

    /**
     * For the worker that finishes a deferred command (leaderboards with charts over a big guild, exports): 5 s to
     * find a server, 20 s per operation — well inside the interaction token's 15 minutes, so the worker always
     * reports back.
     */
    public static final MongoTimeouts WORKER = new MongoTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2),
            Duration.ofSeconds(20), Optional.of(Duration.ofSeconds(20)), Duration.ofSeconds(60));

    public MongoTimeouts {
        positive(serverSelection, "serverSelection");
        positive(connect, "connect");
        positive(socketRead, "socketRead");
        Objects.requireNonNull(operation, "operation").ifPresent(d -> positive(d, "operation"));
        positive(indexCreation, "indexCreation");
        if (connect.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connect timeout too long: " + connect);
        }
    }

    /** These timeouts with another server-selection (and connect) timeout. */
    public MongoTimeouts withServerSelection(Duration timeout) {
        return new MongoTimeouts(timeout, timeout, socketRead, operation, indexCreation);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + name + " timeout must be positive: " + duration);
        }
    }
}

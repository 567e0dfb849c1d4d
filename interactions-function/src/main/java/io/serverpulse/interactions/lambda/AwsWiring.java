package io.serverpulse.interactions.lambda;

import io.serverpulse.aws.scheduler.EventBridgeDigestSchedules;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.lazy.Lazy;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.store.Store;
import io.serverpulse.interactions.deferred.DeferredRunner;
import io.serverpulse.interactions.deferred.FollowUpSender;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.interactions.http.CommandLane;
import io.serverpulse.interactions.http.ReplayGuard;
import io.serverpulse.interactions.store.StoreConnection;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.mongodb.MongoTimeouts;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the handlers' dependencies once, from the configuration (secrets read from SSM Parameter
 * Store, see {@link RestoredSecrets}), for the Lambda runtime. Every required setting is checked before
 * anything connects, so a missing one fails the init with one line naming it. MongoDB is connected in the
 * background and waited for during the init ({@link #CONNECT_WAIT}; with SnapStart, before the snapshot): a
 * database that is down then does not fail the init, commands are told "storage unavailable" until it
 * answers, and PINGs never need it.
 */
final class AwsWiring {

    /** The worker function's name, ARN or {@code name:alias}; set by template.yaml. */
    static final String WORKER_FUNCTION_NAME = "WORKER_FUNCTION_NAME";
    /** How long the init waits for the first MongoDB connection (Lambda allows an init 10 s). */
    static final Duration CONNECT_WAIT = Duration.ofSeconds(4);
    /**
     * How long a rebuild after a SnapStart restore (a secret changed) waits for MongoDB: the restore runs inside the
     * first request's time, so a database that does not answer must leave a PING most of Discord's 3 seconds.
     */
    static final Duration RESTORE_CONNECT_WAIT = Duration.ofSeconds(1);
    /**
     * Command threads per container. Lambda sends a container one request at a time; a command whose reads hang
     * keeps its thread until the driver's timeouts end it (2 s), so a few are enough to never make a member wait.
     */
    static final int COMMAND_THREADS = 4;

    private AwsWiring() {
    }

    /** The interactions function's endpoint, the command core behind it, the hand-off to the worker and the store. */
    record Endpoint(InteractionsEndpoint endpoint, InteractionHandler handler, LambdaDeferredDispatcher dispatcher, Store store,
                    CommandLane lane) {

        /** Closes what it opened: its command threads and its store. */
        void close() {
            lane.close();
            store.close();
        }
    }

    /** The worker's runner and its store. */
    record Worker(DeferredRunner runner, Store store) {
    }

    static Endpoint endpoint(ServerPulseConfig config, EnvSource env) {
        return endpoint(config, env, CONNECT_WAIT);
    }

    /**
     * @param connectWait how long to wait for the first MongoDB connection: {@link #CONNECT_WAIT} at the init,
     *                    {@link #RESTORE_CONNECT_WAIT} when rebuilt after a restore
     */
    static Endpoint endpoint(ServerPulseConfig config, EnvSource env, Duration connectWait) {
        String publicKey = config.requireDiscordPublicKey();
        String worker = env.require(WORKER_FUNCTION_NAME, "the deferred worker function's name or ARN");
        String mongoUri = config.requireMongoUri();
        Ed25519SignatureVerifier verifier = new Ed25519SignatureVerifier(publicKey);
        MongoStores.checkUri(mongoUri);
        RetentionPolicy retention = config.retentionPolicy();
        StoreConnection store = StoreConnection.start(() -> MongoStores.connect(mongoUri, MongoTimeouts.INTERACTIVE, retention),
                "commands");
        store.awaitReady(connectWait);
        InteractionHandler handler = InteractionHandler.create(config, store.store(), EventBridgeDigestSchedules.ifConfigured(env));
        LambdaDeferredDispatcher dispatcher = new LambdaDeferredDispatcher(LambdaDeferredDispatcher::defaultClient, worker);
        CommandLane lane = new CommandLane(COMMAND_THREADS, COMMAND_THREADS * 4, CommandLane.DEFAULT_BUDGET, store);
        InteractionsEndpoint endpoint = new InteractionsEndpoint(verifier, Lazy.built(handler), dispatcher, lane,
                ReplayGuard.forMaxAge(InteractionsEndpoint.DEFAULT_MAX_AGE), Clock.systemUTC(), InteractionsEndpoint.DEFAULT_MAX_AGE);
        return new Endpoint(endpoint, handler, dispatcher, store.store(), lane);
    }

    static DeferredRunner runner(ServerPulseConfig config) {
        return worker(config).runner();
    }

    static Worker worker(ServerPulseConfig config) {
        String mongoUri = config.requireMongoUri();
        MongoStores.checkUri(mongoUri);
        RetentionPolicy retention = config.retentionPolicy();
        StoreConnection store = StoreConnection.start(() -> MongoStores.connect(mongoUri, MongoTimeouts.WORKER, retention), "worker");
        store.awaitReady(CONNECT_WAIT);
        InteractionHandler handler = InteractionHandler.create(config, store.store(),
                EventBridgeDigestSchedules.ifConfigured(EnvSource.fromEnvironment()));
        // webhook edits are authorised by the interaction token: the worker needs no bot token
        return new Worker(new DeferredRunner(handler, new FollowUpSender(DiscordRest.create(config.discordApiBaseUrl(),
                Optional.empty()))), store.store());
    }
}

package io.serverpulse.interactions.local;

import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.aws.secrets.AwsSecrets;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.lazy.Lazy;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.interactions.deferred.DeferredRunner;
import io.serverpulse.interactions.deferred.ExecutorDeferredDispatcher;
import io.serverpulse.interactions.deferred.FollowUpSender;
import io.serverpulse.interactions.http.CommandLane;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.interactions.http.ReplayGuard;
import io.serverpulse.interactions.http.ThrowawaySigner;
import io.serverpulse.interactions.store.StoreConnection;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.mongodb.MongoTimeouts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Runs the interactions endpoint as a local HTTP server: {@code java -jar interactions-function-…-lambda.jar}.
 * Point the application's "Interactions Endpoint URL" at it through a tunnel or a reverse proxy with TLS.
 *
 * <p>The port opens first: PINGs are answered before MongoDB is reached, which happens in the background (and
 * is retried until it succeeds; the log says when storage is ready). What a PING does not need is built after
 * the port is open or on first use: the MongoDB clients, the command core, the HTTP client for the worker's
 * webhook edits. Deferred commands are finished by worker threads in this process, on their own MongoDB client
 * with longer timeouts.
 *
 * <p>Settings (environment or {@code .env}): {@code DISCORD_PUBLIC_KEY}, {@code MONGODB_URI} (required),
 * {@code SERVERPULSE_MASTER_KEY} (to store AI keys), {@code DISCORD_TOKEN} (optional: to confirm a channel the
 * interaction did not resolve), {@code INTERACTIONS_BIND} (default {@code 127.0.0.1}), {@code INTERACTIONS_PORT}
 * (8080), {@code INTERACTIONS_THREADS} (command threads, 8), {@code INTERACTIONS_QUEUE} (commands waiting, 64),
 * {@code INTERACTIONS_WORKERS} (2), {@code INTERACTIONS_WORKER_QUEUE} (256),
 * {@code INTERACTIONS_MAX_CONNECTIONS} (512), {@code INTERACTIONS_MAX_CONNECTIONS_PER_ADDRESS} (64),
 * {@code INTERACTIONS_REQUEST_DEADLINE_MS} (1000), {@code DISCORD_API_BASE_URL}.
 */
public final class LocalServerMain {

    public static final String BIND = "INTERACTIONS_BIND";
    public static final String PORT = "INTERACTIONS_PORT";
    public static final String THREADS = "INTERACTIONS_THREADS";
    public static final String QUEUE = "INTERACTIONS_QUEUE";
    public static final String WORKERS = "INTERACTIONS_WORKERS";
    public static final String WORKER_QUEUE = "INTERACTIONS_WORKER_QUEUE";
    public static final String MAX_CONNECTIONS = "INTERACTIONS_MAX_CONNECTIONS";
    public static final String MAX_CONNECTIONS_PER_ADDRESS = "INTERACTIONS_MAX_CONNECTIONS_PER_ADDRESS";
    public static final String REQUEST_DEADLINE_MS = "INTERACTIONS_REQUEST_DEADLINE_MS";
    /** Threads that verify and answer; they never wait for the store. */
    static final int ANSWER_THREADS = 2;
    /**
     * How long after the port opened the rest (MongoDB, the command core) waits for the first request to be answered
     * before it is built anyway: on a busy machine, building it beside the first request delays that request's answer.
     */
    static final Duration STARTUP_GRACE = Duration.ofMillis(300);

    private LocalServerMain() {
    }

    public static void main(String[] args) {
        // logging is set up on another thread while the port opens: until it is ready, loggers record and replay
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "logging-init");
        logging.setDaemon(true);
        logging.start();
        if (args.length == 1 && args[0].equals("--train-cds")) {
            // the build's AppCDS training run (see CdsTraining)
            CdsTraining.run();
            System.exit(0);
        }
        try {
            EnvSource env = EnvSource.fromEnvironment();
            Running running = start(AwsSecrets.load(env), env);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "interactions-shutdown"));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("Could not start the interactions endpoint: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Builds everything from the settings and starts serving; storage connects in the background. */
    public static Running start(ServerPulseConfig config, EnvSource env) {
        String publicKey = config.requireDiscordPublicKey();
        String mongoUri = config.mongoUri().orElseThrow(() -> new ConfigException(ServerPulseConfig.MONGODB_URI,
                "Missing required setting " + ServerPulseConfig.MONGODB_URI + ": the standalone interactions endpoint reads"
                        + " and writes MongoDB. With the embedded SQLite store, the collector answers commands itself"
                        + " (set it in the environment or in .env; see .env.example)"));
        String bind = env.get(BIND).orElse("127.0.0.1");
        int port = env.intValue(PORT, 8080, 0, 65_535);
        int threads = env.intValue(THREADS, 8, 1, 256);
        int queue = env.intValue(QUEUE, 64, 1, 10_000);
        int workers = env.intValue(WORKERS, 2, 1, 64);
        int workerQueue = env.intValue(WORKER_QUEUE, 256, 1, 10_000);
        int maxConnections = env.intValue(MAX_CONNECTIONS, FrontLimits.DEFAULTS.maxConnections(), 1, 100_000);
        FrontLimits limits = FrontLimits.DEFAULTS
                .withConnections(maxConnections, Math.min(maxConnections, env.intValue(MAX_CONNECTIONS_PER_ADDRESS,
                        FrontLimits.DEFAULTS.maxPerAddress(), 1, 100_000)))
                .withRequestDeadline(Duration.ofMillis(env.intValue(REQUEST_DEADLINE_MS,
                        (int) FrontLimits.DEFAULTS.requestDeadline().toMillis(), 100, 60_000)));
        Ed25519SignatureVerifier verifier = verifier(publicKey);
        Thread warmUp = new Thread(LocalServerMain::warmUpEd25519, "ed25519-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();

        RetentionPolicy retention = config.retentionPolicy();
        StoreConnection commands = new StoreConnection(() -> MongoStores.connect(mongoUri, MongoTimeouts.INTERACTIVE, retention),
                "commands");
        StoreConnection deferred = new StoreConnection(() -> MongoStores.connect(mongoUri, MongoTimeouts.WORKER, retention), "worker");
        Lazy<InteractionHandler> core = Lazy.of(() -> InteractionHandler.create(config, commands.store()));
        Lazy<DeferredRunner> runner = Lazy.of(() -> new DeferredRunner(InteractionHandler.create(config, deferred.store()),
                new FollowUpSender(DiscordRest.create(config.discordApiBaseUrl(), Optional.empty()))));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(workerQueue), LocalInteractionsServer.namedDaemons("interactions-worker-"));
        CommandLane lane = new CommandLane(threads, queue, CommandLane.DEFAULT_BUDGET, commands);
        InteractionsEndpoint endpoint = new InteractionsEndpoint(verifier, core,
                new ExecutorDeferredDispatcher(pool, payload -> runner.get().run(payload)), lane,
                ReplayGuard.forMaxAge(InteractionsEndpoint.DEFAULT_MAX_AGE), Clock.systemUTC(), InteractionsEndpoint.DEFAULT_MAX_AGE);
        LocalInteractionsServer server;
        try {
            server = LocalInteractionsServer.start(new InetSocketAddress(bind, port), endpoint, ANSWER_THREADS, limits);
        } catch (RuntimeException e) {
            pool.shutdownNow();
            lane.close();
            throw e;
        }
        Running running = new Running(server, lane, pool, commands, deferred);
        // the port is open: now what a PING never needs
        try {
            MongoStores.checkUri(mongoUri);
        } catch (IllegalArgumentException e) {
            running.close();
            throw new ConfigException(ServerPulseConfig.MONGODB_URI, "Invalid " + ServerPulseConfig.MONGODB_URI + ": " + e.getMessage());
        }
        Thread startup = new Thread(() -> {
            // what a PING never needs: after the first answer, or a moment after the port opened if none came
            server.awaitFirstAnswer(STARTUP_GRACE);
            LoggerFactory.getLogger(LocalServerMain.class).info(
                    "Interactions endpoint listening on {} (answers PINGs; storage connects in the background)", server.uri());
            commands.start();
            deferred.start();
            core.get();
        }, "interactions-startup");
        startup.setDaemon(true);
        startup.start();
        return running;
    }

    /**
     * Signs and verifies once with a throwaway key, while the port opens: the first Ed25519 operation in a process
     * builds Bouncy Castle's precomputed tables and its service registry, which the first PING would otherwise wait
     * for. (The tables are shared; the throwaway key is not kept.)
     */
    private static void warmUpEd25519() {
        ThrowawaySigner key = new ThrowawaySigner();
        byte[] message = "warm-up".getBytes(StandardCharsets.US_ASCII);
        new Ed25519SignatureVerifier(key.publicKeyHex()).verify(key.sign("", message), "", message);
    }

    private static Ed25519SignatureVerifier verifier(String publicKey) {
        try {
            return new Ed25519SignatureVerifier(publicKey);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ServerPulseConfig.DISCORD_PUBLIC_KEY, "Invalid " + ServerPulseConfig.DISCORD_PUBLIC_KEY
                    + ": " + e.getMessage());
        }
    }

    /** A started endpoint and what it owns; {@link #close()} stops serving, lets workers finish, closes the stores. */
    public record Running(LocalInteractionsServer server, CommandLane lane, ThreadPoolExecutor workers, StoreConnection commands,
                          StoreConnection deferred) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            lane.close();
            workers.shutdown();
            try {
                if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
            commands.close();
            deferred.close();
        }
    }
}

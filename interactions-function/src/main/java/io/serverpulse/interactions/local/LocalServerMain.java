package io.serverpulse.interactions.local;

import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.aws.secrets.AwsSecrets;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.interactions.deferred.DeferredRunner;
import io.serverpulse.interactions.deferred.ExecutorDeferredDispatcher;
import io.serverpulse.interactions.deferred.FollowUpSender;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.store.mongodb.MongoStore;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the interactions endpoint as a local HTTP server: {@code java -jar interactions-function-…-lambda.jar}.
 * Point the application's "Interactions Endpoint URL" at it through a tunnel or a reverse proxy with TLS.
 * Deferred commands are finished by worker threads in this process.
 *
 * <p>Settings (environment or {@code .env}): {@code DISCORD_PUBLIC_KEY}, {@code MONGODB_URI} (required),
 * {@code SERVERPULSE_MASTER_KEY} (to store AI keys), {@code INTERACTIONS_BIND} (default {@code 127.0.0.1}),
 * {@code INTERACTIONS_PORT} (default 8080), {@code INTERACTIONS_THREADS} (default 8),
 * {@code INTERACTIONS_WORKERS} (default 2), {@code DISCORD_API_BASE_URL}.
 */
public final class LocalServerMain {

    public static final String BIND = "INTERACTIONS_BIND";
    public static final String PORT = "INTERACTIONS_PORT";
    public static final String THREADS = "INTERACTIONS_THREADS";
    public static final String WORKERS = "INTERACTIONS_WORKERS";
    /** Deferred commands waiting for a worker thread; beyond this the member is told to try again. */
    static final int WORKER_QUEUE = 256;

    private LocalServerMain() {
    }

    public static void main(String[] args) {
        try {
            EnvSource env = EnvSource.fromEnvironment();
            Running running = start(AwsSecrets.load(env), env);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "interactions-shutdown"));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (StoreException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("Could not start the interactions endpoint: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Builds everything from the settings and starts serving. */
    public static Running start(ServerPulseConfig config, EnvSource env) {
        String publicKey = config.requireDiscordPublicKey();
        String mongoUri = config.mongoUri().orElseThrow(() -> new ConfigException(ServerPulseConfig.MONGODB_URI,
                "Missing required setting " + ServerPulseConfig.MONGODB_URI + ": the standalone interactions endpoint reads"
                        + " and writes MongoDB. With the embedded SQLite store, the collector answers commands itself"
                        + " (set it in the environment or in .env; see .env.example)"));
        String bind = env.get(BIND).orElse("127.0.0.1");
        int port = env.intValue(PORT, 8080, 0, 65_535);
        int threads = env.intValue(THREADS, 8, 1, 256);
        int workers = env.intValue(WORKERS, 2, 1, 64);
        Ed25519SignatureVerifier verifier = verifier(publicKey);
        Store store = MongoStore.connect(mongoUri);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WORKER_QUEUE), LocalInteractionsServer.namedDaemons("interactions-worker-"));
        try {
            InteractionHandler handler = InteractionHandler.create(config, store);
            DeferredRunner runner = new DeferredRunner(handler,
                    new FollowUpSender(DiscordRest.create(config.discordApiBaseUrl(), Optional.empty())));
            InteractionsEndpoint endpoint = new InteractionsEndpoint(verifier, handler, ExecutorDeferredDispatcher.of(pool, runner));
            LocalInteractionsServer server = LocalInteractionsServer.start(new InetSocketAddress(bind, port), endpoint, threads);
            return new Running(server, pool, store);
        } catch (RuntimeException e) {
            pool.shutdownNow();
            store.close();
            throw e;
        }
    }

    private static Ed25519SignatureVerifier verifier(String publicKey) {
        try {
            return new Ed25519SignatureVerifier(publicKey);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ServerPulseConfig.DISCORD_PUBLIC_KEY, "Invalid " + ServerPulseConfig.DISCORD_PUBLIC_KEY
                    + ": " + e.getMessage());
        }
    }

    /** A started endpoint and what it owns; {@link #close()} stops serving, lets workers finish, closes the store. */
    public record Running(LocalInteractionsServer server, ThreadPoolExecutor workers, Store store) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            workers.shutdown();
            try {
                if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
            store.close();
        }
    }
}

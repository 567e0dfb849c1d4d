package io.serverpulse.collector.app;

import io.serverpulse.aws.secrets.AwsSecrets;
import io.serverpulse.collector.gateway.DiscordUnreachableException;
import io.serverpulse.collector.health.HealthServer;
import io.serverpulse.collector.health.HealthSettings;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.DeploymentMode;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.KeyRotation;
import io.serverpulse.common.crypto.MasterKeys;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import java.io.PrintStream;
import java.util.Optional;
import java.time.Instant;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;

/**
 * {@code java -Xmx256m -jar serverpulse-collector.jar}: the bot (the heap bound in force is logged once it
 * runs: {@link HeapBound}). Configuration comes from the environment over
 * {@code ./.env}. It connects to Discord with {@code DISCORD_TOKEN} and runs until SIGTERM (then
 * flushes and exits). Secrets named by {@code *_SSM_PARAMETER} variables are read from SSM Parameter
 * Store first (AWS mode). A configuration error (a missing token, a malformed {@code .env} line, an
 * unusable {@code SERVERPULSE_DATA_DIR}, a {@code COLLECTOR_HEALTH_PORT} that cannot be bound) prints one line
 * naming it and exits with status 2. With {@code COLLECTOR_HEALTH_PORT} set, {@code GET /health} says whether
 * it is ready ({@link HealthServer}). The self-hosted {@code serverpulse.jar} (module {@code demo}) calls {@link #start} when it has a token,
 * and plays its demo when it has none.
 *
 * <p>{@code java -jar serverpulse-collector.jar reseal-keys} (or {@code serverpulse.jar reseal-keys}):
 * a one-off tool that re-seals every stored AI key with the current master key
 * ({@code SERVERPULSE_MASTER_KEY}, opening old ones with {@code SERVERPULSE_MASTER_KEY_PREVIOUS}), in
 * the database the configuration names, then exits: 0 when every key is current, 1 when some did not
 * open, 2 on a configuration error.
 */
public final class Main {

    /** {@link #start} returns this when the bot is running (the JVM then lives on in JDA's threads). */
    public static final int RUNNING = -1;
    public static final int CONFIG_ERROR = 2;
    public static final int START_ERROR = 1;
    public static final String RESEAL_KEYS = "reseal-keys";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && RESEAL_KEYS.equals(args[0])) {
            System.exit(resealKeys(EnvSource.fromEnvironment(), AwsSecrets::ssm, System.out, System.err));
        }
        int status;
        try {
            status = start(EnvSource.fromEnvironment(), System.err, System::exit);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            status = CONFIG_ERROR;
        }
        if (status != RUNNING) {
            System.exit(status);
        }
    }

    static int start(EnvSource env, PrintStream err) {
        return start(env, err, status -> { });
    }

    /**
     * Starts the bot; returns {@link #RUNNING} once it runs, else the exit status (one line printed on {@code err}).
     *
     * @param exit ends the process with a status later, when the running bot cannot go on (Discord
     *     refused its gateway intents); called on a thread of its own
     */
    public static int start(EnvSource env, PrintStream err, IntConsumer exit) {
        return start(env, AwsSecrets::ssm, err, exit);
    }

    /** @param secrets the parameter store of {@code *_SSM_PARAMETER} variables, built only if one is set */
    static int start(EnvSource env, Supplier<? extends SecretParameters.Store> secrets, PrintStream err, IntConsumer exit) {
        ServerPulseConfig config;
        Optional<HealthServer> health;
        try {
            config = SecretParameters.load(env, secrets);
            // what the collector cannot start without is named first (as the collector would), then the health endpoint
            // listens, answering "starting" until the shards connect: a port it cannot bind is a start-up mistake too
            Collector.requireSettings(config, false);
            requireChartsWhenSelfHosted(config, ModuleLayer.boot());
            health = HealthSettings.load(env).open();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return CONFIG_ERROR;
        }
        Collector collector;
        try {
            collector = Collector.builder(config)
                    .onGatewayRefused(() -> new Thread(() -> exit.accept(START_ERROR), "serverpulse-exit").start())
                    .start();
        } catch (RuntimeException e) {
            health.ifPresent(HealthServer::close);
            return failedStart(e, err);
        }
        health.ifPresent(server -> server.serve(collector::readiness));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            health.ifPresent(HealthServer::stopping);
            collector.close();
            health.ifPresent(HealthServer::close);
        }, "serverpulse-shutdown"));
        HeapBound.log(); // once running: a start-up mistake stays one line
        return RUNNING;
    }

    /**
     * The self-hosted mode answers slash commands, and {@code /topmessagers} draws a chart with Java's {@code java.desktop}
     * module, which the collector's image (a Java runtime made for the AWS mode) leaves out: there, say so at start.
     */
    static void requireChartsWhenSelfHosted(ServerPulseConfig config, ModuleLayer modules) {
        if (config.mode() == DeploymentMode.SELF_HOSTED && modules.findModule("java.desktop").isEmpty()) {
            throw new ConfigException(ServerPulseConfig.MODE, "Invalid " + ServerPulseConfig.MODE + "=self-hosted: this Java"
                    + " runtime has no java.desktop module, which the self-hosted bot draws its charts with. The collector's"
                    + " image runs the AWS mode (" + ServerPulseConfig.MODE + "=aws); run the self-hosted bot on a full"
                    + " Java 17 (java -jar serverpulse.jar)");
        }
    }

    /** One line on {@code err} for a collector that could not start; the exit status. */
    private static int failedStart(RuntimeException e, PrintStream err) {
        if (e instanceof ConfigException) {
            err.println(e.getMessage());
            return CONFIG_ERROR;
        } else if (e instanceof StoreException) {
            err.println("Could not open the database: " + e.getMessage());
        } else if (e instanceof DiscordUnreachableException) {
            err.println(e.getMessage());
        } else if (e instanceof InvalidTokenException) {
            err.println("Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token)");
        } else {
            err.println("Could not start ServerPulse: " + e.getMessage());
        }
        return START_ERROR;
    }

    /** The {@code reseal-keys} tool; returns the exit status. */
    public static int resealKeys(EnvSource env, Supplier<? extends SecretParameters.Store> secrets, PrintStream out, PrintStream err) {
        try {
            ServerPulseConfig config = SecretParameters.load(env, secrets);
            SecretSealer sealer = config.mode() == DeploymentMode.SELF_HOSTED ? MasterKeys.selfHosted(config)
                    : new SecretSealer(config.requireMasterKey(), config.previousMasterKey());
            try (Store store = StoreFactory.open(config)) {
                KeyRotation.Report report = KeyRotation.resealAll(store, sealer, Instant.now());
                out.printf("Re-sealed %d AI keys of %d guilds with master key %s; %d did not open with the configured keys.%n",
                        report.keys(), report.guilds(), sealer.currentKeyId(), report.unopened());
                return report.unopened() > 0 ? START_ERROR : 0;
            }
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return CONFIG_ERROR;
        } catch (StoreException e) {
            err.println("Could not open the database: " + e.getMessage());
            return START_ERROR;
        }
    }
}

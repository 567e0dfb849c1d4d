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
import io.serverpulse.common.store.StoreException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;

/**
 * {@code java -jar serverpulse-collector.jar}: the bot. Configuration comes from the environment over
 * {@code ./.env}. It connects to Discord with {@code DISCORD_TOKEN} and runs until SIGTERM (then
 * flushes and exits). Secrets named by {@code *_SSM_PARAMETER} variables are read from SSM Parameter
 * Store first (AWS mode). A configuration error (a missing token, a malformed {@code .env} line, an
 * unusable {@code SERVERPULSE_DATA_DIR}, a {@code COLLECTOR_HEALTH_PORT} that cannot be bound) prints one line
 * naming it and exits with status 2. With {@code COLLECTOR_HEALTH_PORT} set, {@code GET /health} says whether
 * it is ready ({@link HealthServer}). The self-hosted {@code serverpulse.jar} (module {@code demo}) calls {@link #start} when it has a token,
 * and plays its demo when it has none.
 */
public final class Main {

    /** {@link #start} returns this when the bot is running (the JVM then lives on in JDA's threads). */
    public static final int RUNNING = -1;
    public static final int CONFIG_ERROR = 2;
    public static final int START_ERROR = 1;

    private Main() {
    }

    public static void main(String[] args) {
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
            config.requireDiscordToken();
            requireChartsWhenSelfHosted(config, ModuleLayer.boot());
            if (config.mode() == DeploymentMode.AWS) {
                config.requireAlertQueueUrl();
                config.requireMongoUri();
            }
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
}

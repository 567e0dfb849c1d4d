package io.serverpulse.collector.app;

import io.serverpulse.aws.secrets.AwsSecrets;
import io.serverpulse.collector.gateway.DiscordUnreachableException;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.store.StoreException;
import java.io.PrintStream;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;

/**
 * {@code java -Xmx256m -jar serverpulse-collector.jar}: the bot (the heap bound in force is logged once it
 * runs: {@link HeapBound}). Configuration comes from the environment over
 * {@code ./.env}. It connects to Discord with {@code DISCORD_TOKEN} and runs until SIGTERM (then
 * flushes and exits). Secrets named by {@code *_SSM_PARAMETER} variables are read from SSM Parameter
 * Store first (AWS mode). A configuration error (a missing token, a malformed {@code .env} line, an
 * unusable {@code SERVERPULSE_DATA_DIR}) prints one line naming it and exits with status 2. The
 * self-hosted {@code serverpulse.jar} (module {@code demo}) calls {@link #start} when it has a token,
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
        try {
            config = SecretParameters.load(env, secrets);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return CONFIG_ERROR;
        }
        Collector collector;
        try {
            collector = Collector.builder(config)
                    .onGatewayRefused(() -> new Thread(() -> exit.accept(START_ERROR), "serverpulse-exit").start())
                    .start();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return CONFIG_ERROR;
        } catch (StoreException e) {
            err.println("Could not open the database: " + e.getMessage());
            return START_ERROR;
        } catch (DiscordUnreachableException e) {
            err.println(e.getMessage());
            return START_ERROR;
        } catch (InvalidTokenException e) {
            err.println("Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token)");
            return START_ERROR;
        } catch (RuntimeException e) {
            err.println("Could not start ServerPulse: " + e.getMessage());
            return START_ERROR;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(collector::close, "serverpulse-shutdown"));
        HeapBound.log(); // once running: a start-up mistake stays one line
        return RUNNING;
    }
}

package io.serverpulse.collector.app;

import io.serverpulse.aws.secrets.AwsSecrets;
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
 * {@code java -jar serverpulse.jar}: the bot. Configuration comes from the environment over
 * {@code ./.env}. With a {@code DISCORD_TOKEN} it connects to Discord and runs until SIGTERM (then
 * flushes and exits); without one it runs the demo against the built-in Discord emulator. Secrets
 * named by {@code *_SSM_PARAMETER} variables are read from SSM Parameter Store first (AWS mode). A
 * configuration error prints one line and exits with status 2.
 */
public final class Main {

    /** {@link #start} returns this when the bot is running (the JVM then lives on in JDA's threads). */
    static final int RUNNING = -1;
    static final int CONFIG_ERROR = 2;
    static final int START_ERROR = 1;

    private Main() {
    }

    public static void main(String[] args) {
        int status = start(EnvSource.fromEnvironment(), System.out, System.err, System::exit);
        if (status != RUNNING) {
            System.exit(status);
        }
    }

    static int start(EnvSource env, PrintStream out, PrintStream err) {
        return start(env, out, err, status -> { });
    }

    /**
     * @param exit ends the process with a status later, when the running bot cannot go on (Discord
     *     refused its gateway intents); called on a thread of its own
     */
    static int start(EnvSource env, PrintStream out, PrintStream err, IntConsumer exit) {
        return start(env, AwsSecrets::ssm, out, err, exit);
    }

    /** @param secrets the parameter store of {@code *_SSM_PARAMETER} variables, built only if one is set */
    static int start(EnvSource env, Supplier<? extends SecretParameters.Store> secrets, PrintStream out, PrintStream err,
            IntConsumer exit) {
        ServerPulseConfig config;
        try {
            config = SecretParameters.load(env, secrets);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return CONFIG_ERROR;
        }
        if (config.discordToken().isEmpty()) {
            try {
                return Demo.run(config, out);
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return CONFIG_ERROR;
            }
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
        } catch (InvalidTokenException e) {
            err.println("Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token)");
            return START_ERROR;
        } catch (RuntimeException e) {
            err.println("Could not start ServerPulse: " + e.getMessage());
            return START_ERROR;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(collector::close, "serverpulse-shutdown"));
        return RUNNING;
    }
}

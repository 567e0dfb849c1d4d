package io.serverpulse.demo;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.DeploymentMode;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * {@code java -jar serverpulse.jar}, the README's one command. Configuration comes from the
 * environment over {@code ./.env}. With a {@code DISCORD_TOKEN} it is the bot (the collector's
 * {@link io.serverpulse.collector.app.Main}); without one it plays the {@link Demo} against the
 * built-in Discord emulator. The AWS mode has no demo: there a missing token is an error. A
 * configuration error prints one line and exits with status 2. {@code java -jar serverpulse.jar
 * reseal-keys} runs the collector's one-off re-sealing of stored AI keys after a master key rotation.
 */
public final class Main {

    /** The demo's logging: warnings only, without wall-clock times (the demo prints simulated time). */
    static final String DEMO_LOGGING = "io/serverpulse/demo/demo-logback.xml";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && io.serverpulse.collector.app.Main.RESEAL_KEYS.equals(args[0])) {
            System.exit(io.serverpulse.collector.app.Main.resealKeys(EnvSource.fromEnvironment(),
                    io.serverpulse.aws.secrets.AwsSecrets::ssm, System.out, System.err));
        }
        int status;
        try {
            EnvSource env = EnvSource.fromEnvironment();
            if (env.get(ServerPulseConfig.DISCORD_TOKEN).isEmpty() && System.getProperty("logback.configurationFile") == null) {
                // before anything logs: the demo speaks for itself
                System.setProperty("logback.configurationFile", DEMO_LOGGING);
            }
            status = start(env, System.out, System.err, System::exit);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            status = io.serverpulse.collector.app.Main.CONFIG_ERROR;
        }
        if (status != io.serverpulse.collector.app.Main.RUNNING) {
            System.exit(status);
        }
    }

    /**
     * The bot or the demo; returns the exit status, or {@link io.serverpulse.collector.app.Main#RUNNING} while the bot runs.
     *
     * @param exit ends the process later, when the running bot cannot go on (see the collector's {@code Main})
     */
    static int start(EnvSource env, PrintStream out, PrintStream err, IntConsumer exit) {
        ServerPulseConfig config;
        try {
            config = ServerPulseConfig.load(env);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return io.serverpulse.collector.app.Main.CONFIG_ERROR;
        }
        if (config.discordToken().isPresent() || config.mode() == DeploymentMode.AWS) {
            // the AWS mode runs the collector alone, which names the missing token
            return io.serverpulse.collector.app.Main.start(env, err, exit);
        }
        try {
            return Demo.run(config, out);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return io.serverpulse.collector.app.Main.CONFIG_ERROR;
        } catch (RuntimeException e) {
            err.println("The demo stopped: " + e.getMessage());
            return io.serverpulse.collector.app.Main.START_ERROR;
        }
    }
}

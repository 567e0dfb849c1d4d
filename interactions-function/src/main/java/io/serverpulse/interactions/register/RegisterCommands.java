package io.serverpulse.interactions.register;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.aws.secrets.AwsSecrets;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.DiscordRestException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code register-commands}: registers ServerPulse's slash commands, globally or in one guild.
 *
 * <pre>
 * java -cp interactions-function-…-lambda.jar io.serverpulse.interactions.register.RegisterCommands [--guild ID] [--dry-run] [--help]
 * </pre>
 *
 * Reads {@code DISCORD_TOKEN}, {@code DISCORD_APPLICATION_ID} (and {@code DISCORD_API_BASE_URL}) from the
 * environment or {@code .env}. Exit status: 0 registered (or {@code --help}, {@code --dry-run}), 1 Discord
 * refused or was unreachable, 2 a wrong argument or setting (one line saying which).
 */
public final class RegisterCommands {

    static final String USAGE = """
            Usage: register-commands [--global | --guild <guild id>] [--dry-run] [--help]
              --global            (the default) register the commands globally, in every guild that has the bot
              --guild <guild id>  register them in one guild only (they appear there at once; good for testing)
              --dry-run           print the registration JSON and exit without calling Discord (needs no token)
              --help              this text
            Settings: DISCORD_TOKEN (or DISCORD_TOKEN_SSM_PARAMETER), DISCORD_APPLICATION_ID (environment or .env); DISCORD_API_BASE_URL to use another API
            Exit status: 0 done, 1 Discord refused or could not be reached, 2 a wrong argument or setting""";

    private RegisterCommands() {
    }

    public static void main(String[] args) {
        System.exit(run(args, AwsSecrets::load, System.out, System.err));
    }

    /** Runs the tool with these settings; returns the exit status. */
    static int run(String[] args, ServerPulseConfig config, PrintStream out, PrintStream err) {
        return run(args, () -> config, out, err);
    }

    /**
     * Runs the tool; returns the exit status. The settings are read only once the arguments are
     * known to be good, so {@code --help} and a wrong argument need none.
     */
    static int run(String[] args, Supplier<ServerPulseConfig> settings, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + " (see --help)");
            return 2;
        }
        if (options.help()) {
            out.println(USAGE);
            return 0;
        }
        ServerPulseConfig config;
        try {
            config = settings.get();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        ArrayNode commands = CommandRegistry.standard(Optional.empty(), config.messageContentIntent()).registrationJson();
        if (options.dryRun()) {
            out.println(commands.toPrettyString());
            return 0;
        }
        String scope = options.guildId().isPresent()
                ? "guild " + Long.toUnsignedString(options.guildId().getAsLong()) : "all guilds (global)";
        try {
            String applicationId = config.requireApplicationId();
            String token = config.requireDiscordToken();
            CommandRegistrar registrar = new CommandRegistrar(DiscordRest.create(config.discordApiBaseUrl(), Optional.of(token)),
                    applicationId);
            List<String> names = registrar.register(options.guildId(), commands);
            out.println("Registered " + names.size() + " commands for " + scope + ": /" + String.join(", /", names));
            return 0;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (CommandRegistrar.RegistrationException e) {
            err.println(e.getMessage());
            return 1;
        } catch (DiscordRestException e) {
            err.println("Could not reach Discord at " + config.discordApiBaseUrl() + ": " + e.getMessage());
            return 1;
        }
    }

    /** The parsed command line. */
    record Options(OptionalLong guildId, boolean dryRun, boolean help) {

        /** @throws IllegalArgumentException with one line saying what is wrong */
        static Options parse(String[] args) {
            OptionalLong guild = OptionalLong.empty();
            boolean dryRun = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--guild" -> {
                        if (i + 1 >= args.length || !args[i + 1].matches("\\d{15,20}")) {
                            throw new IllegalArgumentException("--guild needs a guild id (a number of 15 to 20 digits)");
                        }
                        guild = OptionalLong.of(Long.parseUnsignedLong(args[++i]));
                    }
                    case "--dry-run" -> dryRun = true;
                    case "--global" -> guild = OptionalLong.empty();
                    case "-h", "--help" -> {
                        return new Options(OptionalLong.empty(), false, true);
                    }
                    default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
                }
            }
            return new Options(guild, dryRun, false);
        }
    }
}

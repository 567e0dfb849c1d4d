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

/**
 * {@code register-commands}: registers ServerPulse's slash commands, globally or in one guild.
 *
 * <pre>
 * java -cp interactions-function-…-lambda.jar io.serverpulse.interactions.register.RegisterCommands [--guild ID] [--dry-run]
 * </pre>
 *
 * Reads {@code DISCORD_TOKEN}, {@code DISCORD_APPLICATION_ID} (and {@code DISCORD_API_BASE_URL}) from the
 * environment or {@code .env}. Exit status: 0 registered, 1 Discord refused or was unreachable, 2 bad
 * arguments or settings.
 */
public final class RegisterCommands {

    static final String USAGE = """
            Usage: register-commands [--global | --guild <guild id>] [--dry-run]
              --global            (the default) register the commands globally, in every guild that has the bot
              --guild <guild id>  register them in one guild only (they appear there at once; good for testing)
              --dry-run           print the registration JSON and exit without calling Discord
            Settings: DISCORD_TOKEN (or DISCORD_TOKEN_SSM_PARAMETER), DISCORD_APPLICATION_ID (environment or .env)""";

    private RegisterCommands() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, AwsSecrets.load(), System.out, System.err);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** Runs the tool; returns the exit status. */
    static int run(String[] args, ServerPulseConfig config, PrintStream out, PrintStream err) {
        Optional<Options> options = Options.parse(args, err);
        if (options.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        ArrayNode commands = CommandRegistry.standard(Optional.empty(), config.messageContentIntent()).registrationJson();
        if (options.get().dryRun()) {
            out.println(commands.toPrettyString());
            return 0;
        }
        String scope = options.get().guildId().isPresent()
                ? "guild " + Long.toUnsignedString(options.get().guildId().getAsLong()) : "all guilds (global)";
        try {
            String applicationId = config.requireApplicationId();
            String token = config.requireDiscordToken();
            CommandRegistrar registrar = new CommandRegistrar(DiscordRest.create(config.discordApiBaseUrl(), Optional.of(token)),
                    applicationId);
            List<String> names = registrar.register(options.get().guildId(), commands);
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
    record Options(OptionalLong guildId, boolean dryRun) {

        static Optional<Options> parse(String[] args, PrintStream err) {
            OptionalLong guild = OptionalLong.empty();
            boolean dryRun = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--guild" -> {
                        if (i + 1 >= args.length || !args[i + 1].matches("\\d{15,20}")) {
                            err.println("--guild needs a guild id (a number of 15 to 20 digits)");
                            return Optional.empty();
                        }
                        guild = OptionalLong.of(Long.parseUnsignedLong(args[++i]));
                    }
                    case "--dry-run" -> dryRun = true;
                    case "--global" -> guild = OptionalLong.empty();
                    case "-h", "--help" -> {
                        return Optional.empty();
                    }
                    default -> {
                        err.println("Unknown option: " + args[i]);
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new Options(guild, dryRun));
        }
    }
}

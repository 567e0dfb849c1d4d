package io.serverpulse.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.emulator.support.Awaits;
import io.serverpulse.emulator.support.JdaClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.junit.jupiter.api.Test;

/**
 * {@code --setup-bot}: once a bot (here a tiny JDA bot answering over the gateway) has registered
 * its commands, each guild's owner runs {@code /add-collect-channel} for every channel the scenario
 * collects, the channel resolved as Discord resolves it, before the timeline plays.
 */
class SetupBotTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Answers /add-collect-channel with the channel it resolved, as a bot that whitelists channels would. */
    private static final class WhitelistingBot extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            var channel = event.getOption("channel").getAsChannel();
            event.reply("Now counting " + channel.getAsMention() + " (" + channel.getType() + ") for " + event.getUser().getName())
                    .setEphemeral(true).queue();
        }
    }

    @Test
    void theOwnerAddsEveryCollectedChannelOnceTheBotHasItsCommandsThenTheTimelinePlays() throws Exception {
        // GIVEN the standalone emulator started with --setup-bot, serving in the background
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ExecutorService serving = Executors.newSingleThreadExecutor();
        try (Main.Standalone standalone = Main.launch(Main.parse(new String[] {"--scenario", "small", "--speed", "max", "--setup-bot"}),
                out); JdaClients clients = new JdaClients()) {
            DiscordEmulator emulator = standalone.emulator();
            Scenario small = standalone.scenario();
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("each guild's owner runs /add-collect-channel");
            Future<?> served = serving.submit(() -> {
                standalone.serve(out);
                return null;
            });

            // WHEN a bot connects, then registers /add-collect-channel in its guild
            JDA bot = clients.connect(JdaClients.builder(emulator, JdaClients.ANALYTICS).addEventListeners(new WhitelistingBot()));
            long guildId = small.communities().get(0).guildId();
            bot.getGuildById(guildId).updateCommands().addCommands(Commands.slash(BotSetup.COMMAND, "Count a channel")
                    .addOption(OptionType.CHANNEL, "channel", "the channel", true)).complete();

            // THEN the owner ran it for each collected channel, each answered, before the timeline played
            Awaits.until(() -> bytes.toString(StandardCharsets.UTF_8), s -> s.contains("timeline played"), WAIT, "the playback");
            served.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String printed = bytes.toString(StandardCharsets.UTF_8);
            List<Long> channels = small.collectedChannelIds(small.communities().get(0));
            assertThat(channels).hasSize(3);
            long ownerId = small.communities().get(0).ownerId();
            String owner = small.communities().get(0).members().stream().filter(m -> m.userId() == ownerId).findFirst().orElseThrow()
                    .username();
            for (long channel : channels) {
                String name = small.communities().get(0).channels().stream().filter(c -> c.id() == channel).findFirst().orElseThrow().name();
                assertThat(printed).contains("owner ran /add-collect-channel channel:#" + name + " → Now counting #" + name + " (TEXT) for "
                        + owner);
            }
            assertThat(printed.indexOf("owner ran")).isLessThan(printed.indexOf("playing 600 events"));
            assertThat(emulator.recorded().messages()).filteredOn(m -> m.interactionId() != null).hasSize(3)
                    .allSatisfy(m -> assertThat(m.ephemeral()).isTrue());
        } finally {
            serving.shutdownNow();
        }
    }
}

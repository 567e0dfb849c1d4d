package io.serverpulse.collector.commands;

import io.serverpulse.common.commands.InteractionHandler;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-hosted mode: registers ServerPulse's slash commands (a {@code PUT} that replaces the
 * application's global commands, so repeating it at every start is harmless) once shard 0 is
 * ready, on a thread of its own. Processes that do not run shard 0 leave it to the one that does.
 */
public final class CommandRegistration extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistration.class);

    private final InteractionHandler handler;
    private final DiscordHttp discord;
    private final AtomicBoolean done = new AtomicBoolean();

    public CommandRegistration(InteractionHandler handler, DiscordHttp discord) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.discord = Objects.requireNonNull(discord, "discord");
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (event.getJDA().getShardInfo().getShardId() != 0 || !done.compareAndSet(false, true)) {
            return;
        }
        long applicationId = event.getJDA().getSelfUser().getApplicationIdLong();
        Thread thread = new Thread(() -> register(applicationId), "serverpulse-command-registration");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(long applicationId) {
        try {
            discord.registerCommands(applicationId, handler.registrationJson().toString());
            log.info("Registered {} slash commands for application {}", handler.registrationJson().size(), applicationId);
        } catch (Exception e) {
            log.warn("Could not register the slash commands: {}", e.getMessage());
        }
    }
}

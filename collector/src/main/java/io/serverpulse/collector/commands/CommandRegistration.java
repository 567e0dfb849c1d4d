package io.serverpulse.collector.commands;

import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.discord.rest.RestCall;
import io.serverpulse.common.discord.rest.RestResult;
import io.serverpulse.common.discord.rest.Routes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-hosted mode: registers ServerPulse's slash commands ({@link Routes#GLOBAL_COMMANDS_OVERWRITE}, a {@code PUT} that replaces the
 * application's global commands, so repeating it at every start is harmless) once shard 0 is
 * ready, on a thread of its own. Processes that do not run shard 0 leave it to the one that does.
 */
public final class CommandRegistration extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistration.class);

    private final InteractionHandler handler;
    private final DiscordRest discord;
    private final AtomicBoolean done = new AtomicBoolean();

    public CommandRegistration(InteractionHandler handler, DiscordRest discord) {
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
            RestResult result = discord.send(RestCall.json(Routes.GLOBAL_COMMANDS_OVERWRITE.compile(applicationId),
                    handler.registrationJson().toString()));
            if (result.ok()) {
                log.info("Registered {} slash commands for application {}", handler.registrationJson().size(), applicationId);
            } else {
                log.warn("Could not register the slash commands: HTTP {} code {} ({})", result.status(), result.errorCode(),
                        result.errorMessage());
            }
        } catch (RuntimeException e) {
            log.warn("Could not register the slash commands: {}", e.getMessage());
        }
    }
}

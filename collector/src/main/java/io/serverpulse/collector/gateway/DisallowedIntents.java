package io.serverpulse.collector.gateway;

import io.serverpulse.common.config.ServerPulseConfig;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator what to do when Discord refuses a privileged intent: the gateway closes with
 * 4014 "Disallowed intent(s)", JDA shuts the shard down (it logs the close code, not the cure), and
 * this listener logs one line naming the Developer Portal switch, or the setting to unset.
 */
public final class DisallowedIntents extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DisallowedIntents.class);

    private final boolean messageContent;
    private final Runnable onRefused;

    /**
     * @param messageContent whether the bot asked for MESSAGE_CONTENT ({@code ENABLE_MESSAGE_CONTENT_INTENT=true})
     * @param onRefused run after the line is logged (the bot's {@code main} exits with a failure status:
     *     the shard is gone, so staying up would only look healthy)
     */
    public DisallowedIntents(boolean messageContent, Runnable onRefused) {
        this.messageContent = messageContent;
        this.onRefused = java.util.Objects.requireNonNull(onRefused, "onRefused");
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        if (event.getCloseCode() == CloseCode.DISALLOWED_INTENTS) {
            log.error("{}", advice(messageContent));
            onRefused.run();
        }
    }

    /** The one line the operator reads. */
    static String advice(boolean messageContent) {
        if (messageContent) {
            return "Discord refused the privileged gateway intents (close code 4014 \"Disallowed intent(s)\"): in the Discord"
                    + " Developer Portal, Bot > Privileged Gateway Intents, switch on \"Message Content Intent\" (and \"Server"
                    + " Members Intent\"), or unset " + ServerPulseConfig.MESSAGE_CONTENT_INTENT
                    + " to run without sentiment counts";
        }
        return "Discord refused the privileged gateway intents (close code 4014 \"Disallowed intent(s)\"): in the Discord"
                + " Developer Portal, Bot > Privileged Gateway Intents, switch on \"Server Members Intent\" (needed for joins"
                + " and leaves)";
    }
}

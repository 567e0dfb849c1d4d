package io.serverpulse.emulator.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the bot sent, for assertions: its messages (current version, with embeds and the
 * attachments' bytes), edits, command registrations, interaction callbacks, webhook calls, a log
 * of every REST request with its status, and the interactions delivered to an HTTP endpoint.
 * Thread-safe; every getter returns a copy.
 */
public final class Recorded {

    private final Map<Long, StoredMessage> messages = new LinkedHashMap<>();
    private final List<StoredMessage> versions = new ArrayList<>();
    private final List<Long> deleted = new ArrayList<>();
    private final List<MessageEdit> edits = new ArrayList<>();
    private final List<CommandRegistration> commandRegistrations = new ArrayList<>();
    private final List<InteractionCallback> interactionCallbacks = new ArrayList<>();
    private final List<WebhookCall> webhookCalls = new ArrayList<>();
    private final List<ChannelRecord> channelsCreated = new ArrayList<>();
    private final List<RequestLog> requests = new ArrayList<>();
    private final List<InteractionDelivery> interactionDeliveries = new ArrayList<>();

    /** All messages the bot sent, in the order sent, each in its latest version. */
    public synchronized List<StoredMessage> messages() {
        return new ArrayList<>(messages.values());
    }

    /** The bot's messages in one channel, in the order sent, each in its latest version. */
    public synchronized List<StoredMessage> messages(long channelId) {
        return filter(m -> m.channelId() == channelId);
    }

    /**
     * Every version of the bot's messages in the order they came to be: each message as sent, and
     * again after each edit (an edited version has {@link StoredMessage#editedAt()}), as members
     * watching the channel saw them.
     */
    public synchronized List<StoredMessage> messageVersions() {
        return List.copyOf(versions);
    }

    public synchronized Optional<StoredMessage> message(long messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }

    /** Ids of the bot's messages that were deleted (they stay in {@link #messages()}). */
    public synchronized List<Long> deletedMessageIds() {
        return List.copyOf(deleted);
    }

    public synchronized List<MessageEdit> edits() {
        return List.copyOf(edits);
    }

    public synchronized List<CommandRegistration> commandRegistrations() {
        return List.copyOf(commandRegistrations);
    }

    public synchronized List<InteractionCallback> interactionCallbacks() {
        return List.copyOf(interactionCallbacks);
    }

    public synchronized List<InteractionCallback> interactionCallbacks(long interactionId) {
        return interactionCallbacks.stream().filter(c -> c.interactionId() == interactionId).toList();
    }

    public synchronized List<WebhookCall> webhookCalls() {
        return List.copyOf(webhookCalls);
    }

    public synchronized List<ChannelRecord> channelsCreated() {
        return List.copyOf(channelsCreated);
    }

    /** Every REST request answered, in order, with its status (429s and 400s included). */
    public synchronized List<RequestLog> requests() {
        return List.copyOf(requests);
    }

    /** Every interaction the emulator POSTed to an HTTP interactions endpoint, in order, with the endpoint's answer. */
    public synchronized List<InteractionDelivery> interactionDeliveries() {
        return List.copyOf(interactionDeliveries);
    }

    public synchronized void interactionDelivery(InteractionDelivery delivery) {
        interactionDeliveries.add(delivery);
    }

    synchronized void message(StoredMessage message) {
        messages.put(message.id(), message);
        versions.add(message);
    }

    synchronized void messageDeleted(long messageId) {
        if (messages.containsKey(messageId)) {
            deleted.add(messageId);
        }
    }

    synchronized void edit(MessageEdit edit) {
        edits.add(edit);
    }

    synchronized void commandRegistration(CommandRegistration registration) {
        commandRegistrations.add(registration);
    }

    synchronized void interactionCallback(InteractionCallback callback) {
        interactionCallbacks.add(callback);
    }

    public synchronized void webhookCall(WebhookCall call) {
        webhookCalls.add(call);
    }

    synchronized void channelCreated(ChannelRecord channel) {
        channelsCreated.add(channel);
    }

    public synchronized void request(RequestLog log) {
        requests.add(log);
    }

    private List<StoredMessage> filter(Predicate<StoredMessage> predicate) {
        return messages.values().stream().filter(predicate).toList();
    }
}

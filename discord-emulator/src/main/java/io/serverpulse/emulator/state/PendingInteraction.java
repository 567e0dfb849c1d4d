package io.serverpulse.emulator.state;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An interaction the emulator has issued (over the gateway or signed over HTTP) and the bot's
 * progress answering it: its callback type once acknowledged, the {@code @original} message, and
 * follow-ups. Guarded by {@link EmulatorState}'s lock.
 */
public final class PendingInteraction {

    private final long id;
    private final String token;
    private final int type;
    private final long guildId;
    private final long channelId;
    private final long userId;
    private final ObjectNode payload;
    private Integer responseType;
    private Long originalMessageId;
    private final List<Long> followUpIds = new ArrayList<>();

    public PendingInteraction(long id, String token, int type, long guildId, long channelId, long userId, ObjectNode payload) {
        this.id = id;
        this.token = token;
        this.type = type;
        this.guildId = guildId;
        this.channelId = channelId;
        this.userId = userId;
        this.payload = payload;
    }

    public long id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** Discord's interaction type: 1 PING, 2 APPLICATION_COMMAND, 3 MESSAGE_COMPONENT, 4 AUTOCOMPLETE, 5 MODAL_SUBMIT. */
    public int type() {
        return type;
    }

    public long guildId() {
        return guildId;
    }

    public long channelId() {
        return channelId;
    }

    public long userId() {
        return userId;
    }

    /** The interaction object as Discord sends it (a copy). */
    public ObjectNode payload() {
        return payload.deepCopy();
    }

    public Optional<Integer> responseType() {
        return Optional.ofNullable(responseType);
    }

    public boolean acknowledged() {
        return responseType != null;
    }

    void acknowledge(int callbackType) {
        this.responseType = callbackType;
    }

    public Optional<Long> originalMessageId() {
        return Optional.ofNullable(originalMessageId);
    }

    void original(long messageId) {
        this.originalMessageId = messageId;
    }

    public List<Long> followUpIds() {
        return List.copyOf(followUpIds);
    }

    void followUp(long messageId) {
        followUpIds.add(messageId);
    }
}

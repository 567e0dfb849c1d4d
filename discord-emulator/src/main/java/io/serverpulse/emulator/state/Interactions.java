package io.serverpulse.emulator.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Interactions issued by the emulator, by id and by token. Guarded by {@link EmulatorState}'s lock. */
public final class Interactions {

    private final Map<Long, PendingInteraction> byId = new HashMap<>();
    private final Map<String, PendingInteraction> byToken = new HashMap<>();

    void register(PendingInteraction interaction) {
        byId.put(interaction.id(), interaction);
        byToken.put(interaction.token(), interaction);
    }

    public Optional<PendingInteraction> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<PendingInteraction> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}

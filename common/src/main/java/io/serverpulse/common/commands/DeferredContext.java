package io.serverpulse.common.commands;

import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.store.Store;
import java.time.Instant;

/** What a command's deferred part runs with. */
public record DeferredContext(DeferredWork work, Texts texts, Store store, Instant now) {

    public long guildId() {
        return work.guildId();
    }
}

package io.serverpulse.common.crypto;

import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-seals stored AI keys with the current master key after a rotation: every key of every guild's
 * provider chain that is not sealed with the current key (sealed with the previous one, or in the
 * version without a key id) is opened and sealed again, each guild's settings changed atomically
 * ({@link SettingsStore#updateSettings}). A key that does not open (its master key is not
 * configured) is left as it is and counted. Run at the collector's start while a previous key is
 * configured, and by {@code java -jar serverpulse.jar reseal-keys}.
 */
public final class KeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    /** What a run did: guilds whose keys were re-sealed, keys re-sealed, keys that did not open. */
    public record Report(int guilds, int keys, int unopened) {
    }

    private KeyRotation() {
    }

    /**
     * The change that re-seals a guild's keys: a pure function of the stored settings, returning
     * them unchanged when every key is current or none opens.
     */
    public static UnaryOperator<GuildSettings> reseal(SecretSealer sealer, Instant now) {
        return settings -> {
            List<AiProviderEntry> chain = settings.aiChain();
            List<AiProviderEntry> resealed = new ArrayList<>(chain.size());
            boolean changed = false;
            for (AiProviderEntry entry : chain) {
                String key = entry.keyCiphertext();
                if (key == null || sealer.isCurrent(key)) {
                    resealed.add(entry);
                    continue;
                }
                try {
                    resealed.add(entry.withKey(sealer.reseal(settings.guildId(), key)));
                    changed = true;
                } catch (SecretSealer.SealedSecretException e) {
                    resealed.add(entry);
                }
            }
            return changed ? settings.withAiChain(resealed, now) : settings;
        };
    }

    /** Re-seals the keys of every guild with stored settings; logs one line (never a key). */
    public static Report resealAll(SettingsStore store, SecretSealer sealer, Instant now) {
        AtomicInteger guilds = new AtomicInteger();
        AtomicInteger keys = new AtomicInteger();
        AtomicInteger unopened = new AtomicInteger();
        for (GuildSettings stored : store.allSettings()) {
            long stale = stale(stored, sealer);
            if (stale == 0) {
                continue;
            }
            long left = stale(store.updateSettings(stored.guildId(), reseal(sealer, now)), sealer);
            unopened.addAndGet((int) left);
            if (stale > left) {
                guilds.incrementAndGet();
                keys.addAndGet((int) (stale - left));
            }
        }
        Report report = new Report(guilds.get(), keys.get(), unopened.get());
        if (report.keys() > 0 || report.unopened() > 0) {
            LOG.info("Re-sealed {} AI keys of {} guilds with master key {}; {} keys did not open with the configured keys",
                    report.keys(), report.guilds(), sealer.currentKeyId(), report.unopened());
        }
        return report;
    }

    /** Keys of the guild's chain not sealed with the current key. */
    private static long stale(GuildSettings settings, SecretSealer sealer) {
        return settings.aiChain().stream().map(AiProviderEntry::keyCiphertext).filter(k -> k != null && !sealer.isCurrent(k)).count();
    }
}

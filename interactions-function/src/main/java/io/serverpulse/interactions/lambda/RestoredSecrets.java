package io.serverpulse.interactions.lambda;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.ServerPulseConfig;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart and secrets: a snapshot holds the secrets read from SSM Parameter Store at init, and one
 * snapshot may be restored for days. After each restore this resource reads the secrets again; if any
 * changed since they were read (a rotated bot token, a new MongoDB password, a new master key), it
 * builds the function's parts anew from them and closes the old ones, before the first request of the
 * restored environment. If the parameters cannot be read at that moment, the snapshot's values are kept
 * (they are most likely still valid) and a warning says so.
 *
 * @param <T> what the function builds from its configuration (its endpoint, its worker)
 */
final class RestoredSecrets<T> implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(RestoredSecrets.class);

    private final Supplier<ServerPulseConfig> reload;
    private final Function<ServerPulseConfig, T> rebuild;
    private final Consumer<T> discard;
    private volatile ServerPulseConfig config;
    private volatile T current;

    /**
     * @param reload reads the configuration again, secrets included
     * @param build builds the parts from a configuration, at the init
     * @param rebuild builds them again after a restore, when a secret changed (in the restored environment's first
     *                moments: it must not wait on what may not answer)
     * @param discard closes parts that were replaced
     */
    RestoredSecrets(Supplier<ServerPulseConfig> reload, Function<ServerPulseConfig, T> build, Function<ServerPulseConfig, T> rebuild,
                    Consumer<T> discard) {
        this.reload = Objects.requireNonNull(reload, "reload");
        this.rebuild = Objects.requireNonNull(rebuild, "rebuild");
        this.discard = Objects.requireNonNull(discard, "discard");
        this.config = reload.get();
        this.current = Objects.requireNonNull(build, "build").apply(config);
    }

    /** The parts built from the latest secrets. */
    T current() {
        return current;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // nothing: the snapshot keeps the secrets read at init
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        refresh();
    }

    /** Reads the secrets again; rebuilds when one changed. Returns whether it rebuilt. */
    boolean refresh() {
        ServerPulseConfig fresh;
        try {
            fresh = reload.get();
        } catch (ConfigException | IllegalStateException e) {
            LOG.warn("Could not read the secrets again after the restore, keeping the snapshot's: {}", e.getMessage());
            return false;
        }
        if (sameSecrets(config, fresh)) {
            LOG.info("Secrets read again after the restore: unchanged");
            return false;
        }
        T old = current;
        current = rebuild.apply(fresh);
        config = fresh;
        LOG.info("Secrets changed since the snapshot: rebuilt the function's connections with them");
        try {
            discard.accept(old);
        } catch (RuntimeException e) {
            LOG.warn("Could not close what the old secrets had opened: {}", e.toString());
        }
        return true;
    }

    static boolean sameSecrets(ServerPulseConfig a, ServerPulseConfig b) {
        return a.discordToken().equals(b.discordToken()) && a.mongoUri().equals(b.mongoUri())
                && Arrays.equals(a.masterKey().orElse(null), b.masterKey().orElse(null))
                && Arrays.equals(a.previousMasterKey().orElse(null), b.previousMasterKey().orElse(null));
    }
}

package io.serverpulse.common.crypto;

import io.serverpulse.common.config.DataDirectory;
import io.serverpulse.common.config.ServerPulseConfig;
import java.util.Optional;

/** Which master keys seal and open stored AI keys, from the configuration. */
public final class MasterKeys {

    private MasterKeys() {
    }

    /**
     * The sealer of the configured keys ({@code SERVERPULSE_MASTER_KEY}, and during a rotation
     * {@code SERVERPULSE_MASTER_KEY_PREVIOUS}); empty without a master key.
     */
    public static Optional<SecretSealer> configured(ServerPulseConfig config) {
        return config.masterKey().map(current -> new SecretSealer(current, config.previousMasterKey()));
    }

    /**
     * The self-hosted bot's sealer: the configured keys, or else the key in the data directory
     * (checked first, {@link DataDirectory}), generated there on the first start ({@link MasterKeyFile}).
     */
    public static SecretSealer selfHosted(ServerPulseConfig config) {
        return configured(config).orElseGet(() -> new SecretSealer(MasterKeyFile.loadOrCreate(DataDirectory.require(config))));
    }
}

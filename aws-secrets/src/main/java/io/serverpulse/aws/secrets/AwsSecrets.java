package io.serverpulse.aws.secrets;

import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.SecretParameters;
import io.serverpulse.common.config.ServerPulseConfig;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The configuration of an AWS deployable: the environment, with the secrets named by
 * {@code *_SSM_PARAMETER} variables read from SSM Parameter Store ({@link SecretParameters}). The
 * SSM client is built only when such a variable is set, and closed after the one read.
 */
public final class AwsSecrets {

    private AwsSecrets() {
    }

    /** The process environment (over {@code ./.env}), secrets resolved, validated. */
    public static ServerPulseConfig load() {
        return load(EnvSource.fromEnvironment());
    }

    /** @throws io.serverpulse.common.config.ConfigException naming the variable at fault */
    public static ServerPulseConfig load(EnvSource env) {
        return SecretParameters.load(env, OneShot::new);
    }

    /** {@code env} with the referenced secrets read (for callers that read more than {@link ServerPulseConfig}). */
    public static EnvSource resolve(EnvSource env) {
        return SecretParameters.resolve(env, OneShot::new);
    }

    /** SSM Parameter Store for the process's region and role, its client built for one read and closed. */
    public static SecretParameters.Store ssm() {
        return new OneShot();
    }

    /**
     * SSM Parameter Store whose client is built on the first read and kept for the next ones: for a
     * SnapStart function, which reads at init and again after each restore, so that the client (about as
     * costly to build as the read itself is cheap) is in the snapshot and a restore pays one request.
     */
    public static Supplier<SecretParameters.Store> kept() {
        return new Supplier<>() {
            private SsmSecretStore store;

            @Override
            public synchronized SecretParameters.Store get() {
                if (store == null) {
                    store = SsmSecretStore.create();
                }
                return store;
            }
        };
    }

    /** Builds the default store for one read and closes it. */
    private static final class OneShot implements SecretParameters.Store {
        @Override
        public Map<String, String> read(Set<String> names) {
            try (SsmSecretStore store = SsmSecretStore.create()) {
                return store.read(names);
            }
        }
    }
}

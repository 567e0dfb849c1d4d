package io.serverpulse.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Secrets kept in a parameter store instead of the environment (AWS mode: SSM Parameter Store
 * SecureStrings). For each secret setting {@code X} ({@link #SECRETS}), {@code X_SSM_PARAMETER} may
 * name the parameter that holds its value, e.g. {@code DISCORD_TOKEN_SSM_PARAMETER=/serverpulse/discord-token};
 * {@link #resolve} reads every named parameter in one go and returns the environment with {@code X}
 * set, before {@link ServerPulseConfig} validates it. Nothing is read (and the store is never built)
 * when no such variable is set, so the self-hosted mode never touches AWS.
 *
 * <p>Every mistake is one {@link ConfigException} naming the variable: a malformed name, both
 * {@code X} and {@code X_SSM_PARAMETER} set, a parameter that does not exist, a store that cannot
 * be read (no permission, no network), and a value {@link ServerPulseConfig} refuses (the message
 * then says where the value came from). No message carries a secret's value.
 *
 * <p>The values are read once per call: callers keep the resulting configuration (the process's
 * start-up, a Lambda container's init) and call again when they must see a rotated secret (after a
 * SnapStart restore).
 */
public final class SecretParameters {

    public static final String SUFFIX = "_SSM_PARAMETER";
    /** The settings that may come from the parameter store. */
    public static final List<String> SECRETS = List.of(ServerPulseConfig.DISCORD_TOKEN, ServerPulseConfig.MONGODB_URI,
            ServerPulseConfig.MASTER_KEY, ServerPulseConfig.MASTER_KEY_PREVIOUS);

    /** A parameter name ({@code /serverpulse/discord-token}) or a parameter's ARN. */
    private static final Pattern NAME = Pattern.compile(
            "(arn:aws[a-z-]*:ssm:[a-z0-9-]+:\\d{12}:parameter)?/?[A-Za-z0-9_.\\-/]{1,1011}");

    /** Reads parameters by name, decrypted. */
    @FunctionalInterface
    public interface Store {
        /**
         * @return the value of each name that exists; a name missing from the map does not exist
         * @throws StoreException when the store could not answer (permissions, network, throttling)
         */
        Map<String, String> read(Set<String> names);
    }

    /** The parameter store could not be read; the message says why and holds no secret. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SecretParameters() {
    }

    /** {@code X_SSM_PARAMETER} of a secret setting. */
    public static String referenceVariable(String secret) {
        return secret + SUFFIX;
    }

    /** True when any secret is to be read from the parameter store. */
    public static boolean anyReferenced(EnvSource env) {
        return SECRETS.stream().anyMatch(secret -> env.get(referenceVariable(secret)).isPresent());
    }

    /**
     * The environment with every referenced secret read from the store ({@code store} is built only
     * when at least one is referenced).
     *
     * @throws ConfigException naming the variable at fault
     */
    public static EnvSource resolve(EnvSource env, Supplier<? extends Store> store) {
        Map<String, String> references = references(env);
        if (references.isEmpty()) {
            return env;
        }
        Map<String, String> values;
        try {
            values = Objects.requireNonNull(store.get(), "store").read(new LinkedHashSet<>(references.values()));
        } catch (StoreException e) {
            throw new ConfigException(first(references), "Could not read " + describe(references)
                    + " from SSM Parameter Store: " + e.getMessage());
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        references.forEach((secret, name) -> {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                String variable = referenceVariable(secret);
                throw new ConfigException(variable, "The SSM parameter " + name + " named by " + variable
                        + " does not exist or is empty: create it as a SecureString holding " + secret + " (see README, AWS mode)");
            }
            resolved.put(secret, value);
        });
        return env.with(resolved);
    }

    /**
     * {@link #resolve} then {@link ServerPulseConfig#load}; a value the configuration refuses is
     * reported as coming from its parameter.
     */
    public static ServerPulseConfig load(EnvSource env, Supplier<? extends Store> store) {
        Map<String, String> references = references(env);
        EnvSource resolved = resolve(env, store);
        try {
            return ServerPulseConfig.load(resolved);
        } catch (ConfigException e) {
            String name = references.get(e.variable());
            if (name == null) {
                throw e;
            }
            String variable = referenceVariable(e.variable());
            throw new ConfigException(variable, e.getMessage() + " (read from the SSM parameter " + name + " named by "
                    + variable + ")");
        }
    }

    /** Secret setting → parameter name, for the secrets the environment refers to the store. */
    private static Map<String, String> references(EnvSource env) {
        Map<String, String> references = new LinkedHashMap<>();
        for (String secret : SECRETS) {
            String variable = referenceVariable(secret);
            env.get(variable).ifPresent(name -> {
                if (!NAME.matcher(name).matches()) {
                    throw new ConfigException(variable, "Invalid " + variable + "=" + name
                            + ": expected an SSM parameter name such as /serverpulse/" + example(secret) + ", or its ARN");
                }
                if (env.get(secret).isPresent()) {
                    throw new ConfigException(variable, "Set either " + secret + " or " + variable + ", not both");
                }
                references.put(secret, name);
            });
        }
        return references;
    }

    private static String example(String secret) {
        return switch (secret) {
            case ServerPulseConfig.DISCORD_TOKEN -> "discord-token";
            case ServerPulseConfig.MONGODB_URI -> "mongodb-uri";
            default -> "master-key";
        };
    }

    private static String first(Map<String, String> references) {
        return referenceVariable(references.keySet().iterator().next());
    }

    private static String describe(Map<String, String> references) {
        List<String> parts = new ArrayList<>();
        references.forEach((secret, name) -> parts.add(referenceVariable(secret) + "=" + name));
        return String.join(", ", parts);
    }
}

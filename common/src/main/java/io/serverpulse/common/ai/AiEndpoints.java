package io.serverpulse.common.ai;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each provider is reached: its public API by default; an operator may point a provider
 * elsewhere with {@code AI_<PROVIDER>_BASE_URL} (for example {@code AI_OPENAI_BASE_URL} at an
 * OpenAI-compatible gateway), and the tests point them at local fakes. A base URL must be
 * {@code https://}, or {@code http://} to this machine (a key is never sent in clear over a network).
 */
public final class AiEndpoints {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Map<AiProvider, String> baseUrls;

    private AiEndpoints(Map<AiProvider, String> baseUrls) {
        this.baseUrls = Collections.unmodifiableMap(new EnumMap<>(baseUrls));
    }

    /** Every provider at its public API. */
    public static AiEndpoints defaults() {
        return new AiEndpoints(new EnumMap<>(AiProvider.class));
    }

    /** The variable that overrides {@code provider}'s base URL, e.g. {@code AI_OPENAI_BASE_URL}. */
    public static String variable(AiProvider provider) {
        return "AI_" + provider.name() + "_BASE_URL";
    }

    /**
     * The overrides found in {@code env}.
     *
     * @throws ConfigException naming the variable when a value is not an acceptable URL
     */
    public static AiEndpoints load(EnvSource env) {
        Map<AiProvider, String> urls = new EnumMap<>(AiProvider.class);
        for (AiProvider provider : AiProvider.values()) {
            String name = variable(provider);
            env.get(name).ifPresent(value -> urls.put(provider, checked(name, value)));
        }
        return new AiEndpoints(urls);
    }

    /** A copy with {@code provider} at {@code baseUrl} (tests and embedding). */
    public AiEndpoints with(AiProvider provider, String baseUrl) {
        Map<AiProvider, String> urls = new EnumMap<>(AiProvider.class);
        urls.putAll(baseUrls);
        urls.put(provider, checked(variable(provider), baseUrl));
        return new AiEndpoints(urls);
    }

    /** The base URL to use for {@code provider}, ending in {@code /}. */
    public String baseUrl(AiProvider provider) {
        return baseUrls.getOrDefault(provider, provider.defaultBaseUrl());
    }

    public boolean isOverridden(AiProvider provider) {
        return baseUrls.containsKey(provider);
    }

    private static String checked(String name, String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, "Invalid " + name + ": not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK.contains(host) || host.startsWith("127.");
        if (host.isEmpty() || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
            throw new ConfigException(name, "Invalid " + name
                    + ": expected an https:// URL (http:// only to localhost), e.g. https://api.openai.com/v1/");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    @Override
    public String toString() {
        return "AiEndpoints" + baseUrls;
    }
}

package io.serverpulse.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST route: method and template (e.g. {@code POST /channels/{channel_id}/messages}), its rate
 * limit bucket hash, its major parameters, and whether it needs the bot's Authorization header
 * (interaction and webhook routes are authorised by the token in their path instead).
 */
public final class Route {

    private static final Set<String> MAJOR = Set.of("channel_id", "guild_id", "webhook_id", "interaction_token");
    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");

    private final String method;
    private final String template;
    private final Pattern pattern;
    private final List<String> params;
    private final boolean authorized;
    private final String bucketHash;
    private final RouteHandler handler;

    public Route(String method, String template, boolean authorized, RouteHandler handler) {
        this.method = method;
        this.template = template;
        this.authorized = authorized;
        this.handler = handler;
        this.params = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append("([^/]+)");
            params.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        this.pattern = Pattern.compile(regex.toString());
        this.bucketHash = hash(method + " " + template);
    }

    /** {@code METHOD /template}, the key tests use to switch rate limits on a route. */
    public String key() {
        return method + " " + template;
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    public boolean authorized() {
        return authorized;
    }

    public String bucketHash() {
        return bucketHash;
    }

    RouteHandler handler() {
        return handler;
    }

    /** The path's parameters if it matches this route's template. */
    Map<String, String> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            values.put(params.get(i), m.group(i + 1));
        }
        return values;
    }

    /** The major parameters' values, which split a bucket (one bucket per channel, guild or webhook). */
    String major(Map<String, String> values) {
        StringBuilder major = new StringBuilder();
        values.forEach((name, value) -> {
            if (MAJOR.contains(name)) {
                major.append(name).append('=').append(value).append(';');
            }
        });
        return major.toString();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

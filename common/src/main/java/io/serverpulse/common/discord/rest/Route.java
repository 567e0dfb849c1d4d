package io.serverpulse.common.discord.rest;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A REST route as Discord rate-limits it: the method and the path with ids replaced by placeholders,
 * except the <em>major parameter</em> ({@code channels/{id}}, {@code guilds/{id}}, {@code webhooks/{id}/{token}}),
 * which Discord keeps in separate buckets per value.
 *
 * @param key   {@code METHOD template}, e.g. {@code PATCH webhooks/{id}/{token}/messages/@original}
 * @param major the major parameter's value(s), or empty; part of the bucket identity
 */
public record Route(String key, String major) {

    private static final Pattern ID = Pattern.compile("\\d{1,20}");

    public Route {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(major, "major");
    }

    /** @param path relative to the API base, e.g. {@code webhooks/123/abc/messages/@original} (query ignored) */
    public static Route of(String method, String path) {
        String clean = path.startsWith("/") ? path.substring(1) : path;
        int query = clean.indexOf('?');
        if (query >= 0) {
            clean = clean.substring(0, query);
        }
        String[] segments = clean.split("/", -1);
        boolean majorRoot = segments[0].equals("channels") || segments[0].equals("guilds") || segments[0].equals("webhooks");
        StringBuilder template = new StringBuilder();
        String major = "";
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            String replaced;
            if (i == 1 && majorRoot) {
                major = segment;
                replaced = "{id}";
            } else if (i == 2 && segments[0].equals("webhooks")) {
                major = major + "/" + segment; // a webhook's token is part of its major parameter
                replaced = "{token}";
            } else if (i == 2 && segments[0].equals("interactions")) {
                replaced = "{token}";
            } else if (ID.matcher(segment).matches()) {
                replaced = "{id}";
            } else {
                replaced = segment;
            }
            if (i > 0) {
                template.append('/');
            }
            template.append(replaced);
        }
        return new Route(method.toUpperCase(Locale.ROOT) + " " + template, major);
    }

    /** Never the major parameter (it may hold a webhook token). */
    @Override
    public String toString() {
        return key;
    }
}

package io.serverpulse.common.discord.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord REST route, declared once as a template (all of ServerPulse's are in {@link Routes}), in
 * the manner of Discord4J: {@code Route.post("/channels/{channel.id}/messages")}, then
 * {@link #compile compile(channelId)} for one request. The template is what Discord rate-limits
 * by; the <em>major parameter</em> ({@code {channel.id}}, {@code {guild.id}}, or
 * {@code {webhook.id}} with its {@code {webhook.token}}) splits its buckets per value. A route with
 * a token placeholder ({@code {webhook.token}}, {@code {interaction.token}}) is authorised by that
 * token and sent without the bot token. Immutable.
 */
public final class Route {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+\\.[a-z_]+)}");
    /** Discord's major parameters, the first one of which in a template splits its buckets. */
    private static final List<String> MAJOR = List.of("channel.id", "guild.id", "webhook.id");
    private static final String WEBHOOK_TOKEN = "webhook.token";

    private final String method;
    private final String template;
    private final List<String> params;
    /** Indices of the major parameter's values in {@link #params} (empty: none). */
    private final int[] major;
    private final boolean botAuth;

    private Route(String method, String template) {
        Objects.requireNonNull(template, "template");
        if (!template.startsWith("/") || template.contains("?")) {
            throw new IllegalArgumentException("a route template starts with / and has no query: " + template);
        }
        this.method = method;
        this.template = template;
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        if (template.replaceAll(PLACEHOLDER.pattern(), "").contains("{")) {
            throw new IllegalArgumentException("malformed placeholder in " + template);
        }
        this.params = List.copyOf(names);
        this.major = majorIndices(names);
        this.botAuth = names.stream().noneMatch(name -> name.endsWith(".token"));
    }

    public static Route get(String template) {
        return new Route("GET", template);
    }

    public static Route post(String template) {
        return new Route("POST", template);
    }

    public static Route patch(String template) {
        return new Route("PATCH", template);
    }

    public static Route put(String template) {
        return new Route("PUT", template);
    }

    public static Route delete(String template) {
        return new Route("DELETE", template);
    }

    private static int[] majorIndices(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (MAJOR.contains(names.get(i))) {
                if (names.get(i).equals("webhook.id") && i + 1 < names.size() && names.get(i + 1).equals(WEBHOOK_TOKEN)) {
                    return new int[] {i, i + 1}; // a webhook's token is part of its major parameter
                }
                return new int[] {i};
            }
        }
        return new int[0];
    }

    /**
     * The request path for these placeholder values, in the template's order: a {@code long} is a
     * snowflake (written unsigned), anything else is written as text, percent-encoded where a path
     * segment needs it.
     *
     * @throws IllegalArgumentException if the number of values does not match the placeholders
     */
    public CompiledRoute compile(Object... values) {
        if (values.length != params.size()) {
            throw new IllegalArgumentException(key() + " takes " + params.size() + " values, not " + values.length);
        }
        StringBuilder path = new StringBuilder(template.length() + 40);
        Matcher m = PLACEHOLDER.matcher(template);
        int i = 0;
        int last = 0;
        String[] written = new String[values.length];
        while (m.find()) {
            written[i] = segment(values[i]);
            path.append(template, last, m.start()).append(written[i]);
            last = m.end();
            i++;
        }
        path.append(template, last, template.length());
        StringBuilder majorValue = new StringBuilder();
        for (int index : major) {
            if (majorValue.length() > 0) {
                majorValue.append('/');
            }
            majorValue.append(written[index]);
        }
        return new CompiledRoute(this, path.toString(), majorValue.toString());
    }

    private static String segment(Object value) {
        Objects.requireNonNull(value, "route value");
        String text = value instanceof Long id ? Long.toUnsignedString(id) : value.toString();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty route value");
        }
        return encodeSegment(text);
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    /** {@code METHOD /template}: the route's identity (and its bucket's, until Discord names the bucket). */
    public String key() {
        return method + " " + template;
    }

    /** Whether requests carry the bot token (false for routes authorised by a token in their path). */
    public boolean botAuth() {
        return botAuth;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route other && method.equals(other.method) && template.equals(other.template);
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    /** The template, never a value (a webhook path holds the interaction token). */
    @Override
    public String toString() {
        return key();
    }

    /** Percent-encoding of one path segment: RFC 3986's unreserved characters and {@code @} stay as they are. */
    static String encodeSegment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte raw : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int b = raw & 0xFF;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '.' || b == '_' || b == '~' || b == '@';
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b));
            }
        }
        return out.toString();
    }
}

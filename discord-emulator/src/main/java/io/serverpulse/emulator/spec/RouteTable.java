package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a concrete request path ({@code /api/v10/channels/123/messages?x=1}) to the spec's template
 * ({@code /channels/{channel_id}/messages}). A literal segment beats a parameter, so
 * {@code /users/@me} wins over {@code /users/{user_id}} and {@code .../messages/@original} over
 * {@code .../messages/{message_id}}.
 */
final class RouteTable {

    private static final Pattern API_PREFIX = Pattern.compile("^/api(/v\\d+)?(?=/|$)");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = routes;
    }

    static RouteTable of(JsonNode paths) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : paths.properties()) {
            Map<String, Operation> operations = new LinkedHashMap<>();
            for (String method : METHODS) {
                JsonNode operation = entry.getValue().get(method);
                if (operation != null && operation.isObject()) {
                    String upper = method.toUpperCase(Locale.ROOT);
                    operations.put(upper, new Operation(upper, entry.getKey(), operation.path("operationId").asText(method + " " + entry.getKey()),
                            operation.has("requestBody"), operation.path("requestBody").path("required").asBoolean(false)));
                }
            }
            routes.add(new Route(entry.getKey(), segments(entry.getKey()), operations));
        }
        return new RouteTable(List.copyOf(routes));
    }

    int size() {
        return routes.size();
    }

    /** The template the path matches, if any, whatever the method. */
    Optional<Route> match(String concretePath) {
        List<String> segments = segments(normalize(concretePath));
        Route best = null;
        int bestScore = -1;
        for (Route route : routes) {
            int score = route.score(segments);
            if (score > bestScore) {
                best = route;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Strips the query, the {@code /api/v10} prefix and a trailing slash. */
    static String normalize(String path) {
        String result = path == null ? "" : path;
        int query = result.indexOf('?');
        if (query >= 0) {
            result = result.substring(0, query);
        }
        int fragment = result.indexOf('#');
        if (fragment >= 0) {
            result = result.substring(0, fragment);
        }
        result = API_PREFIX.matcher(result).replaceFirst("");
        if (result.length() > 1 && result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.isEmpty() ? "/" : result;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    record Route(String template, List<String> segments, Map<String, Operation> operations) {

        /** -1 if it does not match; otherwise higher for more literal segments, earlier literals first. */
        int score(List<String> concrete) {
            if (concrete.size() != segments.size()) {
                return -1;
            }
            int score = 0;
            for (int i = 0; i < segments.size(); i++) {
                String expected = segments.get(i);
                boolean parameter = expected.startsWith("{") && expected.endsWith("}");
                if (parameter) {
                    continue;
                }
                if (!expected.equals(concrete.get(i))) {
                    return -1;
                }
                score += 1 << (segments.size() - i);
            }
            return score;
        }

        Optional<Operation> operation(String method) {
            return Optional.ofNullable(operations.get(method.toUpperCase(Locale.ROOT)));
        }
    }
}

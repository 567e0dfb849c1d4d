package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMES;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.InteractionOutcome.Defer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * 10,000 bodies in all, generated from Discord's vocabulary or mutated from the fixtures: no
 * exception escapes {@link InteractionHandler#handle}, every outcome is an answer Discord accepts (or
 * the 400 for a body that is not an interaction), deferred work finishes with a valid edit, and no
 * body is mistaken for a bug (no ERROR log: every failure is classified).
 */
class InteractionFuzzProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIXTURES = List.of("ping.json", "setup.json", "set-update-channel.json",
            "add-collect-channel.json", "remove-collect-channel.json", "topmessagers.json", "leaderboard.json",
            "toggle-alert.json", "alert-threshold.json", "set-digest.json", "ai-provider-set.json", "ai-provider-key.json",
            "ai-provider-key-submit.json", "export-report.json", "serverpulse-status.json", "setup-update-channel.json",
            "setup-collect-channels.json", "setup-digest.json", "setup-alerts-off.json", "setup-done.json",
            "dm-topmessagers.json", "autocomplete.json");
    private static final List<String> COMMANDS = List.of("setup", "set-update-channel", "add-collect-channel",
            "remove-collect-channel", "topmessagers", "leaderboard", "toggle-alert", "alert-threshold", "set-digest",
            "ai-provider", "export-report", "serverpulse");
    private static final List<String> OPTION_NAMES = List.of("channel", "period", "type", "state", "threshold", "window",
            "factor", "frequency", "provider", "model", "format", "set", "key", "status");
    private static final List<String> WORDS = List.of("24h", "7d", "30d", "all", "raid", "drop", "deletion", "voice", "on",
            "off", "hourly", "daily", "weekly", "none", "openai", "gemini", "anthropic", "csv", "json", "1176201535215009855",
            "1176201535215009860", "0", "-1", "18446744073709551615", "", " ", "<@&1>", "@everyone", "ü", "\u0000");
    private static final List<String> CUSTOM_IDS = List.of("setup:update-channel", "setup:collect-channels", "setup:digest",
            "setup:alerts-on", "setup:alerts-off", "setup:done", "ai-provider:key", "setup:", ":", "setup", "topmessagers:x");

    private CommandKit kit;

    @BeforeProperty
    void aGuildWithActivity() {
        kit = new CommandKit();
        kit.post(GUILD, GENERAL, 200000000000000001L, 30, NOW.minus(Duration.ofHours(3)));
        kit.post(GUILD, GENERAL, 200000000000000002L, 20, NOW.minus(Duration.ofHours(3)));
        kit.post(GUILD, MEMES, 200000000000000003L, 10, NOW.minus(Duration.ofDays(2)));
    }

    @Property(tries = 5000, edgeCases = EdgeCasesMode.NONE)
    void generatedBodiesAlwaysGetAValidAnswer(@ForAll("interactions") JsonNode body, @ForAll("sometimes") boolean finish) {
        check(body.toString(), finish);
    }

    @Property(tries = 5000, edgeCases = EdgeCasesMode.NONE)
    void mutatedFixturesAlwaysGetAValidAnswer(@ForAll("mutatedFixtures") String body, @ForAll("sometimes") boolean finish) {
        check(body, finish);
    }

    private void check(String body, boolean finish) {
        try (LogCapture logs = new LogCapture(Level.WARN)) {
            // GIVEN any body
            // WHEN it is handled (and, sometimes, its deferred work finished)
            InteractionOutcome outcome = kit.handler.handle(body);

            // THEN the outcome is valid for Discord, and nothing was treated as a bug
            assertThat(outcome).isNotNull();
            CommandKit.assertValid(outcome);
            if (finish && outcome instanceof Defer defer) {
                kit.complete(defer.work());
            }
            Statistics.collect(kind(outcome));
            assertThat(logs.events()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
        }
    }

    private static String kind(InteractionOutcome outcome) {
        if (outcome instanceof InteractionOutcome.Rejected rejected) {
            return "400 " + rejected.reason().replaceAll("-?\\d+", "n");
        }
        InteractionResponse response = outcome instanceof Defer defer ? defer.response()
                : ((InteractionOutcome.Respond) outcome).response();
        String text = response.json();
        String detail = text.contains("Manage Server") || text.contains("Server verwalten") || text.contains("Gérer le serveur")
                ? " refused" : response.body().at("/data/flags").asInt() == 64 ? " ephemeral" : "";
        return "type " + response.type() + detail;
    }

    @Provide
    Arbitrary<Boolean> sometimes() {
        return Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false));
    }

    // ------------------------------------------------------------------ generated bodies

    @Provide
    Arbitrary<JsonNode> interactions() {
        Arbitrary<JsonNode> type = Arbitraries.frequencyOf(
                Tuple.of(19, Arbitraries.of(1, 2, 2, 2, 3, 3, 4, 5, 5).map(NODES::numberNode)), Tuple.of(1, anyValue(1)));
        Arbitrary<JsonNode> snowflake = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(1, Long.MAX_VALUE).map(id -> NODES.textNode(Long.toString(id)))),
                Tuple.of(4, Arbitraries.just(NODES.textNode(Long.toString(GUILD)))), Tuple.of(1, anyValue(1)));
        Arbitrary<JsonNode> permissions = Arbitraries.oneOf(
                Arbitraries.of("1071698660961", "1071698660929", "8", "0", "32", "-32", "x", "99999999999999999999999999")
                        .map(NODES::textNode), anyValue(1));
        Arbitrary<JsonNode> locale = Arbitraries.of("en-US", "de", "fr", "ja", "pt-BR", "", "../../etc", "zz-ZZZZZZZZZ")
                .map(NODES::textNode);
        Arbitrary<JsonNode> data = Arbitraries.frequencyOf(Tuple.of(5, commandData()), Tuple.of(3, componentData()),
                Tuple.of(2, modalData()), Tuple.of(1, anyValue(2)));
        // shape bits (each set 1 time in 8): bad token, no guild, DM user instead of member, no data
        Arbitrary<Integer> shapes = Arbitraries.integers().between(0, 7).list().ofSize(4)
                .map(bits -> (bits.get(0) == 0 ? 1 : 0) | (bits.get(1) == 0 ? 2 : 0) | (bits.get(2) == 0 ? 4 : 0) | (bits.get(3) == 0 ? 8 : 0));
        return Combinators.combine(type, snowflake, snowflake, permissions, locale, data, shapes)
                .as((typeNode, guild, user, perms, loc, dataNode, shape) -> {
                    ObjectNode body = NODES.objectNode();
                    body.set("type", typeNode);
                    body.put("id", "1180151035315077200");
                    body.put("application_id", "1177777777777777777");
                    body.put("token", (shape & 1) == 0 ? "aW50ZXJhY3Rpb24.fuzz" : "bad token/..");
                    if ((shape & 2) == 0) {
                        body.set("guild_id", guild);
                    }
                    if ((shape & 4) == 0) {
                        ObjectNode member = body.putObject("member");
                        member.set("permissions", perms);
                        member.putObject("user").set("id", user);
                    } else {
                        body.putObject("user").set("id", user);
                    }
                    body.set("locale", loc);
                    if ((shape & 8) == 0) {
                        body.set("data", dataNode);
                    }
                    return body;
                });
    }

    private Arbitrary<JsonNode> commandData() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.of(COMMANDS), Arbitraries.strings().ofMaxLength(40)),
                options(2), resolved()).as((name, options, resolved) -> {
                    ObjectNode data = NODES.objectNode();
                    data.put("id", "1180000000000000100");
                    data.put("name", name);
                    data.put("type", 1);
                    data.set("options", options);
                    data.set("resolved", resolved);
                    return data;
                });
    }

    private Arbitrary<JsonNode> options(int depth) {
        Arbitrary<JsonNode> option = Combinators.combine(Arbitraries.of(OPTION_NAMES),
                Arbitraries.of(1, 2, 3, 4, 5, 7, 10, 11, 0), depth > 0 ? options(depth - 1) : Arbitraries.just(NODES.arrayNode()),
                optionValue()).as((name, type, nested, value) -> {
                    ObjectNode node = NODES.objectNode();
                    node.put("name", name);
                    node.put("type", type);
                    if (type == 1 || type == 2) {
                        node.set("options", nested);
                    } else {
                        node.set("value", value);
                    }
                    return node;
                });
        return option.list().ofMaxSize(4).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
    }

    private Arbitrary<JsonNode> optionValue() {
        return Arbitraries.oneOf(Arbitraries.of(WORDS).map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.integers().between(-10, 100_000).map(NODES::numberNode),
                Arbitraries.doubles().between(-5, 200).map(NODES::numberNode),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 1e308).map(NODES::numberNode),
                Arbitraries.strings().ofMaxLength(300).map(NODES::textNode),
                anyValue(1));
    }

    private Arbitrary<JsonNode> resolved() {
        return Combinators.combine(Arbitraries.of("1176201535215009855", "1176201535215009860", "x", "0"),
                Arbitraries.integers().between(-1, 16)).as((id, type) -> {
                    ObjectNode resolved = NODES.objectNode();
                    resolved.putObject("channels").putObject(id).put("id", id).put("type", type).put("name", "c");
                    return resolved;
                });
    }

    private Arbitrary<JsonNode> componentData() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.of(CUSTOM_IDS), Arbitraries.strings().ofMaxLength(120)),
                Arbitraries.of(2, 3, 8, 0), Arbitraries.of(WORDS).list().ofMaxSize(30), resolved())
                .as((customId, componentType, values, resolved) -> {
                    ObjectNode data = NODES.objectNode();
                    data.put("custom_id", customId);
                    data.put("component_type", componentType);
                    ArrayNode array = data.putArray("values");
                    values.forEach(array::add);
                    data.set("resolved", resolved);
                    return data;
                });
    }

    private Arbitrary<JsonNode> modalData() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.of(CUSTOM_IDS), Arbitraries.strings().ofMaxLength(20)),
                Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(400), Arbitraries.strings().ascii().ofMinLength(8).ofMaxLength(60)),
                Arbitraries.of(true, false)).as((customId, key, labelled) -> {
                    ObjectNode data = NODES.objectNode();
                    data.put("custom_id", customId);
                    ObjectNode input = NODES.objectNode().put("type", 4).put("custom_id", "key").put("value", key);
                    ObjectNode top = data.putArray("components").addObject();
                    if (labelled) {
                        top.put("type", 18).set("component", input);
                    } else {
                        top.put("type", 1).putArray("components").add(input);
                    }
                    return data;
                });
    }

    /** Any JSON value, nested at most {@code depth} levels. */
    private static Arbitrary<JsonNode> anyValue(int depth) {
        List<Arbitrary<JsonNode>> leaves = List.of(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.strings().ofMaxLength(50).map(NODES::textNode),
                Arbitraries.of(WORDS).map(NODES::textNode));
        if (depth <= 0) {
            return Arbitraries.oneOf(leaves);
        }
        Arbitrary<JsonNode> array = anyValue(depth - 1).list().ofMaxSize(3).map(list -> {
            ArrayNode node = NODES.arrayNode();
            list.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Combinators.combine(Arbitraries.of(OPTION_NAMES), anyValue(depth - 1)).as((key, value) -> {
            ObjectNode node = NODES.objectNode();
            node.set(key, value);
            return node;
        });
        List<Arbitrary<JsonNode>> all = new ArrayList<>(leaves);
        all.add(array);
        all.add(object);
        return Arbitraries.oneOf(all);
    }

    // ------------------------------------------------------------------ mutated fixtures

    @Provide
    Arbitrary<String> mutatedFixtures() {
        return Combinators.combine(Arbitraries.of(FIXTURES), Arbitraries.integers().between(1, 4).flatMap(n ->
                Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 9), anyValue(2))
                        .as(Mutation::new).list().ofSize(n)), Arbitraries.integers().between(0, 20))
                .as((name, mutations, textual) -> {
                    JsonNode tree = CommandKit.fixture(name);
                    for (Mutation mutation : mutations) {
                        tree = mutation.apply(tree);
                    }
                    String text = tree.toString();
                    if (textual == 0 && !text.isEmpty()) {
                        // now and then, a body cut short or with a stray character
                        int at = mutations.get(0).where() % text.length();
                        return mutations.get(0).kind() % 2 == 0 ? text.substring(0, at) : text.substring(0, at) + "\u00ff" + text.substring(at);
                    }
                    return text;
                });
    }

    /** One change at one place of a JSON tree (the place is picked by {@code where} among all nodes). */
    private record Mutation(int where, int kind, JsonNode value) {

        JsonNode apply(JsonNode root) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(where % containers.size());
            if (target instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String field = names.get(where % names.size());
                switch (kind) {
                    case 0, 1 -> object.remove(field);
                    case 2 -> object.putNull(field);
                    case 3 -> object.put(field, "x".repeat(5000));
                    case 4 -> object.put(field, -1);
                    case 5 -> object.put(field, Long.MAX_VALUE);
                    case 6 -> object.set(field, NODES.arrayNode().add(object.get(field)));
                    default -> object.set(field, value);
                }
            } else if (target instanceof ArrayNode array && array.size() > 0) {
                int index = where % array.size();
                switch (kind) {
                    case 0, 1 -> array.remove(index);
                    case 2 -> array.add(array.get(index).deepCopy());
                    default -> array.set(index, value);
                }
            }
            return root;
        }

        private static void collect(JsonNode node, List<JsonNode> containers) {
            if (node.isContainerNode()) {
                containers.add(node);
                node.forEach(child -> collect(child, containers));
            }
        }
    }
}

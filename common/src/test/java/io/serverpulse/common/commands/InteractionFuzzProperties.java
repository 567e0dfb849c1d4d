package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMES;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.InteractionOutcome.Defer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * 10,000 bodies in all, generated from Discord's vocabulary or mutated from the fixtures: no
 * exception escapes {@link InteractionHandler#handle}, every outcome is an answer Discord accepts (or
 * the 400 for a body that is not an interaction), deferred work finishes with a valid edit, and no
 * body is mistaken for a bug (no ERROR log: every failure is classified). Fixed seeds: every run
 * handles the same 10,000 bodies; the kinds of outcome seen are printed after each property.
 */
class InteractionFuzzProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIXTURES = List.of("ping.json", "setup.json", "set-update-channel.json",
            "add-collect-channel.json", "remove-collect-channel.json", "topmessagers.json", "leaderboard.json",
            "toggle-alert.json", "alert-threshold.json", "set-digest.json", "ai-provider-set.json", "ai-provider-key.json",
            "ai-provider-key-submit.json", "export-report.json", "serverpulse-status.json", "setup-update-channel.json",
            "setup-collect-channels.json", "setup-digest.json", "setup-alerts-off.json", "setup-done.json",
            "dm-topmessagers.json", "autocomplete.json", "sentiment-on.json", "sentiment-off.json", "sentiment-summary.json");
    private static final List<String> COMMANDS = List.of("setup", "set-update-channel", "add-collect-channel",
            "remove-collect-channel", "topmessagers", "leaderboard", "toggle-alert", "alert-threshold", "set-digest",
            "ai-provider", "export-report", "sentiment", "serverpulse");
    private static final List<String> OPTION_NAMES = List.of("channel", "period", "type", "state", "threshold", "window",
            "factor", "frequency", "provider", "model", "format", "set", "key", "status", "on", "off", "summary");
    private static final List<String> WORDS = List.of("24h", "7d", "30d", "all", "raid", "drop", "deletion", "voice", "on",
            "off", "hourly", "daily", "weekly", "none", "openai", "gemini", "anthropic", "csv", "json", "1176201535215009855",
            "1176201535215009860", "0", "-1", "18446744073709551615", "", " ", "<@&1>", "@everyone", "ü", "\u0000");
    private static final List<String> CUSTOM_IDS = List.of("setup:update-channel", "setup:collect-channels", "setup:digest",
            "setup:alerts-on", "setup:alerts-off", "setup:done", "ai-provider:key", "setup:", ":", "setup", "topmessagers:x");

    private static final int BODIES_PER_PROPERTY = 5_000;
    /**
     * QuickTheories skips an input it has already tried (the first boundary examples may repeat), and
     * counts the skip as a try: a few more tries make sure that at least 5,000 different bodies are handled.
     */
    private static final int TRIES_PER_PROPERTY = BODIES_PER_PROPERTY + 10;

    private CommandKit kit;
    /** How many bodies got which kind of outcome (printed at the end of each property). */
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int handled;

    @BeforeEach
    void aGuildWithActivity() {
        kit = new CommandKit();
        kit.post(GUILD, GENERAL, 200000000000000001L, 30, NOW.minus(Duration.ofHours(3)));
        kit.post(GUILD, GENERAL, 200000000000000002L, 20, NOW.minus(Duration.ofHours(3)));
        kit.post(GUILD, MEMES, 200000000000000003L, 10, NOW.minus(Duration.ofDays(2)));
    }

    @Test
    void generatedBodiesAlwaysGetAValidAnswer() {
        qt().withFixedSeed(0x1F0A_0001L).withExamples(TRIES_PER_PROPERTY).withShrinkCycles(5_000)
                .forAll(interactions(), sometimes())
                .checkAssert((body, finish) -> check(body.toString(), finish));
        report("generated bodies");
    }

    @Test
    void mutatedFixturesAlwaysGetAValidAnswer() {
        qt().withFixedSeed(0x1F0A_0002L).withExamples(TRIES_PER_PROPERTY).withShrinkCycles(5_000)
                .forAll(mutatedFixtures(), sometimes())
                .checkAssert(this::check);
        report("mutated fixtures");
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
            assertThat(logs.events()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
            handled++;
            outcomes.merge(kind(outcome), 1, Integer::sum);
        }
    }

    /**
     * At least 5,000 different bodies were handled, and they reached refusals (400), answers (type 4)
     * and deferred work (type 5), not only one of them; the kinds of outcome are printed.
     */
    private void report(String what) {
        assertThat(handled).as("different bodies handled").isGreaterThanOrEqualTo(BODIES_PER_PROPERTY);
        assertThat(outcomes.keySet()).as("kinds of outcome")
                .anyMatch(kind -> kind.startsWith("400 "))
                .anyMatch(kind -> kind.startsWith("type 4"))
                .anyMatch(kind -> kind.startsWith("type 5"));
        StringBuilder table = new StringBuilder(String.format("%,d %s, by outcome:%n", handled, what));
        outcomes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> table.append(String.format("  %-50s %5d  %5.2f %%%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / handled)));
        System.out.print(table);
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

    /** True one time in ten. */
    private static Gen<Boolean> sometimes() {
        return Generate.frequency(Pair.of(1, Generate.constant(true)), Pair.of(9, Generate.constant(false)));
    }

    // ------------------------------------------------------------------ generators of JSON pieces

    private static Gen<JsonNode> text(Gen<String> strings) {
        return strings.map(NODES::textNode);
    }

    private static Gen<JsonNode> number(Gen<? extends Number> numbers) {
        return numbers.map(n -> n instanceof Integer i ? NODES.numberNode(i)
                : n instanceof Long l ? NODES.numberNode(l) : NODES.numberNode(n.doubleValue()));
    }

    /** Any text (every Unicode code point) of up to {@code maxLength} chars. */
    private static Gen<String> anyString(int maxLength) {
        return strings().allPossible().ofLengthBetween(0, maxLength);
    }

    private static <T> Gen<T> pick(List<T> values) {
        return Generate.pick(values);
    }

    private static Gen<JsonNode> arrayOf(Gen<JsonNode> element, int maxSize) {
        return lists().of(element).ofSizeBetween(0, maxSize).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
    }

    // ------------------------------------------------------------------ generated bodies

    static Gen<JsonNode> interactions() {
        Gen<JsonNode> type = Generate.frequency(
                Pair.of(19, number(Generate.pick(List.of(1, 2, 2, 2, 3, 3, 4, 5, 5)))), Pair.of(1, anyValue(1)));
        Gen<JsonNode> snowflake = Generate.frequency(
                Pair.of(4, text(longs().between(1, Long.MAX_VALUE).map(id -> Long.toString(id)))),
                Pair.of(4, text(Generate.constant(Long.toString(GUILD)))), Pair.of(1, anyValue(1)));
        Gen<JsonNode> permissions = Generate.oneOf(
                text(pick(List.of("1071698660961", "1071698660929", "8", "0", "32", "-32", "x", "99999999999999999999999999"))),
                anyValue(1));
        Gen<JsonNode> locale = text(pick(List.of("en-US", "de", "fr", "ja", "pt-BR", "", "../../etc", "zz-ZZZZZZZZZ")));
        Gen<JsonNode> data = Generate.frequency(Pair.of(5, commandData()), Pair.of(3, componentData()),
                Pair.of(2, modalData()), Pair.of(1, anyValue(2)));
        // shape bits (each set 1 time in 8): bad token, no guild, DM user instead of member, no data
        Gen<Integer> shapes = lists().of(integers().between(0, 7)).ofSize(4)
                .map(bits -> (bits.get(0) == 0 ? 1 : 0) | (bits.get(1) == 0 ? 2 : 0) | (bits.get(2) == 0 ? 4 : 0) | (bits.get(3) == 0 ? 8 : 0));
        Gen<JsonNode> who = snowflake.zip(snowflake, permissions, (guild, user, perms) -> {
            ObjectNode ids = NODES.objectNode();
            ids.set("guild", guild);
            ids.set("user", user);
            ids.set("permissions", perms);
            return ids;
        });
        return type.zip(who, locale, data, shapes, (typeNode, ids, loc, dataNode, shape) -> {
            ObjectNode body = NODES.objectNode();
            body.set("type", typeNode);
            body.put("id", "1180151035315077200");
            body.put("application_id", "1177777777777777777");
            body.put("token", (shape & 1) == 0 ? "aW50ZXJhY3Rpb24.fuzz" : "bad token/..");
            if ((shape & 2) == 0) {
                body.set("guild_id", ids.get("guild"));
            }
            if ((shape & 4) == 0) {
                ObjectNode member = body.putObject("member");
                member.set("permissions", ids.get("permissions"));
                member.putObject("user").set("id", ids.get("user"));
            } else {
                body.putObject("user").set("id", ids.get("user"));
            }
            body.set("locale", loc);
            if ((shape & 8) == 0) {
                body.set("data", dataNode);
            }
            return body;
        });
    }

    private static Gen<JsonNode> commandData() {
        return Generate.oneOf(pick(COMMANDS), anyString(40)).zip(options(2), resolved(), (name, options, resolved) -> {
            ObjectNode data = NODES.objectNode();
            data.put("id", "1180000000000000100");
            data.put("name", name);
            data.put("type", 1);
            data.set("options", options);
            data.set("resolved", resolved);
            return data;
        });
    }

    private static Gen<JsonNode> options(int depth) {
        Gen<JsonNode> nested = depth > 0 ? options(depth - 1) : in -> NODES.arrayNode();
        Gen<JsonNode> option = pick(OPTION_NAMES).zip(pick(List.of(1, 2, 3, 4, 5, 7, 10, 11, 0)), nested, optionValue(),
                (name, type, children, value) -> {
                    ObjectNode node = NODES.objectNode();
                    node.put("name", name);
                    node.put("type", type);
                    if (type == 1 || type == 2) {
                        node.set("options", children);
                    } else {
                        node.set("value", value);
                    }
                    return node;
                });
        return arrayOf(option, 4);
    }

    private static Gen<JsonNode> optionValue() {
        return Generate.oneOf(text(pick(WORDS)),
                number(longs().all()),
                number(integers().between(-10, 100_000)),
                number(doubles().between(-5, 200).mix(doubles().between(-5, 200).map(d -> Math.round(d * 100) / 100.0))),
                number(pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, 1e308))),
                text(anyString(300)),
                anyValue(1));
    }

    private static Gen<JsonNode> resolved() {
        return pick(List.of("1176201535215009855", "1176201535215009860", "x", "0")).zip(integers().between(-1, 16),
                (id, type) -> {
                    ObjectNode resolved = NODES.objectNode();
                    resolved.putObject("channels").putObject(id).put("id", id).put("type", type).put("name", "c");
                    return resolved;
                });
    }

    private static Gen<JsonNode> componentData() {
        return Generate.oneOf(pick(CUSTOM_IDS), anyString(120)).zip(pick(List.of(2, 3, 8, 0)),
                lists().of(pick(WORDS)).ofSizeBetween(0, 30), resolved(), (customId, componentType, values, resolved) -> {
                    ObjectNode data = NODES.objectNode();
                    data.put("custom_id", customId);
                    data.put("component_type", componentType);
                    ArrayNode array = data.putArray("values");
                    values.forEach(array::add);
                    data.set("resolved", resolved);
                    return data;
                });
    }

    private static Gen<JsonNode> modalData() {
        return Generate.oneOf(pick(CUSTOM_IDS), anyString(20)).zip(
                Generate.oneOf(anyString(400), strings().ascii().ofLengthBetween(8, 60)),
                Generate.booleans(), (customId, key, labelled) -> {
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
    private static Gen<JsonNode> anyValue(int depth) {
        List<Gen<JsonNode>> all = new ArrayList<>(List.<Gen<JsonNode>>of(
                in -> NODES.nullNode(),
                Generate.booleans().map(NODES::booleanNode),
                number(longs().all()),
                number(doubles().any()),
                text(anyString(50)),
                text(pick(WORDS))));
        if (depth > 0) {
            all.add(arrayOf(anyValue(depth - 1), 3));
            all.add(pick(OPTION_NAMES).zip(anyValue(depth - 1), (key, value) -> {
                ObjectNode node = NODES.objectNode();
                node.set(key, value);
                return node;
            }));
        }
        Gen<Integer> which = integers().between(0, all.size() - 1);
        return in -> all.get(which.generate(in)).generate(in);
    }

    // ------------------------------------------------------------------ mutated fixtures

    static Gen<String> mutatedFixtures() {
        Gen<Mutation> mutation = integers().between(0, 10_000).zip(integers().between(0, 9), anyValue(2), Mutation::new);
        return pick(FIXTURES).zip(lists().of(mutation).ofSizeBetween(1, 4), integers().between(0, 20),
                (name, mutations, textual) -> {
                    JsonNode tree = CommandKit.fixture(name);
                    for (Mutation m : mutations) {
                        tree = m.apply(tree);
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

package io.serverpulse.interactions.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded generation of interaction bodies for fuzzing: realistic interactions mutated at the JSON level
 * (fields removed, values of the wrong type, edge numbers, odd strings, custom ids of every command), at
 * the byte level (flips, cuts, inserts, invalid UTF-8), and JSON generated from nothing. The same seed
 * gives the same bodies.
 */
public final class InteractionMutator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] STRINGS = {"", " ", "0", "-1", "18446744073709551616", "99999999999999999999999", "1e400",
            "null", "true", "topmessagers", "setup", "export-report", "ai-provider", "serverpulse", "leaderboard", "status", "sentiment", "summary",
            "set", "key", "7d", "24h", "30d", "all", "forever", "csv", "json", "xml", "raid", "deletion", "drop", "voice", "on",
            "off", "hourly", "weekly", "none", "setup:update-channel", "setup:collect-channels", "setup:digest", "setup:alerts-on",
            "setup:alerts-off", "setup:done", "setup:", ":", "ai-provider:key", "setup:nope", "../../etc/passwd", "<@&123>",
            "@everyone", "\u0000", "\u202e\u202d", "😀".repeat(50), "é".repeat(3000), "x".repeat(120_000), "\\\"", "%s%n",
            "${jndi:ldap://x}", "de", "fr", "zz-ZZ", "en-US"};
    private static final long[] NUMBERS = {0, 1, -1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 100, 255, 1024, 4096, Integer.MAX_VALUE,
            Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 9_007_199_254_740_993L, 1_200_000_000_000_000_101L};

    private final Random random;
    private final List<ObjectNode> seeds;
    private long nextId = 1_400_000_000_000_000_001L;

    public InteractionMutator(long seed, List<ObjectNode> seeds) {
        this.random = new Random(seed);
        this.seeds = List.copyOf(seeds);
    }

    /** What kind of body {@link #next()} made last, for the statistics. */
    public enum Kind { TREE_MUTATION, BYTE_MUTATION, GENERATED, SEED }

    private Kind lastKind;

    public Kind lastKind() {
        return lastKind;
    }

    public byte[] next() {
        int dice = random.nextInt(20);
        if (dice < 12) {
            lastKind = Kind.TREE_MUTATION;
            ObjectNode tree = seed();
            int mutations = 1 + random.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                mutate(tree);
            }
            return bytes(tree);
        }
        if (dice < 16) {
            lastKind = Kind.BYTE_MUTATION;
            return mutateBytes(bytes(seed()));
        }
        if (dice < 18) {
            lastKind = Kind.GENERATED;
            return bytes(randomValue(4));
        }
        lastKind = Kind.SEED;
        return bytes(seed());
    }

    /**
     * A seed as Discord would send it again: a new interaction, with an id of its own (Discord never sends one
     * twice, and the endpoint refuses a repeated id as a replay).
     */
    private ObjectNode seed() {
        ObjectNode copy = seeds.get(random.nextInt(seeds.size())).deepCopy();
        if (copy.path("id").isTextual()) {
            copy.put("id", Long.toUnsignedString(nextId++));
        }
        return copy;
    }

    private void mutate(ObjectNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(7)) {
            case 0 -> slot.remove();
            case 1 -> slot.set(NODES.nullNode());
            case 2 -> slot.set(NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]));
            case 3 -> slot.set(NODES.numberNode(NUMBERS[random.nextInt(NUMBERS.length)]));
            case 4 -> slot.set(randomValue(3));
            case 5 -> slot.set(typeConfused(slot.get()));
            default -> slot.set(random.nextBoolean() ? NODES.numberNode(new BigInteger("123456789012345678901234567890"))
                    : NODES.numberNode(random.nextDouble() * 1e6));
        }
    }

    /** The same value as another JSON type: "123" for 123, 123 for "123", [x] for x, {"value": x}. */
    private JsonNode typeConfused(JsonNode value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value.isTextual()) {
            try {
                return NODES.numberNode(Long.parseLong(value.textValue()));
            } catch (NumberFormatException e) {
                return NODES.arrayNode().add(value);
            }
        }
        if (value.isNumber()) {
            return NODES.textNode(value.asText());
        }
        if (value.isContainerNode()) {
            return random.nextBoolean() ? NODES.textNode(value.toString()) : NODES.arrayNode();
        }
        return NODES.objectNode().set("value", value);
    }

    private JsonNode randomValue(int depth) {
        int kind = depth <= 0 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(NUMBERS[random.nextInt(NUMBERS.length)]);
            case 3 -> NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]);
            case 4 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                String[] names = {"type", "id", "token", "application_id", "data", "guild_id", "member", "permissions", "options",
                        "name", "value", "custom_id", "values", "components", "locale", "resolved", "channels"};
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(names[random.nextInt(names.length)], randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private byte[] mutateBytes(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        byte[] out = body.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length));
            case 2 -> {
                int at = random.nextInt(out.length);
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                byte[] longer = new byte[out.length + noise.length];
                System.arraycopy(out, 0, longer, 0, at);
                System.arraycopy(noise, 0, longer, at, noise.length);
                System.arraycopy(out, at, longer, at + noise.length, out.length - at);
                out = longer;
            }
            case 3 -> out[random.nextInt(out.length)] = (byte) 0xFF; // never valid in UTF-8
            case 4 -> {
                int from = random.nextInt(out.length);
                int to = Math.min(out.length, from + 1 + random.nextInt(64));
                byte[] shorter = new byte[out.length - (to - from)];
                System.arraycopy(out, 0, shorter, 0, from);
                System.arraycopy(out, to, shorter, from, out.length - to);
                out = shorter;
            }
            default -> {
                String text = new String(out, StandardCharsets.UTF_8);
                out = (text + text.substring(0, random.nextInt(text.length()))).getBytes(StandardCharsets.UTF_8);
            }
        }
        return out;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** A place in a tree: an object's field or an array's element. */
    private record Slot(JsonNode parent, String name, int index) {
        JsonNode get() {
            return name != null ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) parent).set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (name != null) {
                ((ObjectNode) parent).remove(name);
            } else if (index < parent.size()) {
                ((ArrayNode) parent).remove(index);
            }
        }
    }
}

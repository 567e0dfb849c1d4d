package io.serverpulse.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application's registered commands, global ({@code guildId} null) and per guild, keyed by
 * (type, name) as Discord keys them. Guarded by {@link EmulatorState}'s lock.
 */
public final class CommandRegistry {

    /** The result of an upsert: whether it created a new command (201) or replaced one (200). */
    public record Upsert(boolean created, ObjectNode command) {
    }

    private final Map<Long, Map<String, ObjectNode>> byScope = new HashMap<>();
    private final long applicationId;
    private final IdGenerator ids;

    CommandRegistry(long applicationId, IdGenerator ids) {
        this.applicationId = applicationId;
        this.ids = ids;
    }

    private static final long GLOBAL = 0L;

    private Map<String, ObjectNode> scope(Long guildId) {
        return byScope.computeIfAbsent(guildId == null ? GLOBAL : guildId, k -> new LinkedHashMap<>());
    }

    private static String key(JsonNode body) {
        return body.path("type").asInt(1) + ":" + body.path("name").asText();
    }

    Upsert upsert(Long guildId, JsonNode body) {
        Map<String, ObjectNode> scope = scope(guildId);
        ObjectNode previous = scope.get(key(body));
        ObjectNode command = complete(guildId, body, previous);
        scope.put(key(body), command);
        return new Upsert(previous == null, command.deepCopy());
    }

    List<ObjectNode> overwrite(Long guildId, JsonNode array) {
        Map<String, ObjectNode> scope = scope(guildId);
        Map<String, ObjectNode> replaced = new LinkedHashMap<>();
        for (JsonNode body : array) {
            replaced.put(key(body), complete(guildId, body, scope.get(key(body))));
        }
        scope.clear();
        scope.putAll(replaced);
        return list(guildId);
    }

    public List<ObjectNode> list(Long guildId) {
        List<ObjectNode> copies = new ArrayList<>();
        scope(guildId).values().forEach(c -> copies.add(c.deepCopy()));
        return copies;
    }

    /** The command a user would invoke by {@code name} in a guild: the guild's own first, then the global one. */
    public Optional<ObjectNode> find(long guildId, String name) {
        for (Long scopeId : new Long[] {guildId, null}) {
            for (ObjectNode command : scope(scopeId).values()) {
                if (command.path("name").asText().equals(name) && command.path("type").asInt(1) == 1) {
                    return Optional.of(command.deepCopy());
                }
            }
        }
        return Optional.empty();
    }

    private ObjectNode complete(Long guildId, JsonNode body, ObjectNode previous) {
        ObjectNode command = body.deepCopy();
        long id = previous == null ? ids.next() : Long.parseLong(previous.path("id").asText());
        command.put("id", Json.id(id));
        command.put("application_id", Json.id(applicationId));
        command.put("version", Json.id(ids.next()));
        if (!command.has("type")) {
            command.put("type", 1);
        }
        if (!command.has("description")) {
            command.put("description", "");
        }
        if (!command.has("default_member_permissions")) {
            command.putNull("default_member_permissions");
        }
        if (!command.has("nsfw")) {
            command.put("nsfw", false);
        }
        if (guildId != null) {
            command.put("guild_id", Json.id(guildId));
        }
        return command;
    }
}

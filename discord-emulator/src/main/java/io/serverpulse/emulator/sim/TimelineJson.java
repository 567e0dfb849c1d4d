package io.serverpulse.emulator.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberRemove;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageCreate;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDelete;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDeleteBulk;
import io.serverpulse.emulator.timeline.TimelineEvent.ReactionAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.VoiceStateUpdate;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes and reads timelines as JSON lines: one JSON object per line, described in
 * {@code discord-emulator/TIMELINE_FORMAT.md}. A timeline written and read back is equal to the
 * original (communities, collected channels, events, incidents, start and end), so it replays
 * identically and has the same ground truth.
 */
public final class TimelineJson {

    /** The {@code format} this class writes and reads in the {@code timeline} header line. */
    public static final int FORMAT_VERSION = 1;

    static final String MESSAGE_CREATE = "message_create";
    static final String MESSAGE_DELETE = "message_delete";
    static final String MESSAGE_DELETE_BULK = "message_delete_bulk";
    static final String REACTION_ADD = "reaction_add";
    static final String MEMBER_ADD = "member_add";
    static final String MEMBER_REMOVE = "member_remove";
    static final String VOICE_STATE_UPDATE = "voice_state_update";
    private static final List<String> TYPES = List.of("timeline", "guild", "channel", "member", "emoji", "incident",
            MESSAGE_CREATE, MESSAGE_DELETE, MESSAGE_DELETE_BULK, REACTION_ADD, MEMBER_ADD, MEMBER_REMOVE, VOICE_STATE_UPDATE);

    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private TimelineJson() {
    }

    // ---- writing ---------------------------------------------------------------------------

    public static void write(SimulatedCommunity simulation, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(simulation, out);
        }
    }

    /** Writes the header, the communities, the incidents, then the events; does not close {@code out}. */
    public static void write(SimulatedCommunity simulation, Writer out) throws IOException {
        Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        JsonGenerator g = MAPPER.getFactory().createGenerator(buffered);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null);
        g.writeStartObject();
        g.writeStringField("type", "timeline");
        g.writeNumberField("format", FORMAT_VERSION);
        g.writeStringField("start", simulation.start().toString());
        g.writeStringField("end", simulation.end().toString());
        endLine(g);
        for (Community community : simulation.communities()) {
            writeCommunity(g, community, simulation.collectedChannelIds());
        }
        for (Incident incident : simulation.incidents()) {
            writeIncident(g, incident);
        }
        for (TimelineEvent event : simulation.events()) {
            writeEvent(g, event);
        }
        g.flush();
        buffered.flush();
    }

    public static String toJsonLines(SimulatedCommunity simulation) {
        StringWriter out = new StringWriter();
        try {
            write(simulation, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeCommunity(JsonGenerator g, Community community, Set<Long> collected) throws IOException {
        String guildId = Long.toString(community.guildId());
        g.writeStartObject();
        g.writeStringField("type", "guild");
        g.writeStringField("guild_id", guildId);
        g.writeStringField("name", community.name());
        g.writeStringField("owner_id", Long.toString(community.ownerId()));
        endLine(g);
        for (Community.Channel channel : community.channels()) {
            g.writeStartObject();
            g.writeStringField("type", "channel");
            g.writeStringField("guild_id", guildId);
            g.writeStringField("channel_id", Long.toString(channel.id()));
            g.writeStringField("name", channel.name());
            g.writeNumberField("channel_type", channel.type().code());
            g.writeNumberField("position", channel.position());
            g.writeBooleanField("collected", collected.contains(channel.id()));
            endLine(g);
        }
        for (Community.Member member : community.members()) {
            g.writeStartObject();
            g.writeStringField("type", "member");
            g.writeStringField("guild_id", guildId);
            g.writeStringField("user_id", Long.toString(member.userId()));
            g.writeStringField("username", member.username());
            g.writeBooleanField("bot", member.bot());
            endLine(g);
        }
        for (Community.Emoji emoji : community.emojis()) {
            g.writeStartObject();
            g.writeStringField("type", "emoji");
            g.writeStringField("guild_id", guildId);
            g.writeStringField("emoji_id", Long.toString(emoji.id()));
            g.writeStringField("name", emoji.name());
            endLine(g);
        }
    }

    private static void writeIncident(JsonGenerator g, Incident incident) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "incident");
        g.writeStringField("incident", incident.type().name().toLowerCase(Locale.ROOT));
        g.writeStringField("guild_id", Long.toString(incident.guildId()));
        g.writeStringField("start", incident.start().toString());
        g.writeStringField("end", incident.end().toString());
        g.writeArrayFieldStart("channel_ids");
        for (long id : incident.channelIds()) {
            g.writeString(Long.toString(id));
        }
        g.writeEndArray();
        g.writeNumberField("magnitude", incident.magnitude());
        endLine(g);
    }

    private static void writeEvent(JsonGenerator g, TimelineEvent event) throws IOException {
        g.writeStartObject();
        if (event instanceof MessageCreate m) {
            g.writeStringField("type", MESSAGE_CREATE);
            ids(g, m.guildId(), m.channelId());
            g.writeStringField("message_id", Long.toString(m.messageId()));
            g.writeStringField("author_id", Long.toString(m.authorId()));
            g.writeBooleanField("bot", m.bot());
            g.writeStringField("content", m.content());
        } else if (event instanceof MessageDelete d) {
            g.writeStringField("type", MESSAGE_DELETE);
            ids(g, d.guildId(), d.channelId());
            g.writeStringField("message_id", Long.toString(d.messageId()));
        } else if (event instanceof MessageDeleteBulk b) {
            g.writeStringField("type", MESSAGE_DELETE_BULK);
            ids(g, b.guildId(), b.channelId());
            g.writeArrayFieldStart("message_ids");
            for (long id : b.messageIds()) {
                g.writeString(Long.toString(id));
            }
            g.writeEndArray();
            g.writeNumberField("count", b.messageIds().size());
        } else if (event instanceof ReactionAdd r) {
            g.writeStringField("type", REACTION_ADD);
            ids(g, r.guildId(), r.channelId());
            g.writeStringField("message_id", Long.toString(r.messageId()));
            g.writeStringField("user_id", Long.toString(r.userId()));
            g.writeStringField("emoji", r.emoji());
        } else if (event instanceof MemberAdd a) {
            g.writeStringField("type", MEMBER_ADD);
            g.writeStringField("guild_id", Long.toString(a.guildId()));
            g.writeStringField("user_id", Long.toString(a.userId()));
            g.writeStringField("username", a.username());
            g.writeBooleanField("bot", a.bot());
        } else if (event instanceof MemberRemove r) {
            g.writeStringField("type", MEMBER_REMOVE);
            g.writeStringField("guild_id", Long.toString(r.guildId()));
            g.writeStringField("user_id", Long.toString(r.userId()));
        } else if (event instanceof VoiceStateUpdate v) {
            g.writeStringField("type", VOICE_STATE_UPDATE);
            g.writeStringField("guild_id", Long.toString(v.guildId()));
            g.writeStringField("user_id", Long.toString(v.userId()));
            if (v.channelId() == null) {
                g.writeNullField("channel_id");
            } else {
                g.writeStringField("channel_id", Long.toString(v.channelId()));
            }
        } else {
            throw new IllegalArgumentException("unknown event " + event.getClass().getSimpleName());
        }
        g.writeStringField("at", event.at().toString());
        endLine(g);
    }

    private static void ids(JsonGenerator g, long guildId, long channelId) throws IOException {
        g.writeStringField("guild_id", Long.toString(guildId));
        g.writeStringField("channel_id", Long.toString(channelId));
    }

    private static void endLine(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
    }

    // ---- reading ---------------------------------------------------------------------------

    public static SimulatedCommunity read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /**
     * Reads a whole timeline; throws {@link TimelineFormatException} naming the first line that
     * breaks the format. Does not close {@code in}.
     */
    public static SimulatedCommunity read(Reader in) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        Parser parser = new Parser();
        String line;
        while ((line = lines.readLine()) != null) {
            parser.line(line);
        }
        return parser.finish();
    }

    public static SimulatedCommunity parse(String jsonLines) {
        try {
            return read(new StringReader(jsonLines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Parser {
        private int number;
        private boolean headerSeen;
        private boolean contentSeen;
        private Instant start;
        private Instant end;
        private final Map<Long, GuildDraft> guilds = new LinkedHashMap<>();
        private final Set<Long> collected = new LinkedHashSet<>();
        private final Set<Long> eventChannels = new LinkedHashSet<>();
        private boolean channelsDeclared;
        private final List<TimelineEvent> events = new ArrayList<>();
        private final List<Incident> incidents = new ArrayList<>();
        private Instant lastAt;

        void line(String raw) {
            number++;
            if (raw.isBlank()) {
                return;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(raw);
            } catch (JsonProcessingException e) {
                throw fail("not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw fail("expected a JSON object");
            }
            JsonNode typeNode = node.get("type");
            if (typeNode == null || !typeNode.isTextual()) {
                throw fail("missing 'type' (a string)");
            }
            String type = typeNode.asText();
            switch (type) {
                case "timeline" -> header(node);
                case "guild" -> declaration(() -> guild(node));
                case "channel" -> declaration(() -> channel(node));
                case "member" -> declaration(() -> member(node));
                case "emoji" -> declaration(() -> emoji(node));
                case "incident" -> {
                    contentSeen = true;
                    incidents.add(incident(node));
                }
                case MESSAGE_CREATE, MESSAGE_DELETE, MESSAGE_DELETE_BULK, REACTION_ADD, MEMBER_ADD, MEMBER_REMOVE,
                     VOICE_STATE_UPDATE -> event(type, node);
                default -> throw fail("unknown type '" + type + "' (expected one of " + String.join(", ", TYPES) + ")");
            }
        }

        SimulatedCommunity finish() {
            List<Community> communities = guilds.values().stream().map(GuildDraft::build).toList();
            Set<Long> collectedChannels = channelsDeclared ? collected : eventChannels;
            Instant from = start != null ? start : events.isEmpty() ? Instant.EPOCH : events.get(0).at();
            Instant to = end != null ? end : events.isEmpty() ? from : lastAt;
            if (!events.isEmpty() && events.get(0).at().isBefore(from)) {
                throw new TimelineFormatException(number, "the first event (" + events.get(0).at()
                        + ") is before the timeline's start " + from);
            }
            if (lastAt != null && lastAt.isAfter(to)) {
                throw new TimelineFormatException(number, "the last event (" + lastAt + ") is after the timeline's end " + to);
            }
            return new SimulatedCommunity(communities, collectedChannels, events, incidents, from, to);
        }

        private void header(JsonNode node) {
            if (headerSeen || contentSeen) {
                throw fail("the 'timeline' line must be the first line, and only one");
            }
            headerSeen = true;
            int format = integer(node, "format");
            if (format != FORMAT_VERSION) {
                throw fail("unsupported format " + format + " (this reader reads format " + FORMAT_VERSION + ")");
            }
            start = instant(node, "start");
            end = instant(node, "end");
            if (end.isBefore(start)) {
                throw fail("'end' " + end + " is before 'start' " + start);
            }
        }

        private void declaration(Runnable body) {
            if (!events.isEmpty()) {
                throw fail("guild, channel, member and emoji lines describe the guild at the start and must come"
                        + " before the first event");
            }
            contentSeen = true;
            body.run();
        }

        private void guild(JsonNode node) {
            long guildId = id(node, "guild_id");
            if (guilds.containsKey(guildId)) {
                throw fail("guild " + guildId + " is declared twice");
            }
            guilds.put(guildId, new GuildDraft(guildId, text(node, "name"), id(node, "owner_id")));
        }

        private void channel(JsonNode node) {
            GuildDraft guild = declaredGuild(node);
            long channelId = id(node, "channel_id");
            int code = integer(node, "channel_type");
            ChannelType type = Arrays.stream(ChannelType.values()).filter(t -> t.code() == code).findFirst()
                    .orElseThrow(() -> fail("unknown channel_type " + code + " (0 text, 2 voice, 4 category)"));
            guild.channels.add(new Community.Channel(channelId, text(node, "name"), type, integer(node, "position")));
            channelsDeclared = true;
            if (bool(node, "collected", false)) {
                if (type != ChannelType.GUILD_TEXT) {
                    throw fail("only text channels can be collected: " + channelId);
                }
                collected.add(channelId);
            }
        }

        private void member(JsonNode node) {
            GuildDraft guild = declaredGuild(node);
            guild.members.add(new Community.Member(id(node, "user_id"), text(node, "username"), bool(node, "bot", false)));
        }

        private void emoji(JsonNode node) {
            GuildDraft guild = declaredGuild(node);
            guild.emojis.add(new Community.Emoji(id(node, "emoji_id"), text(node, "name")));
        }

        private Incident incident(JsonNode node) {
            String name = text(node, "incident");
            AlertType type = Arrays.stream(AlertType.values())
                    .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(name)).findFirst()
                    .orElseThrow(() -> fail("unknown incident '" + name
                            + "' (expected join_raid, mass_deletion, activity_drop or voice_surge)"));
            Instant from = instant(node, "start");
            Instant to = instant(node, "end");
            if (to.isBefore(from)) {
                throw fail("incident 'end' " + to + " is before 'start' " + from);
            }
            return new Incident(type, id(node, "guild_id"), from, to, idList(node, "channel_ids", 0),
                    longValue(node, "magnitude"));
        }

        private void event(String type, JsonNode node) {
            long guildId = id(node, "guild_id");
            Instant at = instant(node, "at");
            TimelineEvent event = switch (type) {
                case MESSAGE_CREATE -> new MessageCreate(guildId, channelId(node), id(node, "message_id"),
                        id(node, "author_id"), bool(node, "bot", false), text(node, "content"), at);
                case MESSAGE_DELETE -> new MessageDelete(guildId, channelId(node), id(node, "message_id"), at);
                case MESSAGE_DELETE_BULK -> bulk(node, guildId, at);
                case REACTION_ADD -> {
                    String emoji = text(node, "emoji");
                    if (emoji.isBlank()) {
                        throw fail("'emoji' is empty");
                    }
                    yield new ReactionAdd(guildId, channelId(node), id(node, "message_id"), id(node, "user_id"), emoji, at);
                }
                case MEMBER_ADD -> new MemberAdd(guildId, id(node, "user_id"), text(node, "username"),
                        bool(node, "bot", false), at);
                case MEMBER_REMOVE -> new MemberRemove(guildId, id(node, "user_id"), at);
                case VOICE_STATE_UPDATE -> {
                    if (!node.has("channel_id")) {
                        throw fail(type + " needs 'channel_id' (a voice channel id, or null when the member left voice)");
                    }
                    Long channel = node.get("channel_id").isNull() ? null : id(node, "channel_id");
                    yield new VoiceStateUpdate(guildId, id(node, "user_id"), channel, at);
                }
                default -> throw fail("unknown event type " + type);
            };
            if (lastAt != null && at.isBefore(lastAt)) {
                throw fail("event at " + at + " is before the previous event at " + lastAt + " (events must be in time order)");
            }
            if (start != null && at.isBefore(start)) {
                throw fail("event at " + at + " is before the timeline's start " + start);
            }
            if (end != null && at.isAfter(end)) {
                throw fail("event at " + at + " is after the timeline's end " + end);
            }
            lastAt = at;
            contentSeen = true;
            events.add(event);
        }

        private TimelineEvent bulk(JsonNode node, long guildId, Instant at) {
            List<Long> ids = idList(node, "message_ids", 1);
            if (node.has("count") && longValue(node, "count") != ids.size()) {
                throw fail("'count' is " + node.get("count").asText() + " but 'message_ids' holds " + ids.size());
            }
            return new MessageDeleteBulk(guildId, channelId(node), ids, at);
        }

        private long channelId(JsonNode node) {
            long id = id(node, "channel_id");
            eventChannels.add(id);
            return id;
        }

        private GuildDraft declaredGuild(JsonNode node) {
            long guildId = id(node, "guild_id");
            GuildDraft guild = guilds.get(guildId);
            if (guild == null) {
                throw fail("guild " + guildId + " is not declared (a 'guild' line must come first)");
            }
            return guild;
        }

        private JsonNode required(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw fail(node.get("type").asText() + " needs '" + field + "'");
            }
            return value;
        }

        private long id(JsonNode node, String field) {
            JsonNode value = required(node, field);
            return snowflake(value, field);
        }

        private long snowflake(JsonNode value, String field) {
            try {
                if (value.isTextual()) {
                    return Snowflake.parse(value.asText());
                }
                if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0) {
                    return value.asLong();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw fail("'" + field + "' is not a snowflake (a positive decimal id, as a string): " + value);
        }

        private List<Long> idList(JsonNode node, String field, int minSize) {
            JsonNode value = required(node, field);
            if (!value.isArray()) {
                throw fail("'" + field + "' must be an array of ids");
            }
            if (value.size() < minSize) {
                throw fail("'" + field + "' needs at least " + minSize + " id(s)");
            }
            List<Long> ids = new ArrayList<>(value.size());
            for (JsonNode item : value) {
                ids.add(snowflake(item, field));
            }
            return ids;
        }

        private String text(JsonNode node, String field) {
            JsonNode value = required(node, field);
            if (!value.isTextual()) {
                throw fail("'" + field + "' must be a string");
            }
            return value.asText();
        }

        private boolean bool(JsonNode node, String field, boolean absent) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return absent;
            }
            if (!value.isBoolean()) {
                throw fail("'" + field + "' must be true or false");
            }
            return value.asBoolean();
        }

        private int integer(JsonNode node, String field) {
            JsonNode value = required(node, field);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw fail("'" + field + "' must be an integer");
            }
            return value.asInt();
        }

        private long longValue(JsonNode node, String field) {
            JsonNode value = required(node, field);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
                throw fail("'" + field + "' must be a non-negative integer");
            }
            return value.asLong();
        }

        private Instant instant(JsonNode node, String field) {
            JsonNode value = required(node, field);
            try {
                return Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                throw fail("'" + field + "' is not an ISO-8601 UTC instant such as 2026-03-02T18:04:05.123Z: "
                        + value.asText());
            }
        }

        private TimelineFormatException fail(String message) {
            return new TimelineFormatException(number, message);
        }
    }

    private static final class GuildDraft {
        private final long guildId;
        private final String name;
        private final long ownerId;
        private final List<Community.Channel> channels = new ArrayList<>();
        private final List<Community.Member> members = new ArrayList<>();
        private final List<Community.Emoji> emojis = new ArrayList<>();

        GuildDraft(long guildId, String name, long ownerId) {
            this.guildId = guildId;
            this.name = name;
            this.ownerId = ownerId;
        }

        Community build() {
            return new Community(guildId, name, ownerId, channels, members, emojis);
        }
    }
}

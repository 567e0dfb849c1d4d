package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimelineJsonTest {

    private static final String HEADER = "{\"type\":\"timeline\",\"format\":1,\"start\":\"2026-03-02T00:00:00Z\",\"end\":\"2026-03-03T00:00:00Z\"}";
    private static final String GUILD = "{\"type\":\"guild\",\"guild_id\":\"1\",\"name\":\"G\",\"owner_id\":\"2\"}";
    private static final String MESSAGE = "{\"type\":\"message_create\",\"guild_id\":\"1\",\"channel_id\":\"3\",\"message_id\":\"4\","
            + "\"author_id\":\"2\",\"content\":\"hi\",\"at\":\"2026-03-02T10:00:00Z\"}";

    @Test
    void a_written_week_reads_back_identically_and_replays_to_the_same_truth(@TempDir Path dir) throws IOException {
        // GIVEN a generated week with over 100k events, written to a file
        SimulatedCommunity week = Scenarios.week(11, 100_000);
        Path file = dir.resolve("week.jsonl");
        TimelineJson.write(week, file);

        // WHEN it is read back
        SimulatedCommunity read = TimelineJson.read(file);

        // THEN every part is equal, event by event, and so is the ground truth
        assertThat(read.communities()).isEqualTo(week.communities());
        assertThat(read.collectedChannelIds()).isEqualTo(week.collectedChannelIds());
        assertThat(read.incidents()).isEqualTo(week.incidents());
        assertThat(read.start()).isEqualTo(week.start());
        assertThat(read.end()).isEqualTo(week.end());
        assertThat(read.events()).hasSameSizeAs(week.events());
        int firstDifference = IntStream.range(0, week.events().size())
                .filter(i -> !read.events().get(i).equals(week.events().get(i))).findFirst().orElse(-1);
        assertThat(firstDifference).as("index of the first event that differs").isEqualTo(-1);
        assertThat(read).isEqualTo(week);
        assertThat(read.groundTruth().buckets()).isEqualTo(week.groundTruth().buckets());
        // AND the file has one line per event plus the header, community and incident lines
        int communityLines = 1 + week.community().channels().size() + week.community().members().size()
                + week.community().emojis().size();
        assertThat(Files.readAllLines(file)).hasSize(1 + communityLines + week.incidents().size() + week.events().size());
    }

    @Test
    void played_back_a_written_timeline_delivers_the_same_events_in_the_same_order() throws InterruptedException {
        // GIVEN a small simulation written to JSON lines and read back
        SimulatedCommunity original = Scenarios.small(5);
        SimulatedCommunity read = TimelineJson.parse(TimelineJson.toJsonLines(original));

        // WHEN both are played as fast as possible
        List<TimelineEvent> first = new ArrayList<>();
        List<TimelineEvent> second = new ArrayList<>();
        TimelinePlayer.asFastAsPossible(original.start()).play(original.events(), first::add);
        TimelinePlayer.asFastAsPossible(read.start()).play(read.events(), second::add);

        // THEN the sinks saw identical sequences
        assertThat(second).isEqualTo(first).hasSize(original.events().size());
    }

    @Test
    void lines_follow_the_documented_shape_with_ids_as_strings() throws IOException {
        // GIVEN the small scenario as JSON lines
        List<String> lines = TimelineJson.toJsonLines(Scenarios.small(1)).lines().toList();
        ObjectMapper mapper = new ObjectMapper();

        // THEN the header comes first, and a message line carries its fields with ids as strings
        assertThat(mapper.readTree(lines.get(0)).get("type").asText()).isEqualTo("timeline");
        JsonNode message = null;
        JsonNode bulk = null;
        for (String line : lines) {
            JsonNode node = mapper.readTree(line);
            if (message == null && node.get("type").asText().equals("message_create")) {
                message = node;
            }
            if (node.get("type").asText().equals("message_delete_bulk")) {
                bulk = node;
            }
        }
        assertThat(message).isNotNull();
        assertThat(message.get("guild_id").isTextual()).isTrue();
        assertThat(message.get("channel_id").isTextual()).isTrue();
        assertThat(message.get("message_id").isTextual()).isTrue();
        assertThat(message.get("author_id").isTextual()).isTrue();
        assertThat(message.get("bot").isBoolean()).isTrue();
        assertThat(message.get("content").asText()).isNotBlank();
        assertThat(message.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(bulk).isNotNull();
        assertThat(bulk.get("count").asInt()).isEqualTo(bulk.get("message_ids").size());
    }

    @Test
    void the_example_in_the_format_document_is_a_valid_timeline() throws IOException {
        // GIVEN the JSON example block of TIMELINE_FORMAT.md
        String doc = Files.readString(Path.of("TIMELINE_FORMAT.md"));
        int from = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(from, doc.indexOf("```", from));

        // WHEN read, THEN it parses into its guild and events
        SimulatedCommunity read = TimelineJson.parse(example);
        assertThat(read.community().name()).isEqualTo("Fixture Guild");
        assertThat(read.events()).hasSize(6);
    }

    @Test
    void a_file_of_events_only_is_read_with_every_mentioned_channel_collected() {
        // GIVEN two events with no header and no guild description
        String text = MESSAGE + "\n\n" + MESSAGE.replace("\"4\"", "\"5\"").replace("10:00:00Z", "10:00:01Z") + "\n";

        // WHEN read
        SimulatedCommunity read = TimelineJson.parse(text);

        // THEN the timeline spans its events and its channel counts
        assertThat(read.events()).hasSize(2);
        assertThat(read.communities()).isEmpty();
        assertThat(read.collectedChannelIds()).containsExactly(3L);
        assertThat(read.start()).isEqualTo(read.events().get(0).at());
        assertThat(read.end()).isEqualTo(read.events().get(1).at());
        assertThat(read.groundTruth().total(1, io.serverpulse.common.metrics.Counter.MESSAGES)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not JSON                | {\"type\":\"message_create\",                                     | 3 | not valid JSON",
        "an array                | [1,2]                                                           | 3 | expected a JSON object",
        "no type                 | {\"guild_id\":\"1\"}                                            | 3 | missing 'type'",
        "unknown type            | {\"type\":\"typing_start\",\"guild_id\":\"1\"}                  | 3 | unknown type 'typing_start'",
        "missing field           | {\"type\":\"member_remove\",\"guild_id\":\"1\",\"at\":\"2026-03-02T11:00:00Z\"} | 3 | member_remove needs 'user_id'",
        "bad id                  | {\"type\":\"member_remove\",\"guild_id\":\"one\",\"user_id\":\"2\",\"at\":\"2026-03-02T11:00:00Z\"} | 3 | 'guild_id' is not a snowflake",
        "negative id             | {\"type\":\"member_remove\",\"guild_id\":\"-1\",\"user_id\":\"2\",\"at\":\"2026-03-02T11:00:00Z\"} | 3 | 'guild_id' is not a snowflake",
        "bad time                | {\"type\":\"member_remove\",\"guild_id\":\"1\",\"user_id\":\"2\",\"at\":\"yesterday\"} | 3 | 'at' is not an ISO-8601 UTC instant",
        "out of order            | {\"type\":\"member_remove\",\"guild_id\":\"1\",\"user_id\":\"2\",\"at\":\"2026-03-02T09:00:00Z\"} | 3 | before the previous event",
        "after the end           | {\"type\":\"member_remove\",\"guild_id\":\"1\",\"user_id\":\"2\",\"at\":\"2026-03-04T09:00:00Z\"} | 3 | after the timeline's end",
        "bulk count mismatch     | {\"type\":\"message_delete_bulk\",\"guild_id\":\"1\",\"channel_id\":\"3\",\"message_ids\":[\"4\",\"5\"],\"count\":3,\"at\":\"2026-03-02T11:00:00Z\"} | 3 | 'count' is 3 but 'message_ids' holds 2",
        "empty bulk              | {\"type\":\"message_delete_bulk\",\"guild_id\":\"1\",\"channel_id\":\"3\",\"message_ids\":[],\"at\":\"2026-03-02T11:00:00Z\"} | 3 | needs at least 1 id",
        "empty emoji             | {\"type\":\"reaction_add\",\"guild_id\":\"1\",\"channel_id\":\"3\",\"message_id\":\"4\",\"user_id\":\"2\",\"emoji\":\"\",\"at\":\"2026-03-02T11:00:00Z\"} | 3 | 'emoji' is empty",
        "voice without channel   | {\"type\":\"voice_state_update\",\"guild_id\":\"1\",\"user_id\":\"2\",\"at\":\"2026-03-02T11:00:00Z\"} | 3 | needs 'channel_id'",
        "late declaration        | {\"type\":\"member\",\"guild_id\":\"1\",\"user_id\":\"9\",\"username\":\"x\"} | 3 | must come before the first event",
        "duplicate field         | {\"type\":\"member_remove\",\"type\":\"member_add\"}          | 3 | not valid JSON",
        "bot not boolean         | {\"type\":\"member_add\",\"guild_id\":\"1\",\"user_id\":\"2\",\"username\":\"x\",\"bot\":\"yes\",\"at\":\"2026-03-02T11:00:00Z\"} | 3 | 'bot' must be true or false",
    })
    void a_broken_line_is_reported_with_its_number_and_what_is_wrong(String what, String line, int number, String message) {
        // GIVEN a header, one good event, then the broken line
        String text = HEADER + "\n" + MESSAGE + "\n" + line.trim() + "\n";

        // WHEN read, THEN it fails naming the line and the problem
        assertThatThrownBy(() -> TimelineJson.parse(text))
                .isInstanceOf(TimelineFormatException.class)
                .hasMessageStartingWith("line " + number + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((TimelineFormatException) e).line()).isEqualTo(number));
    }

    @Test
    void declarations_must_name_a_declared_guild_and_the_header_must_come_first() {
        // GIVEN a channel of an undeclared guild, a second header, and an unsupported format
        String channel = "{\"type\":\"channel\",\"guild_id\":\"7\",\"channel_id\":\"3\",\"name\":\"x\",\"channel_type\":0,\"position\":0}";

        // THEN each is refused with its line number
        assertThatThrownBy(() -> TimelineJson.parse(HEADER + "\n" + channel))
                .hasMessage("line 2: guild 7 is not declared (a 'guild' line must come first)");
        assertThatThrownBy(() -> TimelineJson.parse(GUILD + "\n" + HEADER))
                .hasMessageStartingWith("line 2: the 'timeline' line must be the first line");
        assertThatThrownBy(() -> TimelineJson.parse(HEADER.replace("\"format\":1", "\"format\":2")))
                .hasMessageStartingWith("line 1: unsupported format 2");
        assertThatThrownBy(() -> TimelineJson.parse(HEADER + "\n" + GUILD + "\n"
                + channel.replace("\"7\"", "\"1\"").replace("\"channel_type\":0", "\"channel_type\":13")))
                .hasMessageStartingWith("line 3: unknown channel_type 13");
        assertThatThrownBy(() -> TimelineJson.parse(HEADER + "\n" + GUILD + "\n" + GUILD))
                .hasMessage("line 3: guild 1 is declared twice");
    }
}

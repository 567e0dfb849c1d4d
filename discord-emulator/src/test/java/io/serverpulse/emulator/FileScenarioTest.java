package io.serverpulse.emulator;

import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.gateway.Playback;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.sim.TimelineJson;
import io.serverpulse.emulator.support.EventLog;
import io.serverpulse.emulator.support.JdaClients;
import io.serverpulse.emulator.timeline.TimelineEvent;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A timeline file, served as the {@code file:} scenario, plays through the emulator to a real JDA client. */
class FileScenarioTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> TIMELINE_DISPATCHES = Set.of("MESSAGE_CREATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK",
            "MESSAGE_REACTION_ADD", "GUILD_MEMBER_ADD", "GUILD_MEMBER_REMOVE", "VOICE_STATE_UPDATE");

    @Test
    void aJsonLinesTimelinePlaysToJdaAndEveryEventArrivesOnce(@TempDir Path dir) throws Exception {
        // GIVEN a simulated community written as a JSON-lines timeline file, and the file: scenario reading it back
        SimulatedCommunity written = Scenarios.small(7);
        Path file = dir.resolve("small.jsonl");
        TimelineJson.write(written, file);
        Scenario scenario = Main.find("file:" + file).orElseThrow();
        assertThat(scenario.communities()).isEqualTo(written.communities());
        assertThat(scenario.collectedChannelIds()).isEqualTo(written.collectedChannelIds());

        // AND an emulator serving the file's guild, with a JDA client receiving every gateway dispatch raw
        EventLog log = new EventLog();
        try (DiscordEmulator emulator = DiscordEmulator.builder(scenario.communities()).grantPrivilegedIntents(Intents.GUILD_MEMBERS).start();
             JdaClients clients = new JdaClients()) {
            clients.connect(JdaClients.builder(emulator, JdaClients.ANALYTICS).setRawEventsEnabled(true).addEventListeners(log));

            // WHEN the timeline plays, followed by a sentinel message
            List<TimelineEvent> timeline = new ArrayList<>(scenario.timeline());
            TimelineEvent last = timeline.get(timeline.size() - 1);
            long sentinel = Snowflake.of(last.at().plusSeconds(1), 4095);
            long channel = scenario.collectedChannelIds().iterator().next();
            timeline.add(new TimelineEvent.MessageCreate(last.guildId(), channel, sentinel, scenario.communities().get(0).ownerId(), false,
                    "end", last.at().plusSeconds(1)));
            Playback playback = emulator.play(timeline);
            assertThat(playback.awaitCompletion(WAIT)).isTrue();
            assertThat(playback.failure()).isEmpty();
            log.awaitOne(MessageReceivedEvent.class, e -> e.getMessageIdLong() == sentinel, WAIT);

            // THEN JDA received one dispatch per timeline event, no more, no fewer, in the timeline's order
            List<String> expected = scenario.timeline().stream().map(FileScenarioTest::key).toList();
            List<String> received = log.all(RawGatewayEvent.class, e -> TIMELINE_DISPATCHES.contains(e.getType())).stream()
                    .map(FileScenarioTest::key).filter(k -> !k.equals("MESSAGE_CREATE " + Long.toUnsignedString(sentinel))).toList();
            assertThat(received).hasSize(written.events().size()).containsExactlyElementsOf(expected);
            // AND every message as a JDA message event, exactly once
            assertThat(log.all(MessageReceivedEvent.class, e -> e.getMessageIdLong() != sentinel))
                    .extracting(MessageReceivedEvent::getMessageIdLong)
                    .containsExactlyElementsOf(scenario.timeline().stream().filter(TimelineEvent.MessageCreate.class::isInstance)
                            .map(e -> ((TimelineEvent.MessageCreate) e).messageId()).toList());
        }
    }

    /** What identifies a timeline event in its gateway dispatch. */
    private static String key(TimelineEvent event) {
        if (event instanceof TimelineEvent.MessageCreate e) {
            return "MESSAGE_CREATE " + Long.toUnsignedString(e.messageId());
        } else if (event instanceof TimelineEvent.MessageDelete e) {
            return "MESSAGE_DELETE " + Long.toUnsignedString(e.messageId());
        } else if (event instanceof TimelineEvent.MessageDeleteBulk e) {
            return "MESSAGE_DELETE_BULK " + e.messageIds().stream().map(Long::toUnsignedString).collect(Collectors.joining(","));
        } else if (event instanceof TimelineEvent.ReactionAdd e) {
            return "MESSAGE_REACTION_ADD " + Long.toUnsignedString(e.messageId()) + " " + Long.toUnsignedString(e.userId()) + " " + e.emoji();
        } else if (event instanceof TimelineEvent.MemberAdd e) {
            return "GUILD_MEMBER_ADD " + Long.toUnsignedString(e.userId());
        } else if (event instanceof TimelineEvent.MemberRemove e) {
            return "GUILD_MEMBER_REMOVE " + Long.toUnsignedString(e.userId());
        } else if (event instanceof TimelineEvent.VoiceStateUpdate e) {
            return "VOICE_STATE_UPDATE " + Long.toUnsignedString(e.userId()) + " "
                    + (e.channelId() == null ? "null" : Long.toUnsignedString(e.channelId()));
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private static String key(RawGatewayEvent event) {
        DataObject d = event.getPayload();
        return switch (event.getType()) {
            case "MESSAGE_CREATE", "MESSAGE_DELETE" -> event.getType() + " " + d.getString("id");
            case "MESSAGE_DELETE_BULK" -> {
                DataArray ids = d.getArray("ids");
                List<String> list = new ArrayList<>();
                for (int i = 0; i < ids.length(); i++) {
                    list.add(ids.getString(i));
                }
                yield event.getType() + " " + String.join(",", list);
            }
            case "MESSAGE_REACTION_ADD" -> {
                DataObject emoji = d.getObject("emoji");
                String name = emoji.isNull("id") ? emoji.getString("name") : emoji.getString("name") + ":" + emoji.getString("id");
                yield event.getType() + " " + d.getString("message_id") + " " + d.getString("user_id") + " " + name;
            }
            case "GUILD_MEMBER_ADD", "GUILD_MEMBER_REMOVE" -> event.getType() + " " + d.getObject("user").getString("id");
            case "VOICE_STATE_UPDATE" -> event.getType() + " " + d.getString("user_id") + " " + d.getString("channel_id", "null");
            default -> throw new IllegalArgumentException(event.getType());
        };
    }
}

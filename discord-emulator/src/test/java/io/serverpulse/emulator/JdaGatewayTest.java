package io.serverpulse.emulator;

import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.support.EventLog;
import io.serverpulse.emulator.support.JdaClients;
import io.serverpulse.emulator.support.TestCommunities;
import io.serverpulse.emulator.timeline.TimelineEvent;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.guild.voice.GuildVoiceUpdateEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A real JDA 6 client against the emulator's gateway: connect, timeline events exactly once, resume. */
class JdaGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-02-03T09:00:00Z");

    private final TestCommunities.Ids ids = TestCommunities.ids(1, 4);
    private DiscordEmulator emulator;
    private JdaClients clients;
    private final EventLog log = new EventLog();

    @BeforeEach
    void start() {
        emulator = DiscordEmulator.builder(List.of(TestCommunities.community(ids)))
                .grantPrivilegedIntents(Intents.GUILD_MEMBERS)
                .start();
        clients = new JdaClients();
    }

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    private JDA connect() throws InterruptedException {
        return clients.connect(JdaClients.builder(emulator, JdaClients.ANALYTICS).addEventListeners(log));
    }

    @Test
    void jdaConnectsAndSeesTheGuildWithItsChannelsAndMembers() throws InterruptedException {
        // GIVEN an emulated guild with 4 text/voice/category channels and an owner plus 4 members
        // WHEN a JDA client logs in with the analytics intents
        JDA jda = connect();

        // THEN it is connected, got READY and the guild's GUILD_CREATE with channels and (chunked) members
        assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
        assertThat(log.all(ReadyEvent.class)).hasSize(1);
        GuildReadyEvent guildReady = log.awaitOne(GuildReadyEvent.class, e -> true, WAIT);
        Guild guild = guildReady.getGuild();
        assertThat(guild.getIdLong()).isEqualTo(ids.guildId());
        assertThat(guild.getTextChannels()).extracting(c -> c.getName()).containsExactly("general", "random");
        assertThat(guild.getVoiceChannels()).extracting(c -> c.getName()).containsExactly("Lounge");
        assertThat(guild.getCategories()).extracting(c -> c.getName()).containsExactly("Text");
        assertThat(guild.getMembers()).extracting(Member::getIdLong)
                .containsExactlyInAnyOrder(ids.ownerId(), ids.memberIds().get(0), ids.memberIds().get(1),
                        ids.memberIds().get(2), ids.memberIds().get(3), emulator.botUserId());
        assertThat(guild.getSelfMember().getUser().isBot()).isTrue();
        assertThat(jda.getSelfUser().getApplicationIdLong()).isEqualTo(emulator.applicationId());
    }

    private List<TimelineEvent> everyKindOfEvent() {
        long g = ids.guildId();
        long general = ids.generalId();
        long alice = ids.memberIds().get(0);
        long bob = ids.memberIds().get(1);
        long m1 = Snowflake.of(T0, 1);
        long m2 = Snowflake.of(T0.plusSeconds(60), 1);
        long m3 = Snowflake.of(T0.plusSeconds(120), 1);
        long m4 = Snowflake.of(T0.plusSeconds(180), 1);
        long newcomer = Snowflake.of(T0.minusSeconds(86_400), 77);
        return List.of(
                new TimelineEvent.MessageCreate(g, general, m1, alice, false, "hello there", T0),
                new TimelineEvent.MessageCreate(g, general, m2, bob, false, "second", T0.plusSeconds(60)),
                new TimelineEvent.MessageCreate(g, ids.randomId(), m3, alice, false, "third", T0.plusSeconds(120)),
                new TimelineEvent.MessageCreate(g, general, m4, bob, false, "fourth", T0.plusSeconds(180)),
                new TimelineEvent.ReactionAdd(g, general, m1, bob, "👍", T0.plusSeconds(200)),
                new TimelineEvent.ReactionAdd(g, general, m2, alice, "pulse:" + ids.emojiId(), T0.plusSeconds(210)),
                new TimelineEvent.MessageDelete(g, ids.randomId(), m3, T0.plusSeconds(240)),
                new TimelineEvent.MessageDeleteBulk(g, general, List.of(m2, m4), T0.plusSeconds(300)),
                new TimelineEvent.MemberAdd(g, newcomer, "newcomer", false, T0.plusSeconds(400)),
                new TimelineEvent.VoiceStateUpdate(g, alice, ids.voiceId(), T0.plusSeconds(500)),
                new TimelineEvent.VoiceStateUpdate(g, alice, null, T0.plusSeconds(900)),
                new TimelineEvent.MemberRemove(g, newcomer, T0.plusSeconds(1000)));
    }

    @Test
    void everyTimelineEventArrivesExactlyOnceWithSimulatedTimestamps() throws InterruptedException {
        // GIVEN a connected JDA client
        connect();
        List<TimelineEvent> timeline = everyKindOfEvent();

        // WHEN the emulator plays a timeline with every kind of event, then a sentinel message
        long sentinel = Snowflake.of(T0.plusSeconds(2000), 9);
        List<TimelineEvent> withSentinel = new ArrayList<>(timeline);
        withSentinel.add(new TimelineEvent.MessageCreate(ids.guildId(), ids.generalId(), sentinel, ids.ownerId(), false, "end",
                T0.plusSeconds(2000)));
        emulator.play(withSentinel).awaitCompletion(WAIT);
        log.awaitOne(MessageReceivedEvent.class, e -> e.getMessageIdLong() == sentinel, WAIT);

        // THEN every event was received exactly once, in simulated time, without message content (no MESSAGE_CONTENT intent)
        List<MessageReceivedEvent> received = log.all(MessageReceivedEvent.class, e -> e.getMessageIdLong() != sentinel);
        assertThat(received).extracting(MessageReceivedEvent::getMessageIdLong)
                .containsExactly(Snowflake.of(T0, 1), Snowflake.of(T0.plusSeconds(60), 1), Snowflake.of(T0.plusSeconds(120), 1),
                        Snowflake.of(T0.plusSeconds(180), 1));
        assertThat(received.get(0).getMessage().getTimeCreated().toInstant()).isEqualTo(T0);
        assertThat(received.get(0).getMessage().getContentRaw()).isEmpty();
        assertThat(received.get(0).getAuthor().getIdLong()).isEqualTo(ids.memberIds().get(0));
        assertThat(received.get(0).getChannel().getIdLong()).isEqualTo(ids.generalId());

        List<MessageReactionAddEvent> reactions = log.all(MessageReactionAddEvent.class);
        assertThat(reactions).hasSize(2);
        assertThat(reactions.get(0).getEmoji().getName()).isEqualTo("👍");
        assertThat(reactions.get(1).getEmoji().asCustom().getIdLong()).isEqualTo(ids.emojiId());
        assertThat(reactions.get(0).getUserIdLong()).isEqualTo(ids.memberIds().get(1));

        assertThat(log.all(MessageDeleteEvent.class)).extracting(MessageDeleteEvent::getMessageIdLong)
                .containsExactly(Snowflake.of(T0.plusSeconds(120), 1));
        List<MessageBulkDeleteEvent> bulk = log.all(MessageBulkDeleteEvent.class);
        assertThat(bulk).hasSize(1);
        assertThat(bulk.get(0).getMessageIds()).containsExactly(
                Long.toUnsignedString(Snowflake.of(T0.plusSeconds(60), 1)), Long.toUnsignedString(Snowflake.of(T0.plusSeconds(180), 1)));

        assertThat(log.all(GuildMemberJoinEvent.class)).extracting(e -> e.getUser().getName()).containsExactly("newcomer");
        assertThat(log.all(GuildMemberJoinEvent.class).get(0).getMember().getTimeJoined().toInstant()).isEqualTo(T0.plusSeconds(400));
        assertThat(log.all(GuildMemberRemoveEvent.class)).extracting(e -> e.getUser().getName()).containsExactly("newcomer");

        List<GuildVoiceUpdateEvent> voice = log.all(GuildVoiceUpdateEvent.class);
        assertThat(voice).hasSize(2);
        assertThat(voice.get(0).getChannelJoined().getIdLong()).isEqualTo(ids.voiceId());
        assertThat(voice.get(1).getChannelLeft().getIdLong()).isEqualTo(ids.voiceId());
        assertThat(voice.get(1).getChannelJoined()).isNull();
    }

    @Test
    void forcedDisconnectThenResumeLosesAndDuplicatesNothing() throws InterruptedException {
        // GIVEN a connected client and a timeline of 300 messages
        connect();
        long g = ids.guildId();
        List<TimelineEvent> timeline = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant at = T0.plusSeconds(i * 30L);
            timeline.add(new TimelineEvent.MessageCreate(g, i % 2 == 0 ? ids.generalId() : ids.randomId(), Snowflake.of(at, 3),
                    ids.memberIds().get(i % 4), false, "m" + i, at));
        }
        String sessionBefore = emulator.sessions().get(0).id();

        // WHEN the connection drops (no close frame) after the first 100 events, while playback goes on
        var playback = emulator.play(timeline);
        log.await(MessageReceivedEvent.class, e -> true, 100, WAIT);
        emulator.forceDisconnect(emulator.sessions().get(0));
        playback.awaitCompletion(WAIT);

        // THEN JDA resumed the same session and received all 300 messages exactly once, in order
        log.await(MessageReceivedEvent.class, e -> true, 300, WAIT);
        log.awaitOne(SessionResumeEvent.class, e -> true, WAIT);
        long sentinel = Snowflake.of(T0.plusSeconds(100_000), 9);
        emulator.apply(new TimelineEvent.MessageCreate(g, ids.generalId(), sentinel, ids.ownerId(), false, "end", T0.plusSeconds(100_000)));
        log.awaitOne(MessageReceivedEvent.class, e -> e.getMessageIdLong() == sentinel, WAIT);
        List<Long> received = log.all(MessageReceivedEvent.class, e -> e.getMessageIdLong() != sentinel).stream()
                .map(MessageReceivedEvent::getMessageIdLong).toList();
        assertThat(received).containsExactlyElementsOf(timeline.stream()
                .map(e -> ((TimelineEvent.MessageCreate) e).messageId()).toList());
        assertThat(emulator.sessions()).extracting(s -> s.id()).containsExactly(sessionBefore);
        assertThat(log.all(ReadyEvent.class)).hasSize(1);
    }

    @Test
    void reconnectRequestIsFollowedByAResumeAndNothingIsLost() throws InterruptedException {
        // GIVEN a connected client that received a first message
        connect();
        long g = ids.guildId();
        long first = Snowflake.of(T0, 5);
        emulator.apply(new TimelineEvent.MessageCreate(g, ids.generalId(), first, ids.ownerId(), false, "a", T0));
        log.awaitOne(MessageReceivedEvent.class, e -> e.getMessageIdLong() == first, WAIT);

        // WHEN the gateway sends op 7 RECONNECT and then more events happen
        emulator.sendReconnect(emulator.sessions().get(0));
        log.awaitOne(SessionResumeEvent.class, e -> true, WAIT);
        long second = Snowflake.of(T0.plusSeconds(5), 5);
        emulator.apply(new TimelineEvent.MessageCreate(g, ids.generalId(), second, ids.ownerId(), false, "b", T0.plusSeconds(5)));

        // THEN the client resumed and received both messages once
        log.awaitOne(MessageReceivedEvent.class, e -> e.getMessageIdLong() == second, WAIT);
        Map<Long, Long> counts = log.all(MessageReceivedEvent.class).stream()
                .collect(Collectors.groupingBy(MessageReceivedEvent::getMessageIdLong, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(first, 1L, second, 1L));
    }

    @Test
    void contentIsVisibleOnlyWithTheMessageContentIntent() throws InterruptedException {
        // GIVEN an app granted MESSAGE_CONTENT and a client that asks for it
        emulator.close();
        emulator = DiscordEmulator.builder(List.of(TestCommunities.community(ids)))
                .grantPrivilegedIntents(Intents.GUILD_MEMBERS | Intents.MESSAGE_CONTENT)
                .start();
        EnumSet<GatewayIntent> intents = EnumSet.copyOf(JdaClients.ANALYTICS);
        intents.add(GatewayIntent.MESSAGE_CONTENT);
        clients.connect(JdaClients.builder(emulator, intents).addEventListeners(log));

        // WHEN a user posts a message
        long id = Snowflake.of(T0, 8);
        emulator.apply(new TimelineEvent.MessageCreate(ids.guildId(), ids.generalId(), id, ids.ownerId(), false, "visible text", T0));

        // THEN the client reads its content
        MessageReceivedEvent event = log.awaitOne(MessageReceivedEvent.class, e -> e.getMessageIdLong() == id, WAIT);
        assertThat(event.getMessage().getContentRaw()).isEqualTo("visible text");
    }
}

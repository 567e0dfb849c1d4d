package io.serverpulse.emulator;

import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.gateway.Shards;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.support.EventLog;
import io.serverpulse.emulator.support.JdaClients;
import io.serverpulse.emulator.support.TestCommunities;
import io.serverpulse.emulator.timeline.TimelineEvent;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two JDA clients on shards 0/2 and 1/2 share a multi-guild timeline: each event reaches exactly one of them, once. */
class JdaShardingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-04-07T12:00:00Z");

    private final List<TestCommunities.Ids> guilds = new ArrayList<>();
    private DiscordEmulator emulator;
    private JdaClients clients;

    @BeforeEach
    void start() {
        List<Community> communities = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            TestCommunities.Ids ids = TestCommunities.ids(n, 2);
            guilds.add(ids);
            communities.add(TestCommunities.community(ids));
        }
        emulator = DiscordEmulator.builder(communities).grantPrivilegedIntents(Intents.GUILD_MEMBERS).recommendedShards(2).start();
        clients = new JdaClients();
    }

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    @Test
    void twoShardsTogetherReceiveEveryEventExactlyOnce() throws InterruptedException {
        // GIVEN four guilds spread over both shards, and one client per shard
        assertThat(guilds).extracting(g -> Shards.shardOf(g.guildId(), 2)).contains(0, 1);
        EventLog shard0 = new EventLog();
        EventLog shard1 = new EventLog();
        JDA jda0 = clients.start(JdaClients.builder(emulator, JdaClients.ANALYTICS).useSharding(0, 2).addEventListeners(shard0));
        JDA jda1 = clients.start(JdaClients.builder(emulator, JdaClients.ANALYTICS).useSharding(1, 2).addEventListeners(shard1));
        jda0.awaitReady();
        jda1.awaitReady();

        // THEN each client holds exactly its shard's guilds
        for (TestCommunities.Ids g : guilds) {
            JDA owner = Shards.shardOf(g.guildId(), 2) == 0 ? jda0 : jda1;
            JDA other = owner == jda0 ? jda1 : jda0;
            assertThat(owner.getGuildById(g.guildId())).isNotNull();
            assertThat(other.getGuildById(g.guildId())).isNull();
        }

        // WHEN a timeline with messages, reactions and joins in every guild is played, then one sentinel per guild
        List<TimelineEvent> timeline = new ArrayList<>();
        List<Long> messageIds = new ArrayList<>();
        int seq = 0;
        for (int round = 0; round < 20; round++) {
            for (TestCommunities.Ids g : guilds) {
                Instant at = T0.plusSeconds(60L * seq);
                long id = Snowflake.of(at, ++seq);
                messageIds.add(id);
                timeline.add(new TimelineEvent.MessageCreate(g.guildId(), g.generalId(), id, g.memberIds().get(round % 2), false, "r" + round, at));
                if (round % 5 == 0) {
                    timeline.add(new TimelineEvent.ReactionAdd(g.guildId(), g.generalId(), id, g.ownerId(), "🔥", at.plusSeconds(5)));
                    timeline.add(new TimelineEvent.MemberAdd(g.guildId(), Snowflake.of(at, 900 + seq), "joiner" + seq, false, at.plusSeconds(10)));
                }
            }
        }
        List<Long> sentinels = new ArrayList<>();
        for (TestCommunities.Ids g : guilds) {
            Instant at = T0.plusSeconds(1_000_000);
            long id = Snowflake.of(at, 3000 + sentinels.size());
            sentinels.add(id);
            timeline.add(new TimelineEvent.MessageCreate(g.guildId(), g.generalId(), id, g.ownerId(), false, "end", at));
        }
        emulator.play(timeline).awaitCompletion(WAIT);
        for (long id : sentinels) {
            EventLog owner = Shards.shardOf(guildOfSentinel(id, sentinels), 2) == 0 ? shard0 : shard1;
            owner.awaitOne(MessageReceivedEvent.class, e -> e.getMessageIdLong() == id, WAIT);
        }

        // THEN together they received every message, reaction and join exactly once, each on its guild's shard
        List<Long> received = Stream.concat(shard0.all(MessageReceivedEvent.class).stream(), shard1.all(MessageReceivedEvent.class).stream())
                .map(MessageReceivedEvent::getMessageIdLong).filter(id -> !sentinels.contains(id)).toList();
        assertThat(received).containsExactlyInAnyOrderElementsOf(messageIds);
        assertOnOwnShard(shard0.all(MessageReceivedEvent.class).stream().map(MessageReceivedEvent::getGuild).toList(), 0);
        assertOnOwnShard(shard1.all(MessageReceivedEvent.class).stream().map(MessageReceivedEvent::getGuild).toList(), 1);
        assertThat(shard0.all(MessageReactionAddEvent.class).size() + shard1.all(MessageReactionAddEvent.class).size()).isEqualTo(16);
        List<Long> joined = Stream.concat(shard0.all(GuildMemberJoinEvent.class).stream(), shard1.all(GuildMemberJoinEvent.class).stream())
                .map(e -> e.getUser().getIdLong()).toList();
        assertThat(joined).hasSize(16).doesNotHaveDuplicates();
        assertThat(emulator.sessions()).extracting(s -> s.shardId() + "/" + s.shardCount()).containsExactlyInAnyOrder("0/2", "1/2");
    }

    private long guildOfSentinel(long sentinel, List<Long> sentinels) {
        return guilds.get(sentinels.indexOf(sentinel)).guildId();
    }

    private static void assertOnOwnShard(List<Guild> guildsSeen, int shard) {
        assertThat(guildsSeen).allSatisfy(g -> assertThat(Shards.shardOf(g.getIdLong(), 2)).isEqualTo(shard));
    }
}

package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.discord.Snowflake;
import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageCreate;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDelete;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDeleteBulk;
import io.serverpulse.emulator.timeline.TimelineEvent.ReactionAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.VoiceStateUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimelineGeneratorTest {

    private static SimulatedCommunity week;

    @BeforeAll
    static void generateWeek() {
        week = Scenarios.week(42, 100_000);
    }

    @Test
    void the_same_seed_gives_the_same_timeline_and_another_seed_another() {
        // GIVEN two generations with one seed and one with another
        SimulatedCommunity a = Scenarios.small(7);
        SimulatedCommunity b = Scenarios.small(7);
        SimulatedCommunity c = Scenarios.small(8);

        // THEN the first two are equal in every respect, the third is not
        assertThat(b).isEqualTo(a);
        assertThat(c.events()).isNotEqualTo(a.events());
        assertThat(c.community().guildId()).isNotEqualTo(a.community().guildId());
    }

    @Test
    void a_week_holds_over_a_hundred_thousand_events_that_could_all_have_happened() {
        // GIVEN a week asked for 100,000 events
        // THEN it has exactly that many
        assertThat(week.events()).hasSize(100_000);
        // AND nothing in it is impossible (order, ids, deletes, reactions, members, voice; no session left open)
        assertThat(TimelineInvariants.violations(week)).isEmpty();
    }

    @Test
    void the_community_has_plausible_ids_channels_members_and_emojis() {
        // GIVEN the week's guild
        Community guild = week.community();
        Instant start = week.start();

        // THEN ids are snowflakes of times before the timeline, and channels and emojis postdate the guild
        Instant created = Snowflake.timestamp(guild.guildId());
        assertThat(created).isBefore(start).isAfter(start.minus(Duration.ofDays(4 * 365 + 1)));
        guild.channels().forEach(c -> assertThat(Snowflake.timestamp(c.id())).isAfterOrEqualTo(created).isBefore(start));
        guild.emojis().forEach(e -> assertThat(Snowflake.timestamp(e.id())).isAfterOrEqualTo(created).isBefore(start));
        assertThat(Snowflake.timestamp(guild.ownerId())).isBefore(created);
        // AND the shape is the preset's
        assertThat(guild.members()).hasSize(1_500);
        assertThat(guild.members().stream().filter(Community.Member::bot)).hasSize(12);
        assertThat(guild.members().stream().map(Community.Member::username).distinct()).hasSize(1_500);
        assertThat(guild.members()).anyMatch(m -> m.userId() == guild.ownerId());
        assertThat(guild.channels().stream().filter(c -> c.type() == ChannelType.GUILD_TEXT)).hasSize(12);
        assertThat(guild.channels().stream().filter(c -> c.type() == ChannelType.GUILD_VOICE)).hasSize(4);
        assertThat(guild.emojis()).hasSize(10);
        assertThat(week.collectedChannelIds()).hasSize(8)
                .allMatch(id -> guild.channels().stream().anyMatch(c -> c.id() == id && c.type() == ChannelType.GUILD_TEXT));
    }

    @Test
    void activity_follows_the_day_evenings_are_far_busier_than_early_mornings() {
        // GIVEN messages per UTC hour of day over the week (the guild is on UTC)
        long[] perHour = new long[24];
        messages(week).forEach(m -> perHour[m.at().atZone(ZoneOffset.UTC).getHour()]++);

        // THEN 19-22h are at least five times as busy as 3-6h
        long evening = perHour[19] + perHour[20] + perHour[21] + perHour[22];
        long morning = perHour[3] + perHour[4] + perHour[5] + perHour[6];
        assertThat(evening).isGreaterThan(5 * morning);
    }

    @Test
    void a_few_members_write_most_messages() {
        // GIVEN messages per author
        Map<Long, Long> perAuthor = messages(week).collect(Collectors.groupingBy(MessageCreate::authorId, Collectors.counting()));
        List<Long> counts = perAuthor.values().stream().sorted((x, y) -> Long.compare(y, x)).toList();

        // THEN the top tenth of authors wrote over 40 % of them, and the top one over 1 %
        long total = counts.stream().mapToLong(Long::longValue).sum();
        long topTenth = counts.stream().limit(counts.size() / 10).mapToLong(Long::longValue).sum();
        assertThat((double) topTenth / total).isGreaterThan(0.40);
        assertThat((double) counts.get(0) / total).isGreaterThan(0.01);
    }

    @Test
    void the_mix_has_reactions_with_custom_emojis_deletions_joins_leaves_voice_and_bots() {
        // GIVEN the week's events by kind
        Map<Class<?>, Long> kinds = week.events().stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        Set<String> customEmojis = week.community().emojis().stream().map(Community.Emoji::reactionKey).collect(Collectors.toSet());

        // THEN every kind occurs in a realistic share
        assertThat(kinds.get(MessageCreate.class)).isBetween(68_000L, 78_000L);
        assertThat(kinds.get(ReactionAdd.class)).isBetween(13_000L, 20_000L);
        assertThat(kinds.get(MessageDelete.class)).isBetween(2_000L, 4_000L);
        assertThat(kinds.get(MessageDeleteBulk.class)).isEqualTo(1L);
        assertThat(kinds.get(VoiceStateUpdate.class)).isBetween(5_000L, 7_000L);
        assertThat(kinds.get(MemberAdd.class)).isBetween(400L, 800L);
        assertThat(kinds.get(TimelineEvent.MemberRemove.class)).isBetween(250L, 600L);
        assertThat(week.events()).anyMatch(e -> e instanceof ReactionAdd r && customEmojis.contains(r.emoji()));
        assertThat(messages(week)).anyMatch(MessageCreate::bot);
        assertThat(messages(week)).anyMatch(m -> !week.collectedChannelIds().contains(m.channelId()));
    }

    @Test
    void voice_sessions_include_moves_and_sessions_that_cross_an_hour() {
        // GIVEN the voice sessions of the week
        Map<Long, VoiceStateUpdate> open = new HashMap<>();
        int moves = 0;
        int crossing = 0;
        for (TimelineEvent e : week.events()) {
            if (e instanceof VoiceStateUpdate v) {
                VoiceStateUpdate before = open.get(v.userId());
                if (before != null && v.channelId() != null) {
                    moves++;
                }
                if (before != null && !before.at().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                        .equals(v.at().truncatedTo(java.time.temporal.ChronoUnit.HOURS))) {
                    crossing++;
                }
                if (v.channelId() == null) {
                    open.remove(v.userId());
                } else {
                    open.put(v.userId(), v);
                }
            }
        }
        // THEN members move between channels and many stretches straddle an hour boundary
        assertThat(moves).isGreaterThan(50);
        assertThat(crossing).isGreaterThan(100);
    }

    @Test
    void the_join_raid_is_a_burst_of_fresh_accounts() {
        // GIVEN the raid of the week
        Incident raid = week.incidents(AlertType.JOIN_RAID).get(0);

        // THEN it is 60 joins within about a minute, by accounts at most two days old, starting when planned
        assertThat(raid.magnitude()).isEqualTo(60);
        assertThat(raid.start()).isEqualTo(Instant.parse("2026-03-04T13:37:00Z"));
        assertThat(Duration.between(raid.start(), raid.end())).isLessThan(Duration.ofSeconds(120));
        List<MemberAdd> joins = week.events().stream().filter(e -> e instanceof MemberAdd && inside(e, raid))
                .map(MemberAdd.class::cast).toList();
        assertThat(joins.stream().filter(j -> j.username().startsWith("free_gift_"))).hasSize(60);
        assertThat(joins).filteredOn(j -> j.username().startsWith("free_gift_"))
                .allMatch(j -> Snowflake.timestamp(j.userId()).isAfter(j.at().minus(Duration.ofDays(2))));
        assertThat(raid.channelIds()).isEmpty();
        assertThat(raid.guildId()).isEqualTo(week.community().guildId());
    }

    @Test
    void the_mass_deletion_deletes_singles_then_a_bulk_of_existing_messages_in_one_channel() {
        // GIVEN the mass deletion of the week
        Incident deletion = week.incidents(AlertType.MASS_DELETION).get(0);
        List<TimelineEvent> inside = week.events().stream().filter(e -> inside(e, deletion)
                && (e instanceof MessageDelete || e instanceof MessageDeleteBulk)).toList();

        // THEN 10 single deletes and one bulk of 40 happen within seconds, in its one channel
        assertThat(deletion.magnitude()).isEqualTo(50);
        assertThat(deletion.channelIds()).hasSize(1);
        assertThat(week.collectedChannelIds()).contains(deletion.channelIds().get(0));
        assertThat(Duration.between(deletion.start(), deletion.end())).isLessThan(Duration.ofSeconds(20));
        MessageDeleteBulk bulk = (MessageDeleteBulk) inside.stream().filter(e -> e instanceof MessageDeleteBulk).findFirst().orElseThrow();
        assertThat(bulk.messageIds()).hasSize(40);
        assertThat(bulk.at()).isEqualTo(deletion.end());
        assertThat(bulk.channelId()).isEqualTo(deletion.channelIds().get(0));
    }

    @Test
    void the_activity_drop_silences_most_messages_for_its_hours() {
        // GIVEN the drop of the week and the same hours one day earlier
        Incident drop = week.incidents(AlertType.ACTIVITY_DROP).get(0);
        long during = messages(week).filter(m -> !m.at().isBefore(drop.start()) && m.at().isBefore(drop.end())).count();
        Instant dayBefore = drop.start().minus(Duration.ofDays(1));
        long before = messages(week).filter(m -> !m.at().isBefore(dayBefore) && m.at().isBefore(drop.end().minus(Duration.ofDays(1)))).count();

        // THEN the window is four whole hours and holds a small fraction of the usual messages
        assertThat(drop.start()).isEqualTo(Instant.parse("2026-03-03T19:00:00Z"));
        assertThat(drop.end()).isEqualTo(Instant.parse("2026-03-03T23:00:00Z"));
        assertThat(drop.magnitude()).isEqualTo(90);
        assertThat(before).isGreaterThan(1_000);
        assertThat(during).isLessThan(before / 5);
    }

    @Test
    void the_voice_surge_brings_many_members_into_voice_at_once() {
        // GIVEN the surge of the week
        Incident surge = week.incidents(AlertType.VOICE_SURGE).get(0);
        Instant firstMinutes = surge.start().plus(Duration.ofMinutes(4));
        long joins = week.events().stream().filter(e -> e instanceof VoiceStateUpdate v && v.channelId() != null
                && !e.at().isBefore(surge.start()) && e.at().isBefore(firstMinutes)).count();

        // THEN at least 25 members join voice within four minutes, and the surge lasts until the last of them left
        assertThat(surge.magnitude()).isEqualTo(25);
        assertThat(joins).isGreaterThanOrEqualTo(25);
        assertThat(Duration.between(surge.start(), surge.end())).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(65));
        assertThat(surge.channelIds()).isNotEmpty();
    }

    @Test
    void several_guilds_share_one_clock_and_each_gets_its_incident() {
        // GIVEN five guilds
        SimulatedCommunity multi = Scenarios.multiGuild(3, 5);

        // THEN every guild has events and one incident, and the merged timeline is consistent
        assertThat(multi.communities()).hasSize(5);
        Set<Long> guildsWithEvents = new HashSet<>();
        multi.events().forEach(e -> guildsWithEvents.add(e.guildId()));
        assertThat(guildsWithEvents).hasSize(5);
        assertThat(multi.incidents()).hasSize(5);
        assertThat(multi.incidents().stream().map(Incident::type).distinct()).hasSize(4);
        assertThat(TimelineInvariants.violations(multi)).isEmpty();
        assertThatThrownBy(multi::community).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void too_many_incident_events_or_a_too_dense_timeline_are_refused_with_a_reason() {
        // WHEN a spec asks for more raid joins than events, or 100k events in an hour
        // THEN it is refused with a message that says why
        assertThatThrownBy(() -> TimelineGenerator.generate(ScenarioSpec.builder(1).targetEvents(10)
                .incident(IncidentSpec.joinRaid(0, 50)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("incidents alone need 50 events");
        assertThatThrownBy(() -> ScenarioSpec.builder(1).duration(Duration.ofHours(1)).targetEvents(100_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too dense");
    }

    private static java.util.stream.Stream<MessageCreate> messages(SimulatedCommunity sim) {
        return sim.events().stream().filter(e -> e instanceof MessageCreate).map(MessageCreate.class::cast);
    }

    private static boolean inside(TimelineEvent e, Incident incident) {
        return !e.at().isBefore(incident.start()) && !e.at().isAfter(incident.end());
    }
}

package io.serverpulse.digest.post;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.commands.ResponseLimits;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.digest.DigestDelivery;
import io.serverpulse.common.digest.DigestDelivery.Outcome;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestPlanner;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestView;
import io.serverpulse.common.discord.post.ChannelPost;
import io.serverpulse.common.discord.post.UpdateChannelStore;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.digest.support.DigestRig;
import io.serverpulse.emulator.state.StoredAttachment;
import io.serverpulse.emulator.state.StoredMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated fortnight's weekly digest posted to the guild's update channel through the emulator (Discord's
 * spec checked on every request): every number equal to the ground truth, the three charts attached, and the
 * period posted once whatever is repeated, restarted or run twice at once.
 */
class DigestDeliveryTest {

    /** Monday 9 March 2026, 03:15 in Berlin: the week of 2-8 March is due (03:10). */
    static final Instant DUE = Instant.parse("2026-03-09T02:15:00Z");
    static final DigestPeriod WEEK = DigestPeriod.weekly(LocalDate.parse("2026-03-02"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path dir;
    DigestRig rig;

    @BeforeEach
    void start() {
        rig = new DigestRig(dir, 12_000);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private static List<JsonNode> json(List<Embed> embeds) {
        List<JsonNode> out = new ArrayList<>();
        embeds.forEach(embed -> out.add(DiscordJson.tree(embed)));
        return out;
    }

    @Test
    void theWeeklyDigestIsPostedWithEveryNumberOfTheGroundTruthAndItsCharts() {
        // GIVEN a guild in Berlin with weekly digests and no update channel yet
        GuildSettings settings = rig.weekly(rig.guild(), "Europe/Berlin", "en-US");

        // WHEN its digest is delivered when due
        Outcome outcome = rig.delivery(Clock.fixed(DUE, ZoneOffset.UTC), "test").deliver(settings, WEEK);

        // THEN #serverpulse-updates was created and holds one message from the bot
        assertThat(outcome).isEqualTo(Outcome.POSTED);
        assertThat(rig.channelsCreated()).extracting(c -> c.name()).containsExactly("serverpulse-updates");
        List<StoredMessage> posted = rig.updates(rig.guild());
        assertThat(posted).hasSize(1);
        StoredMessage message = posted.get(0);
        // AND its embeds are exactly the ground truth's digest, as shown: every number, mention and footer
        DigestReport truth = rig.truth().digest(settings, WEEK, rig.alerts());
        List<String> files = message.attachments().stream().map(StoredAttachment::filename).toList();
        assertThat(files).containsExactly(DigestView.ACTIVITY_FILE, DigestView.HEATMAP_FILE, DigestView.CHANNELS_FILE);
        assertThat(message.embeds()).isEqualTo(json(DigestView.embeds(truth, Texts.english(), files,
                "ServerPulse digest " + Long.toUnsignedString(rig.guild().guildId()) + " weekly:2026-03-02")));
        assertThat(message.attachments()).allSatisfy(a -> {
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.size()).isGreaterThan(5_000);
        });
        // AND within Discord's limits (the emulator also checked the request against Discord's spec)
        assertThat(ResponseLimits.checkEdit(message.requestPayload(), files.size())).isEmpty();
        assertThat(message.embeds().get(0).toString()).contains("Join raid", "Mass deletion", "Activity drop", "Voice surge");
        // AND the ledger says where it went
        assertThat(rig.store().digestRecord(rig.guild().guildId(), WEEK.key())).hasValueSatisfying(r -> {
            assertThat(r.posted()).isTrue();
            assertThat(r.messageId()).isEqualTo(message.id());
        });
    }

    @Test
    void aGermanGuildGetsItsDigestInGerman() {
        // GIVEN the small guild, in New York, its settings in German
        GuildSettings settings = rig.weekly(rig.otherGuild(), "America/New_York", "de");
        DigestPeriod week = DigestPeriod.weekly(LocalDate.parse("2026-03-02"), ZoneId.of("America/New_York"));

        // WHEN its digest is delivered
        rig.delivery(Clock.fixed(Instant.parse("2026-03-09T05:15:00Z"), ZoneOffset.UTC), "test").deliver(settings, week);

        // THEN it reads in German, and names nothing of the other guild
        JsonNode main = rig.updates(rig.otherGuild()).get(0).embeds().get(0);
        assertThat(main.path("title").asText()).startsWith("📊 Wochenpuls · 02.03.2026");
        assertThat(main.path("fields").get(0).path("name").asText()).isEqualTo("💬 Nachrichten");
        assertThat(main.toString()).doesNotContain(Long.toUnsignedString(rig.guild().guildId()));
    }

    @Test
    void aRepeatedOrRestartedDeliveryPostsNothingMore() {
        // GIVEN the digest posted once
        GuildSettings settings = rig.weekly(rig.guild(), "Europe/Berlin", "en-US");
        Clock clock = Clock.fixed(DUE, ZoneOffset.UTC);
        DigestDelivery first = rig.delivery(clock, "process-1");
        first.deliver(settings, WEEK);

        // WHEN the same process repeats it (a retried invocation), and a restarted process does it again
        Outcome repeated = first.deliver(settings, WEEK);
        Outcome restarted = rig.delivery(Clock.fixed(DUE.plus(Duration.ofHours(1)), ZoneOffset.UTC), "process-2")
                .deliver(rig.store().settings(rig.guild().guildId()), WEEK);

        // THEN both find it posted: one message
        assertThat(repeated).isEqualTo(Outcome.ALREADY_POSTED);
        assertThat(restarted).isEqualTo(Outcome.ALREADY_POSTED);
        assertThat(rig.updates(rig.guild())).hasSize(1);
    }

    @Test
    void anAttemptThatPostedAndDiedBeforeRecordingItIsNotPostedAgain() {
        // GIVEN an attempt that claimed the week, posted the digest, and died before recording it
        GuildSettings settings = rig.weekly(rig.guild(), "Europe/Berlin", "en-US");
        rig.store().claimDigest(rig.guild().guildId(), WEEK.key(), "dead-attempt", DUE, DigestDelivery.LEASE);
        UpdatePoster deadPoster = new UpdatePoster(rig.rest(), UpdateChannelStore.of(rig.store(), Clock.fixed(DUE, ZoneOffset.UTC)));
        String footer = DigestView.footer(rig.guild().guildId(), WEEK);
        deadPoster.postOnce(settings, ChannelPost.of(footer, List.of(Embed.builder().title("📊 Weekly pulse").footer(footer).build()),
                List.of()));
        GuildSettings withChannel = rig.store().settings(rig.guild().guildId());

        // WHEN another process tries within the claim's lease, and again after it
        Outcome during = rig.delivery(Clock.fixed(DUE.plus(Duration.ofMinutes(5)), ZoneOffset.UTC), "process-2")
                .deliver(withChannel, WEEK);
        Outcome after = rig.delivery(Clock.fixed(DUE.plus(DigestDelivery.LEASE).plusSeconds(1), ZoneOffset.UTC), "process-2")
                .deliver(withChannel, WEEK);

        // THEN the first leaves it to the claim's holder; the second takes it over, finds the message by its footer
        // and records it instead of posting a second one
        assertThat(during).isEqualTo(Outcome.CLAIMED_ELSEWHERE);
        assertThat(after).isEqualTo(Outcome.ALREADY_POSTED);
        assertThat(rig.updates(rig.guild())).hasSize(1);
        assertThat(rig.store().digestRecord(rig.guild().guildId(), WEEK.key())).hasValueSatisfying(r -> assertThat(r.posted()).isTrue());
    }

    @Test
    void twoSchedulersAtOnceDeliverThePeriodOnce() throws Exception {
        // GIVEN two processes (each its own poster and REST client) due at the same moment
        GuildSettings settings = rig.weekly(rig.guild(), "Europe/Berlin", "en-US");
        Clock clock = Clock.fixed(DUE, ZoneOffset.UTC);
        List<DigestDelivery> processes = List.of(rig.delivery(clock, "process-1"), rig.delivery(clock, "process-2"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (DigestDelivery process : processes) {
                Callable<Outcome> run = () -> {
                    start.await();
                    return process.deliver(settings, WEEK);
                };
                outcomes.add(pool.submit(run));
            }

            // WHEN both deliver
            start.countDown();
            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }

            // THEN one posted, the other left it: one channel created, one message
            assertThat(results).containsExactlyInAnyOrder(Outcome.POSTED, Outcome.CLAIMED_ELSEWHERE);
            assertThat(rig.channelsCreated()).hasSize(1);
            assertThat(rig.updates(rig.guild())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWeekWithNothingCountedAfterAnotherIsRecordedButNotPosted() {
        // GIVEN the week before the fortnight began: nothing stored for it or the week before it
        GuildSettings settings = rig.weekly(rig.guild(), "Europe/Berlin", "en-US");
        DigestPeriod before = DigestPeriod.weekly(LocalDate.parse("2026-02-16"), ZoneId.of("Europe/Berlin"));

        // WHEN its digest is delivered
        Outcome outcome = rig.delivery(Clock.fixed(Instant.parse("2026-02-23T02:15:00Z"), ZoneOffset.UTC), "test")
                .deliver(settings, before);

        // THEN nothing is posted (no channel created either), and the period is no longer due
        assertThat(outcome).isEqualTo(Outcome.NOTHING_TO_REPORT);
        assertThat(rig.channelsCreated()).isEmpty();
        assertThat(rig.store().digestRecord(rig.guild().guildId(), before.key()))
                .hasValueSatisfying(r -> assertThat(r.nothingToReport()).isTrue());
    }

    @Test
    void aPeriodMissedWhileNothingRanIsPostedOnceWhenItRunsAgain() {
        // GIVEN nothing ran on Monday; the scheduler comes back on Tuesday morning (within the catch-up)
        GuildSettings settings = rig.weekly(rig.guild(), "Europe/Berlin", "en-US");
        Instant back = Instant.parse("2026-03-10T07:00:00Z");
        DigestPlanner planner = new DigestPlanner(rig.store());
        DigestDelivery delivery = rig.delivery(Clock.fixed(back, ZoneOffset.UTC), "process-1");

        // WHEN it runs what is due, twice (its next wake-up comes before anything else is due)
        for (int run = 0; run < 2; run++) {
            planner.due(rig.store().settings(rig.guild().guildId()), back)
                    .forEach(due -> delivery.deliver(due.settings(), due.period()));
        }

        // THEN last week's digest was posted once
        assertThat(rig.updates(rig.guild())).hasSize(1);
        assertThat(rig.updates(rig.guild()).get(0).embeds().get(0).path("footer").path("text").asText()).endsWith("weekly:2026-03-02");
        assertThat(planner.due(settings, back)).isEmpty();
    }
}

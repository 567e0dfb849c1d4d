package io.serverpulse.digest.truth;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.commands.ResponseLimits;
import io.serverpulse.common.digest.ChannelNames;
import io.serverpulse.common.digest.DigestBuilder;
import io.serverpulse.common.digest.DigestComposer;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestView;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import io.serverpulse.digest.support.Fortnight;
import io.serverpulse.digest.support.SimulatedStore;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two simulated weeks of two guilds (the emulator's week scenario, with its raid, mass deletion, drop and voice
 * surge, and a smaller guild five hours behind UTC) stored the way the collector stores them, in SQLite and in
 * MongoDB (the wire-protocol stand-in): every number of every digest equals what the emulator's ground truth
 * says it must be, for weekly and daily digests in three time zones (one half an hour off) and for the three
 * {@code /pulse} periods; and a digest of one guild holds nothing of the other.
 */
class DigestGroundTruthTest {

    static final Instant NOW = Instant.parse("2026-03-08T18:30:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @TempDir
    static Path dir;
    static MongoServer mongo;
    static final List<Stored> STORES = new ArrayList<>();

    /** A store filled with a simulation, its truth and the alerts saved in it. */
    record Stored(String name, Store store, SimulatedCommunity sim, GroundTruth truth, List<AlertRecord> alerts) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void fill() {
        // the stand-in scans a collection on every upsert (see store-mongodb's MetricWriter): a smaller fortnight there
        SimulatedCommunity large = Fortnight.of(40_000);
        SimulatedCommunity small = Fortnight.of(6_000);
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        STORES.add(stored("sqlite", SqliteStore.open(dir), large));
        STORES.add(stored("mongodb-standin", MongoStores.connect("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort()
                + "/digests"), small));
    }

    private static Stored stored(String name, Store store, SimulatedCommunity sim) {
        Set<Long> sentiment = Set.of(sim.communities().get(0).guildId());
        GroundTruth truth = sim.groundTruth(false, sentiment);
        List<AlertRecord> alerts = SimulatedStore.fill(store, sim, truth, sentiment, 5_000);
        return new Stored(name, store, sim, truth, alerts);
    }

    @AfterAll
    static void close() {
        STORES.forEach(s -> s.store().close());
        mongo.shutdownNow();
    }

    static Stream<Arguments> stores() {
        return STORES.stream().map(Arguments::of);
    }

    private static GuildSettings settings(Community guild, ZoneId zone, boolean sentiment) {
        return GuildSettings.defaults(guild.guildId()).withDigest(DigestFrequency.WEEKLY, Instant.EPOCH)
                .withTimeZone(zone.getId(), Instant.EPOCH).withSentiment(sentiment, Instant.EPOCH);
    }

    private static List<DigestPeriod> periods(ZoneId zone) {
        return List.of(DigestPeriod.weekly(LocalDate.parse("2026-03-02"), zone),
                DigestPeriod.daily(LocalDate.parse("2026-03-04"), zone),
                DigestPeriod.daily(LocalDate.parse("2026-03-06"), zone),
                DigestPeriod.onDemand(DigestPeriod.Kind.LAST_24_HOURS, zone, NOW),
                DigestPeriod.onDemand(DigestPeriod.Kind.LAST_7_DAYS, zone, NOW),
                DigestPeriod.onDemand(DigestPeriod.Kind.LAST_30_DAYS, zone, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void everyNumberOfEveryDigestIsTheGroundTruth(Stored stored) {
        DigestBuilder builder = new DigestBuilder(stored.store(), stored.store(), stored.store(), stored.store());
        int compared = 0;
        for (Community guild : stored.sim().communities()) {
            boolean sentiment = guild == stored.sim().communities().get(0);
            for (ZoneId zone : List.of(ZoneId.of("UTC"), NEW_YORK, KOLKATA)) {
                GuildSettings settings = settings(guild, zone, sentiment);
                for (DigestPeriod period : periods(zone)) {
                    // GIVEN the guild's stored fortnight
                    // WHEN its digest is built from the store
                    DigestReport built = builder.build(settings, period);

                    // THEN it is exactly what the ground truth says, number for number
                    DigestReport truth = stored.truth().digest(settings, period, stored.alerts());
                    assertThat(built).as("%s %s %s %s", stored, guild.name(), zone, period.kind()).isEqualTo(truth);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(2 * 3 * 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theWeekHasSomethingInEveryPartOfTheDigest(Stored stored) {
        // GIVEN the big guild's week of 2-8 March in UTC, in which the scenario put one incident of each kind
        Community guild = stored.sim().communities().get(0);
        DigestReport report = new DigestBuilder(stored.store(), stored.store(), stored.store(), stored.store())
                .build(settings(guild, ZoneId.of("UTC"), true), DigestPeriod.weekly(LocalDate.parse("2026-03-02"), ZoneId.of("UTC")));

        // THEN no part of the comparison above was trivially empty
        assertThat(report.current().messages()).isPositive();
        assertThat(report.previous().messages()).isPositive();
        assertThat(report.current().voiceSeconds()).isPositive();
        assertThat(report.current().joins()).isGreaterThanOrEqualTo(60);
        assertThat(report.topMembers()).hasSize(DigestBuilder.TOP);
        assertThat(report.topVoice()).isNotEmpty();
        assertThat(report.topEmoji()).isNotEmpty();
        assertThat(report.newMembers().joined()).isPositive();
        assertThat(report.alerts()).hasSize(4);
        assertThat(report.sentiment()).hasValueSatisfying(s -> assertThat(s.total()).isPositive());
        assertThat(report.peak()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aDigestOfOneGuildHoldsNothingOfTheOther(Stored stored) {
        // GIVEN the two guilds of the fortnight
        Community a = stored.sim().communities().get(0);
        Community b = stored.sim().communities().get(1);
        DigestComposer composer = DigestComposer.of(stored.store(), ChannelNames.NONE);
        DigestPeriod week = DigestPeriod.weekly(LocalDate.parse("2026-03-02"), NEW_YORK);

        // WHEN guild A's weekly digest is composed, as it would be posted
        DigestComposer.Composed composed = composer.compose(settings(a, NEW_YORK, true), week, Texts.english(),
                DigestView.footer(a.guildId(), week), 10L << 20);

        // THEN neither its numbers nor its message name any member, channel or emoji of guild B
        String message = composed.message().toJson(false).toString();
        for (Community.Member member : b.members()) {
            assertThat(message).doesNotContain(Long.toString(member.userId()));
        }
        for (Community.Channel channel : b.channels()) {
            assertThat(message).doesNotContain(Long.toString(channel.id()));
        }
        for (Community.Emoji emoji : b.emojis()) {
            assertThat(composed.report().topEmoji()).extracting(KeyCount::key).doesNotContain(emoji.reactionKey());
        }
        assertThat(composed.report().topMembers()).extracting(MemberCount::memberId)
                .allMatch(id -> a.members().stream().anyMatch(m -> m.userId() == id) || joinedLater(stored, a, id));
        assertThat(composed.report().alerts()).allMatch(alert -> alert.guildId() == a.guildId());
        assertThat(message).doesNotContain(Long.toString(b.guildId()));
        // AND the message is one Discord accepts, with its three charts
        assertThat(ResponseLimits.checkEdit(composed.message().toJson(false), composed.message().files().size())).isEmpty();
        assertThat(composed.message().files()).hasSize(3);
    }

    private static boolean joinedLater(Stored stored, Community guild, long memberId) {
        return stored.truth().memberEvents().stream().anyMatch(e -> e.guildId() == guild.guildId() && e.memberId() == memberId);
    }
}

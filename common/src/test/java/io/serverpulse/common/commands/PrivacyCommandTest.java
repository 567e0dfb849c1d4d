package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMBER_PERMISSIONS;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static io.serverpulse.common.commands.CommandKit.USER;
import static io.serverpulse.common.commands.CommandKit.asMember;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withLocale;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrivacyCommandTest {

    private static final long ALICE = 200000000000000001L;
    private static final TimeWindow ALL = new TimeWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private final CommandKit kit = new CommandKit();

    @BeforeEach
    void twoMembersPostedAndJoined() {
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), Instant.EPOCH));
        kit.post(GUILD, GENERAL, USER, 9, NOW.minus(Duration.ofHours(2)));
        kit.post(GUILD, GENERAL, ALICE, 4, NOW.minus(Duration.ofHours(2)));
        kit.store.recordMemberEvents(List.of(new MemberEvent(GUILD, USER, MemberEvent.Kind.JOIN, NOW.minus(Duration.ofDays(3))),
                new MemberEvent(GUILD, ALICE, MemberEvent.Kind.JOIN, NOW.minus(Duration.ofDays(3)))));
    }

    @Test
    void aMemberWhoOptsOutIsToldWhatChangesAndLeavesTheLeaderboard() {
        // GIVEN the leaderboard ranks the member first
        assertThat(kit.run(fixture("topmessagers.json")).text()).contains("<@" + USER + ">");

        // WHEN they run /privacy opt-out, twice
        Answer first = kit.run(fixture("privacy-opt-out.json"));
        Answer second = kit.run(fixture("privacy-opt-out.json"));

        // THEN only they see the answers; the opt-out is stored on its own, not in the settings
        assertThat(first.ephemeral()).isTrue();
        assertThat(first.content()).startsWith("🔕 You are opted out in this server.")
                .contains("kept, hidden, until it expires (after at most 90 days)");
        assertThat(second.content()).startsWith("You are already opted out in this server (since <t:" + NOW.getEpochSecond() + ":f>)");
        assertThat(kit.store.optedOut(GUILD)).containsExactly(USER);
        assertThat(kit.store.settings(GUILD).collectChannels()).containsExactly(GENERAL);
        // ... and /topmessagers shows Alice alone, while their earlier counts stay stored
        String leaderboard = kit.run(fixture("topmessagers.json")).text();
        assertThat(leaderboard).contains("<@" + ALICE + ">").doesNotContain(Long.toString(USER));
        assertThat(kit.store.buckets(BucketKind.MEMBER_DAY, GUILD, null, USER, ALL)).isNotEmpty();
    }

    @Test
    void optingInUndoesIt() {
        // GIVEN an opted-out member
        kit.run(fixture("privacy-opt-out.json"));

        // WHEN they opt in, twice
        Answer first = kit.run(fixture("privacy-opt-in.json"));
        Answer second = kit.run(fixture("privacy-opt-in.json"));

        // THEN they are counted and ranked again
        assertThat(first.content()).startsWith("🔔 You are counted again in this server");
        assertThat(second.content()).startsWith("You are not opted out in this server");
        assertThat(kit.store.optedOut(GUILD)).isEmpty();
        assertThat(kit.run(fixture("topmessagers.json")).text()).contains("<@" + USER + ">");
    }

    @Test
    void forgetErasesTheMembersRowsAndSaysWhat() {
        // GIVEN / WHEN the member runs /privacy forget
        Answer answer = kit.run(fixture("privacy-forget.json"));

        // THEN their hourly and daily rows and their join are gone and counted in the answer; channel totals and Alice stay
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("🗑️ Erased what ServerPulse kept about you in this server: 2 hourly activity rows,"
                + " 2 daily activity rows, 1 join or leave record, 0 cached leaderboards that listed you. Channel and server totals stay:"
                + " they hold no member.\nYou are still counted from now on; /privacy opt-out stops it.");
        assertThat(kit.store.buckets(BucketKind.MEMBER_DAY, GUILD, null, USER, ALL)).isEmpty();
        assertThat(kit.store.buckets(BucketKind.MEMBER_HOUR, GUILD, null, USER, ALL)).isEmpty();
        assertThat(kit.store.memberEvents(GUILD, ALL)).extracting(MemberEvent::memberId).containsExactly(ALICE);
        assertThat(kit.store.buckets(BucketKind.CHANNEL_HOUR, GUILD, GENERAL, null, ALL)).singleElement()
                .satisfies(row -> assertThat(row.get(Counter.MESSAGES)).isEqualTo(13));
        assertThat(kit.run(fixture("topmessagers.json")).text()).doesNotContain(Long.toString(USER));
    }

    @Test
    void anOptedOutMemberWhoForgetsStaysOptedOut() {
        // GIVEN / WHEN an opted-out member erases their data
        kit.run(fixture("privacy-opt-out.json"));
        Answer answer = kit.run(fixture("privacy-forget.json"));

        // THEN the opt-out holds
        assertThat(answer.content()).endsWith("You stay opted out: nothing new is counted about you.");
        assertThat(kit.store.optedOut(GUILD)).containsExactly(USER);
    }

    @Test
    void anAdminPurgesAMembersDataAndOthersAreRefused() {
        // GIVEN / WHEN a member without Manage Server tries to purge Alice
        Answer refused = kit.run(asMember(fixture("privacy-purge-member.json"), MEMBER_PERMISSIONS));

        // THEN they are refused and nothing is erased
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).startsWith("🔒 You need the **Manage Server** permission");
        assertThat(kit.store.buckets(BucketKind.MEMBER_DAY, GUILD, null, ALICE, ALL)).isNotEmpty();

        // WHEN an admin does
        Answer purged = kit.run(fixture("privacy-purge-member.json"));

        // THEN Alice's rows are gone, the answer names her (without pinging) and what was erased
        assertThat(purged.ephemeral()).isTrue();
        assertThat(purged.content()).startsWith("🗑️ Erased what ServerPulse kept about <@" + ALICE + "> in this server: 2 hourly activity"
                + " rows, 2 daily activity rows, 1 join or leave record, 0 cached leaderboards that listed them.");
        assertThat(purged.data().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(kit.store.buckets(BucketKind.MEMBER_DAY, GUILD, null, ALICE, ALL)).isEmpty();
        assertThat(kit.store.buckets(BucketKind.MEMBER_DAY, GUILD, null, USER, ALL)).isNotEmpty();
    }

    @Test
    void theAnswersAreLocalized() {
        // GIVEN / WHEN German and French members opt out
        Answer german = kit.run(withLocale(fixture("privacy-opt-out.json"), "de"));
        kit.store.optIn(GUILD, USER);
        Answer french = kit.run(withLocale(fixture("privacy-opt-out.json"), "fr"));

        // THEN each reads it in their language, with the commands as their client names them
        assertThat(german.content()).startsWith("🔕 Du bist auf diesem Server abgemeldet.").contains("/datenschutz vergessen");
        assertThat(french.content()).startsWith("🔕 Tu t’es retiré·e sur ce serveur.").contains("/confidentialité oublier");
    }
}

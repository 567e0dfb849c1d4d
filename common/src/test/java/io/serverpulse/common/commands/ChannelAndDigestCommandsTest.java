package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.ANNOUNCEMENTS;
import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMES;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelAndDigestCommandsTest {

    private final CommandKit kit = new CommandKit();

    @Test
    void setUpdateChannelStoresTheChannel() {
        // GIVEN a guild with default settings
        // WHEN an admin runs /set-update-channel #announcements
        Answer answer = kit.run(fixture("set-update-channel.json"));

        // THEN the channel is stored and the admin is told, privately
        assertThat(kit.store.settings(GUILD).updateChannelId()).isEqualTo(ANNOUNCEMENTS);
        assertThat(kit.store.settings(GUILD).updatedAt()).isEqualTo(NOW);
        assertThat(answer.type()).isEqualTo(4);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("✅ Digests and alerts will be posted in <#1176201535215009860>.");
    }

    @Test
    void aVoiceChannelIsNotAnUpdateChannel() {
        // GIVEN /set-update-channel with a channel Discord resolved as a voice channel
        ObjectNode body = fixture("set-update-channel.json");
        ((ObjectNode) body.at("/data/resolved/channels/1176201535215009860")).put("type", 2);

        // WHEN it is run
        Answer answer = kit.run(body);

        // THEN it is refused and nothing is stored
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("<#1176201535215009860> can’t be used here");
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }

    @Test
    void addCollectChannelAddsOnce() {
        // GIVEN a guild collecting #memes
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(MEMES), Instant.EPOCH));

        // WHEN /add-collect-channel #general runs twice
        Answer first = kit.run(fixture("add-collect-channel.json"));
        Answer second = kit.run(fixture("add-collect-channel.json"));

        // THEN #general is collected once, and the second run says so without changing anything
        assertThat(kit.store.settings(GUILD).collectChannels()).containsExactlyInAnyOrder(MEMES, GENERAL);
        assertThat(first.content()).startsWith("✅ ServerPulse now counts activity in <#1176201535215009855> (2 channels collected)");
        assertThat(second.content()).isEqualTo("<#1176201535215009855> is already collected. Nothing was changed.");
        assertThat(second.ephemeral()).isTrue();
    }

    @Test
    void removeCollectChannelRemovesIt() {
        // GIVEN a guild collecting #general and #memes
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL, MEMES), Instant.EPOCH));

        // WHEN /remove-collect-channel #general runs, then again
        Answer removed = kit.run(fixture("remove-collect-channel.json"));
        Answer again = kit.run(fixture("remove-collect-channel.json"));

        // THEN only #memes stays, and the second run changes nothing
        assertThat(kit.store.settings(GUILD).collectChannels()).containsExactly(MEMES);
        assertThat(removed.content()).contains("no longer counts activity in <#1176201535215009855> (1 channel collected)");
        assertThat(again.content()).isEqualTo("<#1176201535215009855> wasn’t collected. Nothing was changed.");
    }

    @Test
    void aMissingChannelOptionIsExplained() {
        // GIVEN /add-collect-channel without its option (a stale client)
        ObjectNode body = withOptions(fixture("add-collect-channel.json"), "[]");

        // WHEN it is run
        Answer answer = kit.run(body);

        // THEN the member is told which option is missing, and nothing changes
        assertThat(answer.content()).isEqualTo("The option **channel** is missing.");
        assertThat(answer.ephemeral()).isTrue();
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }

    @Test
    void setDigestStoresTheFrequency() {
        // GIVEN / WHEN /set-digest daily, then none
        Answer daily = kit.run(fixture("set-digest.json"));
        GuildSettings afterDaily = kit.store.settings(GUILD);
        Answer none = kit.run(withOptions(fixture("set-digest.json"), "[{\"name\":\"frequency\",\"type\":3,\"value\":\"none\"}]"));

        // THEN each is stored and confirmed
        assertThat(afterDaily.digest()).isEqualTo(DigestFrequency.DAILY);
        assertThat(daily.content()).isEqualTo("✅ A digest of the day before will be posted every day at 12:10 AM (UTC).");
        assertThat(kit.store.settings(GUILD).digest()).isEqualTo(DigestFrequency.NONE);
        assertThat(none.content()).isEqualTo("✅ Digests are off.");
    }

    @Test
    void anUnknownDigestFrequencyChangesNothing() {
        // GIVEN /set-digest with a value Discord would not offer
        ObjectNode body = withOptions(fixture("set-digest.json"), "[{\"name\":\"frequency\",\"type\":3,\"value\":\"monthly\"}]");

        // WHEN / THEN it is refused
        Answer answer = kit.run(body);
        assertThat(answer.content()).startsWith("The value of **frequency** isn’t valid");
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }

    @Test
    void setDigestTakesATimeZoneOfTheTzDatabaseAndSaysWhenTheDigestComes() {
        // GIVEN /set-digest weekly with a zone typed in lower case
        ObjectNode body = withOptions(fixture("set-digest.json"),
                "[{\"name\":\"frequency\",\"type\":3,\"value\":\"weekly\"},{\"name\":\"timezone\",\"type\":3,\"value\":\"europe/berlin\"}]");

        // WHEN it is run
        Answer answer = kit.run(body);

        // THEN the canonical zone is stored, and the answer says when the digest comes, in that zone: Monday
        // 03:10, once Sunday is over in UTC too (Berlin is up to two hours ahead) and past the hour that
        // daylight saving time skips in March (02:00-03:00)
        GuildSettings settings = kit.store.settings(GUILD);
        assertThat(settings.digest()).isEqualTo(DigestFrequency.WEEKLY);
        assertThat(settings.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(answer.content()).isEqualTo("🕒 Time zone: **Europe/Berlin**.\n✅ A digest of the week before (Monday to Sunday) "
                + "will be posted every Monday at 3:10 AM (Europe/Berlin).");
        assertThat(answer.ephemeral()).isTrue();
    }

    @Test
    void setDigestWithOnlyATimeZoneKeepsTheFrequency() {
        // GIVEN a guild with daily digests
        kit.run(fixture("set-digest.json"));

        // WHEN only the zone is changed
        Answer answer = kit.run(withOptions(fixture("set-digest.json"), "[{\"name\":\"timezone\",\"type\":3,\"value\":\"America/New_York\"}]"));

        // THEN the frequency stays and the new time is said
        assertThat(kit.store.settings(GUILD).digest()).isEqualTo(DigestFrequency.DAILY);
        assertThat(kit.store.settings(GUILD).timeZone()).isEqualTo("America/New_York");
        assertThat(answer.content()).endsWith("every day at 12:10 AM (America/New_York).");
    }

    @Test
    void setDigestRefusesWhatIsNotAZoneOfTheTzDatabase() {
        for (String typed : new String[] {"Berlin", "GMT+2", "+02:00", "Europe/Atlantis", "Etc/GMT-2", "CET"}) {
            // GIVEN /set-digest with something that is not a tz database region
            ObjectNode body = withOptions(fixture("set-digest.json"),
                    "[{\"name\":\"timezone\",\"type\":3,\"value\":\"" + typed + "\"}]");

            // WHEN / THEN it is refused, saying what to type, and nothing is stored
            Answer answer = kit.run(body);
            assertThat(answer.content()).as(typed).startsWith("**" + typed + "** isn’t a time zone of the tz database")
                    .contains("Europe/Berlin");
            assertThat(answer.ephemeral()).isTrue();
            assertThat(kit.store.findSettings(GUILD)).isEmpty();
        }
    }

    @Test
    void setDigestNeedsAnOptionAndNoLongerOffersHourly() {
        // GIVEN /set-digest without options, and with "hourly" from a client that still shows the old choice
        Answer nothing = kit.run(withOptions(fixture("set-digest.json"), "[]"));
        Answer hourly = kit.run(withOptions(fixture("set-digest.json"), "[{\"name\":\"frequency\",\"type\":3,\"value\":\"hourly\"}]"));

        // THEN both say what to do and nothing is stored
        assertThat(nothing.content()).isEqualTo("Give **frequency**, **timezone** or both. Nothing was changed.");
        assertThat(hourly.content()).startsWith("Hourly digests aren’t offered").endsWith("Choose daily or weekly. Nothing was changed.");
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }

    @Test
    void germanMembersGetGermanAnswersWithLocalizedOptionNames() {
        // GIVEN the same commands from a member whose Discord is in German
        ObjectNode digest = CommandKit.withLocale(fixture("set-digest.json"), "de");
        ObjectNode missing = CommandKit.withLocale(withOptions(fixture("add-collect-channel.json"), "[]"), "de");

        // WHEN they are run
        // THEN the answers are German, and the option is named as the German client shows it
        assertThat(kit.run(digest).content()).isEqualTo("✅ Eine Zusammenfassung des Vortags wird jeden Tag um 00:10 gepostet (UTC).");
        assertThat(kit.run(missing).content()).isEqualTo("Die Option **kanal** fehlt.");
    }
}

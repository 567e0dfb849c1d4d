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
        assertThat(removed.content()).contains("no longer counts activity in <#1176201535215009855> (1 channels collected)");
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
        assertThat(daily.content()).isEqualTo("✅ A digest will be posted daily.");
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
    void germanMembersGetGermanAnswersWithLocalizedOptionNames() {
        // GIVEN the same commands from a member whose Discord is in German
        ObjectNode digest = CommandKit.withLocale(fixture("set-digest.json"), "de");
        ObjectNode missing = CommandKit.withLocale(withOptions(fixture("add-collect-channel.json"), "[]"), "de");

        // WHEN they are run
        // THEN the answers are German, and the option is named as the German client shows it
        assertThat(kit.run(digest).content()).isEqualTo("✅ Eine Zusammenfassung wird täglich gepostet.");
        assertThat(kit.run(missing).content()).isEqualTo("Die Option **kanal** fehlt.");
    }
}

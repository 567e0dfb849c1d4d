package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.ANNOUNCEMENTS;
import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMES;
import static io.serverpulse.common.commands.CommandKit.VOICE;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SetupCommandTest {

    private final CommandKit kit = new CommandKit();

    private static List<String> customIds(Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.data().path("components").forEach(row -> row.path("components").forEach(c -> ids.add(c.path("custom_id").asText())));
        return ids;
    }

    private static JsonNode component(Answer answer, String customId) {
        for (JsonNode row : answer.data().path("components")) {
            for (JsonNode component : row.path("components")) {
                if (component.path("custom_id").asText().equals(customId)) {
                    return component;
                }
            }
        }
        throw new AssertionError("no component " + customId + " in " + answer.text());
    }

    @Test
    void setupOpensAPrivateWizardOnTheCurrentSettings() {
        // GIVEN a guild that posts updates in #announcements and digests daily
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withUpdateChannel(ANNOUNCEMENTS, Instant.EPOCH)
                .withDigest(DigestFrequency.DAILY, Instant.EPOCH));

        // WHEN an admin runs /setup
        Answer answer = kit.run(fixture("setup.json"));

        // THEN an ephemeral message holds the summary and the stable components, preset to the settings
        assertThat(answer.type()).isEqualTo(4);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("Update channel: <#1176201535215009860>").contains("Digest: daily")
                .contains("Alerts on: 4 of 4");
        assertThat(customIds(answer)).containsExactly("setup:update-channel", "setup:collect-channels", "setup:digest",
                "setup:alerts-on", "setup:alerts-off", "setup:done");
        JsonNode update = component(answer, "setup:update-channel");
        assertThat(update.path("type").asInt()).isEqualTo(8);
        assertThat(update.path("channel_types").toString()).isEqualTo("[0,5]");
        assertThat(update.path("default_values").toString()).isEqualTo("[{\"id\":\"1176201535215009860\",\"type\":\"channel\"}]");
        JsonNode collect = component(answer, "setup:collect-channels");
        assertThat(collect.path("min_values").asInt()).isZero();
        assertThat(collect.path("max_values").asInt()).isEqualTo(25);
        JsonNode digest = component(answer, "setup:digest");
        assertThat(digest.path("type").asInt()).isEqualTo(3);
        assertThat(digest.path("options").findValuesAsText("value")).containsExactly("daily", "weekly", "none");
        assertThat(digest.path("options").get(0).path("default").asBoolean()).isTrue();
        assertThat(component(answer, "setup:alerts-on").path("disabled").asBoolean()).isTrue();
        assertThat(component(answer, "setup:alerts-off").path("disabled").asBoolean()).isFalse();
        // nothing was written by opening the wizard
        assertThat(kit.store.settings(GUILD).updatedAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void pickingAnUpdateChannelSavesItAndRedrawsTheWizard() {
        // GIVEN / WHEN the admin picks #announcements in the wizard
        Answer answer = kit.run(fixture("setup-update-channel.json"));

        // THEN it is saved, and the wizard message is updated in place with the new default
        assertThat(kit.store.settings(GUILD).updateChannelId()).isEqualTo(ANNOUNCEMENTS);
        assertThat(answer.type()).isEqualTo(7);
        assertThat(answer.data().has("flags")).isFalse();
        assertThat(component(answer, "setup:update-channel").path("default_values").get(0).path("id").asText())
                .isEqualTo("1176201535215009860");
    }

    @Test
    void pickingChannelsToCollectReplacesTheList() {
        // GIVEN a guild collecting an old channel
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(42L), Instant.EPOCH));

        // WHEN the admin picks #general, #memes and a voice channel
        Answer answer = kit.run(fixture("setup-collect-channels.json"));

        // THEN exactly those are collected
        assertThat(kit.store.settings(GUILD).collectChannels()).containsExactlyInAnyOrder(GENERAL, MEMES, VOICE);
        assertThat(answer.content()).contains("Collected channels: 3");
        assertThat(component(answer, "setup:collect-channels").path("default_values")).hasSize(3);
    }

    @Test
    void pickingADigestFrequencySavesIt() {
        // GIVEN / WHEN the admin picks "daily"
        Answer answer = kit.run(fixture("setup-digest.json"));

        // THEN it is saved and shown as the default
        assertThat(kit.store.settings(GUILD).digest()).isEqualTo(DigestFrequency.DAILY);
        assertThat(component(answer, "setup:digest").path("options").get(0).path("default").asBoolean()).isTrue();
    }

    @Test
    void hourlyFromAnOldWizardMessageIsRefused() {
        // GIVEN a wizard message drawn before hourly digests were dropped, on which the admin picks "hourly"
        ObjectNode body = fixture("setup-digest.json");
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.path("data").path("values")).removeAll().add("hourly");

        // WHEN it is handled
        Answer answer = kit.run(body);

        // THEN nothing is saved and the admin is told to pick again
        assertThat(answer.content()).isEqualTo("That selection isn’t valid. Please pick again.");
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }

    @Test
    void alertsOffTurnsEveryAlertOff() {
        // GIVEN / WHEN the admin presses "All alerts off"
        Answer answer = kit.run(fixture("setup-alerts-off.json"));

        // THEN every alert type is off, thresholds unchanged, and the button is now disabled
        GuildSettings settings = kit.store.settings(GUILD);
        for (AlertType type : AlertType.values()) {
            assertThat(settings.alert(type).enabled()).as("%s", type).isFalse();
            assertThat(settings.alert(type).threshold()).isEqualTo(GuildSettings.defaults(GUILD).alert(type).threshold());
        }
        assertThat(answer.content()).contains("Alerts on: 0 of 4");
        assertThat(component(answer, "setup:alerts-off").path("disabled").asBoolean()).isTrue();
    }

    @Test
    void doneClosesTheWizard() {
        // GIVEN / WHEN the admin presses Done
        Answer answer = kit.run(fixture("setup-done.json"));

        // THEN the message keeps the summary and loses its components
        assertThat(answer.type()).isEqualTo(7);
        assertThat(answer.content()).startsWith("✅ Setup saved.");
        assertThat(answer.data().path("components").isArray()).isTrue();
        assertThat(answer.data().path("components")).isEmpty();
    }

    @Test
    void moreThan25CollectedChannelsAreNotOfferedInTheSelect() {
        // GIVEN 30 collected channels
        Set<Long> many = new TreeSet<>();
        for (long i = 1; i <= 30; i++) {
            many.add(1176201535215010000L + i);
        }
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(many, Instant.EPOCH));

        // WHEN the wizard opens, and a stale collect select is used
        Answer wizard = kit.run(fixture("setup.json"));
        Answer stale = kit.run(fixture("setup-collect-channels.json"));

        // THEN the select is left out with a note, and the stale select drops nothing
        assertThat(customIds(wizard)).doesNotContain("setup:collect-channels");
        assertThat(wizard.content()).contains("You collect 30 channels");
        assertThat(stale.ephemeral()).isTrue();
        assertThat(kit.store.settings(GUILD).collectChannels()).hasSize(30);
    }

    @Test
    void unknownOrMalformedSelectionsChangeNothing() {
        // GIVEN an unknown wizard button, and a select with a value that is not a channel id
        ObjectNode unknown = fixture("setup-done.json");
        ((ObjectNode) unknown.get("data")).put("custom_id", "setup:reticulate-splines");
        ObjectNode malformed = fixture("setup-update-channel.json");
        ((ObjectNode) malformed.get("data")).putArray("values").add("general");

        // WHEN / THEN each is refused privately and nothing is stored
        assertThat(kit.run(unknown).content()).isEqualTo("This button or menu is no longer valid. Run the command again.");
        assertThat(kit.run(malformed).content()).isEqualTo("That selection isn’t valid. Please pick again.");
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }
}

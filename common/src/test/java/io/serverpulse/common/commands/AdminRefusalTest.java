package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GENERAL;
import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.MEMBER_PERMISSIONS;
import static io.serverpulse.common.commands.CommandKit.NOW;
import static io.serverpulse.common.commands.CommandKit.asMember;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Admin commands, their components and their modals are re-checked from member.permissions on every use. */
class AdminRefusalTest {

    private final CommandKit kit = new CommandKit();

    @ParameterizedTest
    @ValueSource(strings = {"setup.json", "set-update-channel.json", "add-collect-channel.json", "remove-collect-channel.json",
            "toggle-alert.json", "alert-threshold.json", "set-digest.json", "ai-provider-set.json", "ai-provider-key.json",
            "ai-provider-key-submit.json", "export-report.json", "serverpulse-status.json", "setup-update-channel.json",
            "setup-collect-channels.json", "setup-digest.json", "setup-alerts-off.json", "setup-done.json",
            "sentiment-on.json", "sentiment-off.json", "sentiment-summary.json", "set-retention.json"})
    void aMemberWithoutManageServerIsRefusedAndNothingChanges(String fixture) {
        // GIVEN a configured guild, and a member without Manage Server or Administrator
        GuildSettings before = GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), Instant.EPOCH)
                .withAi(AiProvider.OPENAI, null, null, Instant.EPOCH);
        kit.store.saveSettings(before);

        // WHEN the member runs the admin interaction (Discord hides the command, but a payload can still arrive)
        Answer answer = kit.run(asMember(fixture(fixture), MEMBER_PERMISSIONS));

        // THEN the refusal is a private message, and the settings are exactly as before
        assertThat(answer.type()).isEqualTo(4);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("🔒 You need the **Manage Server** permission to use this command. Nothing was changed.");
        assertThat(kit.store.allSettings()).containsExactly(before);
        assertThat(answer.outcome()).isInstanceOf(InteractionOutcome.Respond.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.json", "set-digest.json", "serverpulse-status.json", "setup-digest.json", "sentiment-on.json"})
    void administratorImpliesManageServer(String fixture) {
        // GIVEN a member whose only permission bit is Administrator (1 << 3)
        // WHEN they run an admin interaction
        Answer answer = kit.run(asMember(fixture(fixture), "8"));

        // THEN it is not refused
        assertThat(answer.content()).doesNotContain("Manage Server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"topmessagers.json", "leaderboard.json"})
    void leaderboardsAreForEveryone(String fixture) {
        // GIVEN activity in #general, collected
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), Instant.EPOCH));
        kit.post(GUILD, GENERAL, 200000000000000001L, 5, NOW.minus(Duration.ofHours(1)));

        // WHEN a member without any special permission asks
        Answer answer = kit.run(asMember(fixture(fixture), "0"));

        // THEN they get the leaderboard
        assertThat(answer.data().path("embeds").get(0).path("description").asText()).contains("<@200000000000000001>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr"})
    void theRefusalIsLocalized(String locale) {
        // GIVEN / WHEN a member without Manage Server runs /setup in German or French
        Answer answer = kit.run(CommandKit.withLocale(asMember(fixture("setup.json"), MEMBER_PERMISSIONS), locale));

        // THEN the refusal names the permission as their client does
        assertThat(answer.content()).contains(locale.equals("de") ? "Server verwalten" : "Gérer le serveur");
    }
}

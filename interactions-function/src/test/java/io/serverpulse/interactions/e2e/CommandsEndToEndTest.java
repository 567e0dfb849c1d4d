package io.serverpulse.interactions.e2e;

import static io.serverpulse.interactions.support.EndToEnd.ADMIN;
import static io.serverpulse.interactions.support.EndToEnd.ANNOUNCEMENTS;
import static io.serverpulse.interactions.support.EndToEnd.GENERAL;
import static io.serverpulse.interactions.support.EndToEnd.GUILD;
import static io.serverpulse.interactions.support.EndToEnd.LOUNGE;
import static io.serverpulse.interactions.support.EndToEnd.MEMBER;
import static io.serverpulse.interactions.support.EndToEnd.MEMES;
import static io.serverpulse.interactions.support.EndToEnd.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.emulator.interactions.ComponentUse;
import io.serverpulse.emulator.interactions.Entities;
import io.serverpulse.emulator.interactions.ModalSubmit;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.emulator.interactions.SlashCommand.Value;
import io.serverpulse.emulator.interactions.SourceMessage;
import io.serverpulse.interactions.support.EndToEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command that answers at once, end to end over both transports: signed by the emulator's sender,
 * answered by the endpoint, the answer checked against Discord's spec, and the store checked after it.
 */
class CommandsEndToEndTest extends EndToEndSuite {

    private static final String AI_KEY = "sk-proj-FAKEfakeFAKEfake0000000000000000abcd";

    private static JsonNode slash(EndToEnd e2e, Entities.Member member, String name, SlashCommand.Option... options) {
        return accepted(e2e.send(e2e.factory.slashCommand(as(member), SlashCommand.of(1_300_000_000_000_000_100L, name, options))));
    }

    private static GuildSettings settings(EndToEnd e2e) {
        return e2e.store.settings(GUILD.id());
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void setupWizardSavesEachChoiceAsItIsMade(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN an admin opens /setup
            JsonNode wizard = slash(e2e, ADMIN, "setup");
            assertThat(wizard.path("type").asInt()).isEqualTo(4);
            assertThat(ephemeral(wizard)).isTrue();
            assertThat(e2e.calls.writes()).isEmpty();
            SourceMessage message = new SourceMessage(1_300_000_000_000_009_001L, GENERAL.id(),
                    new Entities.User(e2e.factory.applicationId(), "ServerPulse", null, true),
                    wizard.path("data").path("content").asText(), wizard.path("data").path("components"), Instant.now());

            // WHEN they pick an update channel, collected channels, a digest, and switch all alerts off
            JsonNode afterUpdate = accepted(e2e.send(e2e.factory.componentUse(as(ADMIN), message,
                    ComponentUse.channelSelect("setup:update-channel", ANNOUNCEMENTS))));
            JsonNode afterCollect = accepted(e2e.send(e2e.factory.componentUse(as(ADMIN), message,
                    ComponentUse.channelSelect("setup:collect-channels", GENERAL, MEMES, LOUNGE))));
            accepted(e2e.send(e2e.factory.componentUse(as(ADMIN), message, ComponentUse.stringSelect("setup:digest", "daily"))));
            accepted(e2e.send(e2e.factory.componentUse(as(ADMIN), message, ComponentUse.button("setup:alerts-off"))));
            JsonNode done = accepted(e2e.send(e2e.factory.componentUse(as(ADMIN), message, ComponentUse.button("setup:done"))));

            // THEN each step redrew the wizard in place, and every choice is stored
            assertThat(afterUpdate.path("type").asInt()).isEqualTo(7);
            assertThat(afterCollect.path("data").path("content").asText()).contains("Collected channels: 3");
            assertThat(done.path("data").path("content").asText()).contains("✅ Setup saved.");
            GuildSettings saved = settings(e2e);
            assertThat(saved.updateChannelId()).isEqualTo(ANNOUNCEMENTS.id());
            assertThat(saved.collectChannels()).containsExactlyInAnyOrder(GENERAL.id(), MEMES.id(), LOUNGE.id());
            assertThat(saved.digest()).isEqualTo(DigestFrequency.DAILY);
            assertThat(saved.alerts().values()).extracting(AlertRule::enabled).containsOnly(false);
            assertThat(e2e.escaped()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void channelCommandsChangeTheUpdateChannelAndTheCollectedChannels(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN / WHEN an admin sets the update channel and adds two collected channels
            JsonNode update = slash(e2e, ADMIN, "set-update-channel", Value.channel("channel", ANNOUNCEMENTS));
            slash(e2e, ADMIN, "add-collect-channel", Value.channel("channel", GENERAL));
            slash(e2e, ADMIN, "add-collect-channel", Value.channel("channel", MEMES));

            // THEN both are stored and the confirmations are private
            assertThat(ephemeral(update)).isTrue();
            assertThat(settings(e2e).updateChannelId()).isEqualTo(ANNOUNCEMENTS.id());
            assertThat(settings(e2e).collectChannels()).containsExactlyInAnyOrder(GENERAL.id(), MEMES.id());

            // WHEN one is removed again
            JsonNode removed = slash(e2e, ADMIN, "remove-collect-channel", Value.channel("channel", GENERAL));

            // THEN only the other is still collected
            assertThat(removed.path("data").path("content").asText()).contains("<#" + GENERAL.id() + ">");
            assertThat(settings(e2e).collectChannels()).containsExactly(MEMES.id());
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void alertCommandsChangeTheRules(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN / WHEN an admin turns raid alerts off, then sets a stricter threshold and window
            JsonNode off = slash(e2e, ADMIN, "toggle-alert", Value.string("type", "raid"), Value.string("state", "off"));
            assertThat(settings(e2e).alert(AlertType.JOIN_RAID).enabled()).isFalse();
            JsonNode threshold = slash(e2e, ADMIN, "alert-threshold", Value.string("type", "raid"), Value.integer("threshold", 25),
                    Value.integer("window", 120));

            // THEN the stored rule has the new numbers; the other alerts are untouched
            assertThat(off.path("data").path("content").asText()).contains("off");
            assertThat(threshold.path("data").path("content").asText()).startsWith("✅");
            AlertRule raid = settings(e2e).alert(AlertType.JOIN_RAID);
            assertThat(raid.threshold()).isEqualTo(25);
            assertThat(raid.window()).isEqualTo(Duration.ofSeconds(120));
            assertThat(settings(e2e).alert(AlertType.MASS_DELETION)).isEqualTo(AlertRule.defaultFor(AlertType.MASS_DELETION));
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void setDigestStoresTheFrequency(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN / WHEN
            JsonNode answer = slash(e2e, ADMIN, "set-digest", Value.string("frequency", "daily"));

            // THEN
            assertThat(answer.path("data").path("content").asText()).startsWith("✅");
            assertThat(settings(e2e).digest()).isEqualTo(DigestFrequency.DAILY);
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void anAiProviderAndItsKeyAreStoredAndTheKeySealed(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN an admin picks OpenAI with a model
            slash(e2e, ADMIN, "ai-provider", new SlashCommand.Subcommand("set",
                    java.util.List.of(Value.string("provider", "openai"), Value.string("model", "gpt-4o-mini"))));
            assertThat(settings(e2e).aiProvider()).isEqualTo(AiProvider.OPENAI);
            assertThat(settings(e2e).aiModel()).isEqualTo("gpt-4o-mini");

            // WHEN they ask to enter the key, and submit it in the modal
            JsonNode modal = slash(e2e, ADMIN, "ai-provider", new SlashCommand.Subcommand("key", java.util.List.of()));
            JsonNode saved = accepted(e2e.send(e2e.factory.modalSubmit(as(ADMIN),
                    ModalSubmit.of(modal.path("data").path("custom_id").asText(), new ModalSubmit.Field("key", AI_KEY)))));

            // THEN the modal was offered, the key is stored sealed for this guild, and only its last 4 characters are shown
            assertThat(modal.path("type").asInt()).isEqualTo(9);
            assertThat(ephemeral(saved)).isTrue();
            assertThat(saved.path("data").path("content").asText()).contains("abcd").doesNotContain(AI_KEY);
            String sealed = settings(e2e).aiKeyCiphertext();
            assertThat(sealed).startsWith("v2:").doesNotContain(AI_KEY);
            assertThat(new SecretSealer(Base64.getDecoder().decode(EndToEnd.MASTER_KEY)).open(GUILD.id(), sealed)).isEqualTo(AI_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void statusShowsTheConfigurationAndChangesNothing(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN a configured guild
            e2e.store.saveSettings(GuildSettings.defaults(GUILD.id()).withUpdateChannel(ANNOUNCEMENTS.id(), Instant.now())
                    .withCollectChannels(Set.of(GENERAL.id()), Instant.now()));
            e2e.calls.clear();

            // WHEN an admin asks for /serverpulse status
            JsonNode status = slash(e2e, ADMIN, "serverpulse", new SlashCommand.Subcommand("status", java.util.List.of()));

            // THEN a private embed names the channels and says that storage answers — never where it is (no URI, host
            // or database name: on a public bot every guild's admins would learn the operator's database host)
            assertThat(ephemeral(status)).isTrue();
            String embed = status.path("data").path("embeds").get(0).toString();
            assertThat(embed).contains("<#" + ANNOUNCEMENTS.id() + ">").contains("<#" + GENERAL.id() + ">")
                    .contains("Storage: answering");
            String where = e2e.store.describe();
            assertThat(where).startsWith("mongodb://127.0.0.1:");
            String database = where.substring(where.lastIndexOf('/') + 1);
            assertThat(status.toString()).doesNotContain("mongodb").doesNotContain("127.0.0.1").doesNotContain(database)
                    .doesNotContain("://");
            assertThat(e2e.calls.writes()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void leaderboardsAnswerAtOnceForEveryone(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN #general is collected and two members posted in it this week
            e2e.store.saveSettings(GuildSettings.defaults(GUILD.id()).withCollectChannels(Set.of(GENERAL.id()), Instant.now()));
            post(e2e, GENERAL.id(), ADMIN.user().id(), 7);
            post(e2e, GENERAL.id(), MEMBER.user().id(), 3);
            e2e.calls.clear();

            // WHEN a member without special permissions asks for /leaderboard #general and /topmessagers
            JsonNode leaderboard = slash(e2e, MEMBER, "leaderboard", Value.channel("channel", GENERAL), Value.string("period", "30d"));
            JsonNode top = slash(e2e, MEMBER, "topmessagers", Value.string("period", "7d"));

            // THEN both are public embeds ranking the two members (two members: no chart, so no deferral), and nothing was
            // written but each period's settled days, kept once a day in the leaderboard cache
            for (JsonNode answer : java.util.List.of(leaderboard, top)) {
                assertThat(answer.path("type").asInt()).isEqualTo(4);
                assertThat(ephemeral(answer)).isFalse();
                assertThat(answer.path("data").path("embeds").get(0).path("description").asText())
                        .contains("🥇 <@" + ADMIN.user().id() + "> — **7** messages").contains("<@" + MEMBER.user().id() + "> — **3**");
            }
            assertThat(e2e.calls.writes()).containsExactly("saveLeaderboard", "saveLeaderboard");

            // AND asked again, they give the same answers and write nothing
            e2e.calls.clear();
            assertThat(slash(e2e, MEMBER, "leaderboard", Value.channel("channel", GENERAL), Value.string("period", "30d"))
                    .path("data").path("embeds").get(0).path("description").asText())
                    .isEqualTo(leaderboard.path("data").path("embeds").get(0).path("description").asText());
            assertThat(slash(e2e, MEMBER, "topmessagers", Value.string("period", "7d"))
                    .path("data").path("embeds").get(0).path("description").asText())
                    .isEqualTo(top.path("data").path("embeds").get(0).path("description").asText());
            assertThat(e2e.calls.writes()).isEmpty();
        }
    }

    static void post(EndToEnd e2e, long channel, long member, int messages) {
        MetricAggregator aggregator = new MetricAggregator();
        for (int i = 0; i < messages; i++) {
            aggregator.add(new ActivityEvent.MessagePosted(GUILD.id(), channel, member, Instant.now().minus(Duration.ofMinutes(5))));
        }
        e2e.store.apply(aggregator.drain());
    }
}

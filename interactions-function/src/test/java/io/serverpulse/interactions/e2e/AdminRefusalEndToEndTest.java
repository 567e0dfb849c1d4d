package io.serverpulse.interactions.e2e;

import static io.serverpulse.interactions.support.EndToEnd.ANNOUNCEMENTS;
import static io.serverpulse.interactions.support.EndToEnd.GENERAL;
import static io.serverpulse.interactions.support.EndToEnd.GUILD;
import static io.serverpulse.interactions.support.EndToEnd.MEMBER;
import static io.serverpulse.interactions.support.EndToEnd.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.emulator.interactions.ComponentUse;
import io.serverpulse.emulator.interactions.Entities;
import io.serverpulse.emulator.interactions.ModalSubmit;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.emulator.interactions.SlashCommand.Subcommand;
import io.serverpulse.emulator.interactions.SlashCommand.Value;
import io.serverpulse.emulator.interactions.SourceMessage;
import io.serverpulse.interactions.support.EndToEnd;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A member without Manage Server runs every admin command, component and modal: refused, nothing changed. */
class AdminRefusalEndToEndTest extends EndToEndSuite {

    private static final String REFUSAL = "🔒 You need the **Manage Server** permission to use this command. Nothing was changed.";

    private static Map<String, ObjectNode> adminInteractions(EndToEnd e2e) {
        Entities.User bot = new Entities.User(e2e.factory.applicationId(), "ServerPulse", null, true);
        SourceMessage wizard = new SourceMessage(1_300_000_000_000_009_001L, GENERAL.id(), bot, "**ServerPulse setup.**",
                JSON.createArrayNode(), Instant.now());
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        all.put("/setup", slash(e2e, "setup"));
        all.put("/set-update-channel", slash(e2e, "set-update-channel", Value.channel("channel", ANNOUNCEMENTS)));
        all.put("/add-collect-channel", slash(e2e, "add-collect-channel", Value.channel("channel", ANNOUNCEMENTS)));
        all.put("/remove-collect-channel", slash(e2e, "remove-collect-channel", Value.channel("channel", GENERAL)));
        all.put("/toggle-alert", slash(e2e, "toggle-alert", Value.string("type", "raid"), Value.string("state", "off")));
        all.put("/alert-threshold", slash(e2e, "alert-threshold", Value.string("type", "deletion"), Value.integer("threshold", 50)));
        all.put("/set-digest", slash(e2e, "set-digest", Value.string("frequency", "daily")));
        all.put("/ai-provider set", slash(e2e, "ai-provider", new Subcommand("set", List.of(Value.string("provider", "anthropic")))));
        all.put("/ai-provider key", slash(e2e, "ai-provider", new Subcommand("key", List.of())));
        all.put("/export-report", slash(e2e, "export-report", Value.string("format", "json")));
        all.put("/serverpulse status", slash(e2e, "serverpulse", new Subcommand("status", List.of())));
        all.put("/sentiment on", slash(e2e, "sentiment", new Subcommand("on", List.of())));
        all.put("/sentiment summary", slash(e2e, "sentiment", new Subcommand("summary", List.of(Value.string("period", "7d")))));
        all.put("modal ai-provider:key", e2e.factory.modalSubmit(as(MEMBER),
                ModalSubmit.of("ai-provider:key", new ModalSubmit.Field("key", "sk-member-tries-0000000000000000"))));
        all.put("setup:update-channel", e2e.factory.componentUse(as(MEMBER), wizard,
                ComponentUse.channelSelect("setup:update-channel", ANNOUNCEMENTS)));
        all.put("setup:collect-channels", e2e.factory.componentUse(as(MEMBER), wizard,
                ComponentUse.channelSelect("setup:collect-channels", ANNOUNCEMENTS)));
        all.put("setup:digest", e2e.factory.componentUse(as(MEMBER), wizard, ComponentUse.stringSelect("setup:digest", "none")));
        all.put("setup:alerts-off", e2e.factory.componentUse(as(MEMBER), wizard, ComponentUse.button("setup:alerts-off")));
        all.put("setup:done", e2e.factory.componentUse(as(MEMBER), wizard, ComponentUse.button("setup:done")));
        return all;
    }

    private static ObjectNode slash(EndToEnd e2e, String name, SlashCommand.Option... options) {
        return e2e.factory.slashCommand(as(MEMBER), SlashCommand.of(1_300_000_000_000_000_100L, name, options));
    }

    @ParameterizedTest
    @EnumSource(EndToEnd.Transport.class)
    void everyAdminInteractionIsRefusedToAMemberWithoutManageServer(EndToEnd.Transport transport) {
        try (EndToEnd e2e = endpoint(transport)) {
            // GIVEN a configured guild (with an AI provider, so the key modal would otherwise save)
            GuildSettings before = GuildSettings.defaults(GUILD.id()).withCollectChannels(Set.of(GENERAL.id()), Instant.EPOCH)
                    .withAi(AiProvider.OPENAI, null, null, Instant.EPOCH);
            e2e.store.saveSettings(before);
            e2e.calls.clear();
            assertThat(MEMBER.permissions() & EndToEnd.MANAGE_GUILD).isZero();

            Map<String, ObjectNode> interactions = adminInteractions(e2e);
            for (Map.Entry<String, ObjectNode> interaction : interactions.entrySet()) {
                // WHEN the member runs it
                JsonNode answer = accepted(e2e.send(interaction.getValue()));

                // THEN a private refusal, valid for Discord
                assertThat(answer.path("type").asInt()).as(interaction.getKey()).isEqualTo(4);
                assertThat(ephemeral(answer)).as(interaction.getKey()).isTrue();
                assertThat(answer.path("data").path("content").asText()).as(interaction.getKey()).isEqualTo(REFUSAL);
            }

            // AND nothing was written, nothing was handed to a worker, and the settings are exactly as before
            assertThat(interactions).hasSize(19);
            assertThat(e2e.calls.writes()).isEmpty();
            assertThat(e2e.workerResults).isEmpty();
            assertThat(e2e.store.allSettings()).containsExactly(before);
        }
    }
}

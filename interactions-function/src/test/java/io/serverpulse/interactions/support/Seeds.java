package io.serverpulse.interactions.support;

import static io.serverpulse.interactions.support.EndToEnd.ADMIN;
import static io.serverpulse.interactions.support.EndToEnd.ANNOUNCEMENTS;
import static io.serverpulse.interactions.support.EndToEnd.GENERAL;
import static io.serverpulse.interactions.support.EndToEnd.LOUNGE;
import static io.serverpulse.interactions.support.EndToEnd.MEMBER;
import static io.serverpulse.interactions.support.EndToEnd.MEMES;
import static io.serverpulse.interactions.support.EndToEnd.as;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.interactions.ComponentUse;
import io.serverpulse.emulator.interactions.Entities;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.ModalSubmit;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.emulator.interactions.SlashCommand.Subcommand;
import io.serverpulse.emulator.interactions.SlashCommand.Value;
import io.serverpulse.emulator.interactions.SourceMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Realistic interactions of every kind ServerPulse answers, by an admin and by a member, as fuzzing seeds. */
public final class Seeds {

    private Seeds() {
    }

    public static List<ObjectNode> all(InteractionFactory factory) {
        List<ObjectNode> seeds = new ArrayList<>();
        seeds.add(factory.ping());
        SourceMessage wizard = new SourceMessage(1_300_000_000_000_009_001L, GENERAL.id(),
                new Entities.User(factory.applicationId(), "ServerPulse", null, true), "**ServerPulse setup.**",
                JsonNodeFactory.instance.arrayNode(), Instant.parse("2026-03-02T09:00:00Z"));
        for (Entities.Member member : List.of(ADMIN, MEMBER)) {
            seeds.add(slash(factory, member, "setup"));
            seeds.add(slash(factory, member, "set-update-channel", Value.channel("channel", ANNOUNCEMENTS)));
            seeds.add(slash(factory, member, "add-collect-channel", Value.channel("channel", GENERAL)));
            seeds.add(slash(factory, member, "remove-collect-channel", Value.channel("channel", MEMES)));
            seeds.add(slash(factory, member, "topmessagers", Value.string("period", "7d")));
            seeds.add(slash(factory, member, "topmessagers"));
            seeds.add(slash(factory, member, "leaderboard", Value.channel("channel", GENERAL), Value.string("period", "30d")));
            seeds.add(slash(factory, member, "toggle-alert", Value.string("type", "voice"), Value.string("state", "on")));
            seeds.add(slash(factory, member, "alert-threshold", Value.string("type", "drop"), Value.integer("threshold", 40),
                    Value.integer("window", 3600), Value.number("factor", 0.4)));
            seeds.add(slash(factory, member, "set-digest", Value.string("frequency", "weekly")));
            seeds.add(slash(factory, member, "ai-provider", new Subcommand("set",
                    List.of(Value.string("provider", "gemini"), Value.string("model", "gemini-2.5-flash")))));
            seeds.add(slash(factory, member, "ai-provider", new Subcommand("key", List.of())));
            seeds.add(slash(factory, member, "export-report", Value.string("format", "csv")));
            seeds.add(slash(factory, member, "serverpulse", new Subcommand("status", List.of())));
            seeds.add(slash(factory, member, "sentiment", new Subcommand("on", List.of())));
            seeds.add(slash(factory, member, "sentiment", new Subcommand("summary", List.of(Value.string("period", "30d")))));
            seeds.add(factory.modalSubmit(as(member), ModalSubmit.of("ai-provider:key",
                    new ModalSubmit.Field("key", "sk-fuzz-0000000000000000000000000000"))));
            seeds.add(factory.componentUse(as(member), wizard, ComponentUse.channelSelect("setup:update-channel", ANNOUNCEMENTS)));
            seeds.add(factory.componentUse(as(member), wizard, ComponentUse.channelSelect("setup:collect-channels", GENERAL, LOUNGE)));
            seeds.add(factory.componentUse(as(member), wizard, ComponentUse.stringSelect("setup:digest", "daily")));
            seeds.add(factory.componentUse(as(member), wizard, ComponentUse.button("setup:alerts-on")));
            seeds.add(factory.componentUse(as(member), wizard, ComponentUse.button("setup:done")));
        }
        ObjectNode autocomplete = slash(factory, MEMBER, "topmessagers", Value.string("period", "7"));
        autocomplete.put("type", 4);
        seeds.add(autocomplete);
        return seeds;
    }

    private static ObjectNode slash(InteractionFactory factory, Entities.Member member, String name, SlashCommand.Option... options) {
        return factory.slashCommand(as(member), SlashCommand.of(1_300_000_000_000_000_100L, name, options));
    }
}

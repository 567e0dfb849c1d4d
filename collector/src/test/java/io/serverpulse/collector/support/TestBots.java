package io.serverpulse.collector.support;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.app.CollectorBuilder;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.metrics.flush.FlushPolicy;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.Intents;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Collectors and emulators as the end-to-end tests use them. */
public final class TestBots {

    /** The master key of test collectors (32 bytes, base64). */
    public static final String TEST_MASTER_KEY = java.util.Base64.getEncoder()
            .encodeToString("test-master-key-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private TestBots() {
    }

    /** An emulator serving the simulation's guilds, granting GUILD_MEMBERS, validating bodies against Discord's spec. */
    public static DiscordEmulator emulator(SimulatedCommunity sim, SpecChecked spec) {
        return emulator(sim, spec, Intents.GUILD_MEMBERS);
    }

    /** An emulator granting the app {@code privilegedIntents} (bits of {@link Intents}), e.g. GUILD_MEMBERS | MESSAGE_CONTENT. */
    public static DiscordEmulator emulator(SimulatedCommunity sim, SpecChecked spec, int privilegedIntents) {
        DiscordEmulator emulator = DiscordEmulator.builder(sim.communities())
                .grantPrivilegedIntents(privilegedIntents)
                .heartbeatInterval(Duration.ofSeconds(10))
                .validator(spec)
                .build();
        return emulator.start();
    }

    public static DiscordEmulator emulator(SimulatedCommunity sim) {
        return emulator(sim, new SpecChecked());
    }

    /** The configuration of a collector pointed at the emulator (self-hosted unless {@code extra} says otherwise). */
    public static ServerPulseConfig config(DiscordEmulator emulator, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put(ServerPulseConfig.DISCORD_TOKEN, emulator.token());
        env.put(ServerPulseConfig.DISCORD_API_BASE_URL, emulator.restBaseUrl());
        env.put(ServerPulseConfig.FLUSH_SECONDS, "1");
        // a fixed master key, so that no test collector generates one in ./data
        env.put(ServerPulseConfig.MASTER_KEY, TEST_MASTER_KEY);
        env.putAll(extra);
        return ServerPulseConfig.load(EnvSource.of(env));
    }

    /** A collector on {@code store} (which the test closes) with simulated time and quick ticks and retries. */
    public static CollectorBuilder collector(DiscordEmulator emulator, ServerPulseConfig config, Store store, SimulatedClock clock,
                                              GatewayProgress progress) {
        return Collector.builder(config)
                .store(store, false)
                .clock(clock)
                .gatewayUrl(emulator.gatewayUrl())
                .tickInterval(Duration.ofMillis(200))
                .flushPolicy(FlushPolicy.everySeconds(1).withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), 0))
                .listener(progress);
    }

    /** Saves each guild's whitelist: the simulation's collected channels that belong to it. */
    public static void whitelist(SettingsStore store, SimulatedCommunity sim) {
        for (Community community : sim.communities()) {
            Set<Long> channels = community.channels().stream().map(Community.Channel::id)
                    .filter(sim.collectedChannelIds()::contains).collect(Collectors.toSet());
            store.saveSettings(GuildSettings.defaults(community.guildId()).withCollectChannels(channels, sim.start()));
        }
    }

    /** Opts every guild of the simulation in to sentiment counts (as /sentiment on would), keeping its other settings. */
    public static void optInToSentiment(SettingsStore store, SimulatedCommunity sim) {
        for (Community community : sim.communities()) {
            GuildSettings settings = store.findSettings(community.guildId()).orElse(GuildSettings.defaults(community.guildId()));
            store.saveSettings(settings.withSentiment(true, sim.start()));
        }
    }

    public static void awaitReady(Collector collector) throws InterruptedException {
        if (!collector.awaitReady(Duration.ofSeconds(60))) {
            throw new AssertionError("the collector did not connect within 60 s");
        }
    }

    /** Waits until the bot registered its slash commands with the emulator. */
    public static void awaitCommandsRegistered(DiscordEmulator discord) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (discord.recorded().commandRegistrations().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot did not register its commands within 60 s");
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the bot answered the interaction. */
    public static void awaitAnswer(DiscordEmulator discord, long interactionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (discord.recorded().interactionCallbacks(interactionId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("interaction " + interactionId + " got no answer within 60 s");
            }
            Thread.sleep(20);
        }
    }
}

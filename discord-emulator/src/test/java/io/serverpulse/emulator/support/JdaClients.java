package io.serverpulse.emulator.support;

import io.serverpulse.emulator.DiscordEmulator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real JDA 6 clients pointed at an emulator, closed together. */
public final class JdaClients implements AutoCloseable {

    /** The intents an analytics bot uses (no MESSAGE_CONTENT). */
    public static final EnumSet<GatewayIntent> ANALYTICS = EnumSet.of(GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.GUILD_VOICE_STATES);

    private final List<JDA> clients = new ArrayList<>();

    /** A JDA builder for the emulator: its REST base URL and gateway, no compression, members chunked and cached. */
    public static JDABuilder builder(DiscordEmulator emulator, EnumSet<GatewayIntent> intents) {
        ConcurrentSessionController controller = new ConcurrentSessionController() {
            @Override
            public String getGateway() {
                return emulator.gatewayUrl();
            }
        };
        JDABuilder builder = JDABuilder.createLight(emulator.token(), intents)
                .setRestConfig(new RestConfig().setBaseUrl(emulator.restBaseUrl()))
                .setSessionController(controller)
                .setCompression(Compression.NONE)
                .setBulkDeleteSplittingEnabled(false);
        if (intents.contains(GatewayIntent.GUILD_MEMBERS)) {
            builder.setMemberCachePolicy(MemberCachePolicy.ALL).setChunkingFilter(ChunkingFilter.ALL);
        }
        if (intents.contains(GatewayIntent.GUILD_VOICE_STATES)) {
            builder.enableCache(CacheFlag.VOICE_STATE);
        }
        return builder;
    }

    public JDA start(JDABuilder builder) {
        JDA jda = builder.build();
        clients.add(jda);
        return jda;
    }

    /** Builds, starts and waits until the client is ready. */
    public JDA connect(JDABuilder builder) throws InterruptedException {
        JDA jda = start(builder);
        jda.awaitReady();
        return jda;
    }

    @Override
    public void close() {
        for (JDA jda : clients) {
            jda.shutdownNow();
        }
        try {
            for (JDA jda : clients) {
                jda.awaitShutdown(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

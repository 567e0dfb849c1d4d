package io.serverpulse.collector.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.config.ShardRange;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the JDA 6 {@link ShardManager}: light (every cache off), the fewest intents that do the
 * job, and the shards from configuration so that several collector processes can split a large
 * deployment ({@code SHARD_ID=0 SHARD_TOTAL=2} and {@code SHARD_ID=1 SHARD_TOTAL=2}); one process
 * running every shard by default.
 *
 * <h2>Intents</h2>
 * <ul>
 *   <li>{@code GUILD_MESSAGES}: message create and delete (single and bulk), for counting. Without
 *       MESSAGE_CONTENT the payloads carry no text, which is what ServerPulse wants.</li>
 *   <li>{@code GUILD_MESSAGE_REACTIONS}: reactions and their emoji.</li>
 *   <li>{@code GUILD_MEMBERS} (privileged, needs "Server Members Intent" in the Developer Portal):
 *       joins and leaves, for the join-raid alert.</li>
 *   <li>{@code GUILD_VOICE_STATES}: voice joins, leaves and minutes.</li>
 *   <li>{@code MESSAGE_CONTENT} (privileged, needs "Message Content Intent" in the Developer Portal)
 *       only when the operator sets {@code ENABLE_MESSAGE_CONTENT_INTENT=true}, for the opt-in
 *       sentiment counts: the text is scored in memory and dropped.</li>
 * </ul>
 * No presences, no direct messages; no MESSAGE_CONTENT unless asked for. If Discord refuses a
 * privileged intent (close code 4014), {@link DisallowedIntents} says which switch to turn on.
 *
 * <h2>Memory</h2>
 * Members are cached only while they are in voice (their voice state is needed to tell a move from
 * a join), nobody is chunked, and every other cache flag is off: memory does not grow with the
 * number of members. JDA still keeps guilds, channels and roles, which the alert poster needs.
 */
public final class Gateway {

    public static final Set<GatewayIntent> INTENTS = Collections.unmodifiableSet(EnumSet.of(
            GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.GUILD_MEMBERS,
            GatewayIntent.GUILD_VOICE_STATES));

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(10);

    private Gateway() {
    }

    /** {@link #INTENTS}, plus MESSAGE_CONTENT if {@code messageContent}. */
    public static Set<GatewayIntent> intents(boolean messageContent) {
        if (!messageContent) {
            return INTENTS;
        }
        EnumSet<GatewayIntent> intents = EnumSet.copyOf(INTENTS);
        intents.add(GatewayIntent.MESSAGE_CONTENT);
        return Collections.unmodifiableSet(intents);
    }

    /** Connects every shard of {@code options} with {@code listeners}; returns at once (shards log in in the background). */
    public static ShardManager connect(GatewayOptions options, List<Object> listeners) {
        Set<GatewayIntent> intents = intents(options.messageContent());
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(options.token(), intents)
                .setMemberCachePolicy(MemberCachePolicy.VOICE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .enableCache(CacheFlag.VOICE_STATE)
                .setBulkDeleteSplittingEnabled(false)
                .setRawEventsEnabled(true)
                .setEnableShutdownHook(false)
                .addEventListeners(listeners.toArray());
        boolean discord = ServerPulseConfig.DEFAULT_DISCORD_API.equals(options.restBaseUrl());
        if (!discord) {
            builder.setRestConfig(new RestConfig().setBaseUrl(options.restBaseUrl()));
        }
        // asked before JDA starts, which would log a stack trace for an unreachable API before failing
        String discovered = options.gatewayUrl().orElseGet(() -> discoverGateway(options.restBaseUrl()));
        String gateway = discord && options.gatewayUrl().isEmpty() ? null : discovered;
        if (gateway != null) {
            builder.setSessionController(new FixedGatewaySessionController(gateway)).setCompression(Compression.NONE);
        }
        if (options.shards().isPresent()) {
            ShardRange shards = options.shards().get();
            builder.setShardsTotal(shards.total()).setShards(shards.ids());
        }
        ShardManager manager = builder.build();
        log.info("Connecting to the Discord gateway{}: shards {} with intents {}", gateway == null ? "" : " at " + gateway,
                options.shards().map(Object::toString).orElse("all"), intents);
        return manager;
    }

    /**
     * Asks the REST base where its gateway is ({@code GET gateway} → {@code {"url": ...}}), which
     * also proves it can be reached: Discord's (whose answer JDA asks for again) or another one set
     * with {@code DISCORD_API_BASE_URL} (an emulator, whose answer is used).
     *
     * @throws ConfigException naming {@code DISCORD_API_BASE_URL} if the one it sets does not answer as Discord does
     * @throws DiscordUnreachableException if Discord's own API cannot be reached
     */
    static String discoverGateway(String restBaseUrl) {
        boolean discord = ServerPulseConfig.DEFAULT_DISCORD_API.equals(restBaseUrl);
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(DISCOVERY_TIMEOUT).build().send(
                    HttpRequest.newBuilder(URI.create(restBaseUrl + "gateway")).timeout(DISCOVERY_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(restBaseUrl, discord, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the gateway", e);
        }
        JsonNode url;
        try {
            url = new ObjectMapper().readTree(response.body()).path("url");
        } catch (IOException e) {
            url = null;
        }
        if (response.statusCode() != 200 || url == null || !url.isTextual()) {
            String answer = "GET " + restBaseUrl + "gateway answered HTTP " + response.statusCode()
                    + (response.statusCode() == 200 ? " without a gateway URL" : "");
            if (discord) {
                throw new DiscordUnreachableException("Discord's API did not answer as expected (" + answer + "); try again later");
            }
            throw new ConfigException(ServerPulseConfig.DISCORD_API_BASE_URL, "Invalid " + ServerPulseConfig.DISCORD_API_BASE_URL
                    + "=" + restBaseUrl + ": it does not answer as Discord's API does (" + answer + ")");
        }
        return url.textValue();
    }

    private static RuntimeException unreachable(String restBaseUrl, boolean discord, String reason) {
        if (discord) {
            return new DiscordUnreachableException("Could not reach Discord at " + restBaseUrl + " (" + reason
                    + "): is this machine online? Discord's API must be reachable over HTTPS");
        }
        return new ConfigException(ServerPulseConfig.DISCORD_API_BASE_URL, "Could not reach " + ServerPulseConfig.DISCORD_API_BASE_URL
                + "=" + restBaseUrl + " (" + reason + "): start what it points at, or unset it to use Discord");
    }

    /** What went wrong, in a few words (the JDK's own messages are often null here). */
    static String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "its host name does not resolve";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer within " + DISCOVERY_TIMEOUT.toSeconds() + " s";
            }
            if (cause instanceof ClosedChannelException) {
                return "connection refused";
            }
            if (cause instanceof ConnectException && cause.getMessage() != null) {
                return cause.getMessage().toLowerCase(Locale.ROOT);
            }
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Connects to a fixed gateway URL (the emulator) instead of Discord's. */
    static final class FixedGatewaySessionController extends ConcurrentSessionController {
        private final String url;

        FixedGatewaySessionController(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}

package io.serverpulse.digest.lambda;

import io.serverpulse.aws.scheduler.EventBridgeDigestSchedules;
import io.serverpulse.common.ai.AiServices;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.digest.DigestComposer;
import io.serverpulse.common.digest.DigestDelivery;
import io.serverpulse.common.digest.DigestSchedules;
import io.serverpulse.common.digest.DigestSummaries;
import io.serverpulse.common.digest.RestChannelNames;
import io.serverpulse.common.discord.post.UpdateChannelStore;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.digest.run.DigestRun;
import io.serverpulse.digest.run.ScheduleSync;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the digest function's dependencies once per container: DISCORD_TOKEN and MONGODB_URI (read from SSM
 * Parameter Store in a deployment), SERVERPULSE_MASTER_KEY (likewise: it opens the guilds' AI keys for the summary),
 * DISCORD_API_BASE_URL (tests point it at the emulator), AI_SUMMARY_BUDGET_SECONDS, and the schedule's
 * target (DIGEST_SCHEDULE_GROUP, DIGEST_FUNCTION_ARN, DIGEST_SCHEDULER_ROLE_ARN). Every setting is checked before
 * anything connects, so a missing one fails the init with one line naming it.
 */
final class DigestWiring {

    private DigestWiring() {
    }

    static DigestRun run(ServerPulseConfig config, DigestSchedules schedules, Clock clock) {
        String token = config.requireDiscordToken();
        MongoStore store = MongoStores.connect(config.requireMongoUri(), config.retentionPolicy());
        DiscordRest rest = DiscordRest.create(config.discordApiBaseUrl(), Optional.of(token));
        // the guild's AI providers write the summary beside the rule-written paragraph, within AI_SUMMARY_BUDGET_SECONDS
        AiServices ai = AiServices.of(config);
        DigestSummaries summaries = DigestSummaries.of(ai.summaries(store, clock, ai.digestPolicy()));
        DigestDelivery delivery = new DigestDelivery(store, DigestComposer.of(store, new RestChannelNames(rest), summaries),
                new UpdatePoster(rest, UpdateChannelStore.of(store, clock)), clock,
                System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "digest-function"));
        return new DigestRun(store, delivery, schedules, rest, clock);
    }

    /** @param env the environment, secrets resolved */
    static DigestRun run(EnvSource env) {
        ServerPulseConfig config = ServerPulseConfig.load(env);
        EventBridgeDigestSchedules.Target.of(env);
        config.requireDiscordToken();
        config.requireMongoUri();
        return run(config, EventBridgeDigestSchedules.fromEnvironment(env), Clock.systemUTC());
    }

    /** @param env the environment, secrets resolved */
    static ScheduleSync sync(EnvSource env) {
        ServerPulseConfig config = ServerPulseConfig.load(env);
        EventBridgeDigestSchedules.Target.of(env);
        String token = config.requireDiscordToken();
        MongoStore store = MongoStores.connect(config.requireMongoUri(), config.retentionPolicy());
        return new ScheduleSync(store, EventBridgeDigestSchedules.fromEnvironment(env),
                DiscordRest.create(config.discordApiBaseUrl(), Optional.of(token)));
    }
}

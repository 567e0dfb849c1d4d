package io.serverpulse.common.config;

import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.Retention;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The process's typed configuration, read once at start from {@link EnvSource} (environment over
 * {@code .env}). Every variable is documented in {@code .env.example}. Values that a deployable
 * cannot run without are checked by that deployable through the {@code require…} methods, each of
 * which fails with one line naming the variable. Secrets are kept out of {@link #toString()}.
 */
public final class ServerPulseConfig {

    public static final String DISCORD_TOKEN = "DISCORD_TOKEN";
    public static final String DISCORD_PUBLIC_KEY = "DISCORD_PUBLIC_KEY";
    public static final String DISCORD_APPLICATION_ID = "DISCORD_APPLICATION_ID";
    public static final String MONGODB_URI = "MONGODB_URI";
    public static final String DATA_DIR = "SERVERPULSE_DATA_DIR";
    public static final String MASTER_KEY = "SERVERPULSE_MASTER_KEY";
    /** The master key being rotated away from: what it sealed still opens and is re-sealed with the current one. */
    public static final String MASTER_KEY_PREVIOUS = "SERVERPULSE_MASTER_KEY_PREVIOUS";
    public static final String MODE = "SERVERPULSE_MODE";
    public static final String FLUSH_SECONDS = "FLUSH_SECONDS";
    public static final String RETENTION_METRICS_DAYS = "RETENTION_METRICS_DAYS";
    public static final String RETENTION_LEADERBOARD_DAYS = "RETENTION_LEADERBOARD_DAYS";
    public static final String RETENTION_SUMMARY_DAYS = "RETENTION_SUMMARY_DAYS";
    public static final String SHARD_ID = "SHARD_ID";
    public static final String SHARD_TOTAL = "SHARD_TOTAL";
    public static final String MESSAGE_CONTENT_INTENT = "ENABLE_MESSAGE_CONTENT_INTENT";
    public static final String ALERT_QUEUE_URL = "ALERT_QUEUE_URL";
    /** The variable of earlier versions (alerts handed over by an asynchronous Lambda invoke), named in the upgrade hint. */
    static final String FORMER_ALERT_FUNCTION_NAME = "ALERT_FUNCTION_NAME";
    public static final String DISCORD_API_BASE_URL = "DISCORD_API_BASE_URL";
    public static final String AI_SUMMARY_BUDGET_SECONDS = "AI_SUMMARY_BUDGET_SECONDS";

    public static final String DEFAULT_DISCORD_API = "https://discord.com/api/v10/";
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{15,21}");
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");
    /** An SQS FIFO queue's URL: https://sqs.<region>.amazonaws.com/<account>/<name>.fifo (any host, for local stand-ins). */
    private static final Pattern FIFO_QUEUE_URL = Pattern.compile("https?://[^/\\s]+/[^/\\s]+/[A-Za-z0-9_-]{1,75}\\.fifo");

    private final Optional<String> discordToken;
    private final Optional<String> discordPublicKey;
    private final Optional<String> applicationId;
    private final Optional<String> mongoUri;
    private final Path dataDir;
    private final Optional<byte[]> masterKey;
    private final Optional<byte[]> previousMasterKey;
    private final DeploymentMode mode;
    private final int flushSeconds;
    private final Retention defaultRetention;
    private final Optional<ShardRange> shards;
    private final boolean messageContentIntent;
    private final Optional<String> alertQueueUrl;
    private final boolean formerAlertFunctionSet;
    private final String discordApiBaseUrl;
    private final AiEndpoints aiEndpoints;
    private final Duration aiSummaryBudget;

    private ServerPulseConfig(EnvSource env) {
        discordToken = env.get(DISCORD_TOKEN);
        discordPublicKey = env.get(DISCORD_PUBLIC_KEY).map(key -> {
            if (!HEX_KEY.matcher(key).matches()) {
                throw new ConfigException(DISCORD_PUBLIC_KEY, "Invalid " + DISCORD_PUBLIC_KEY
                        + ": expected the 64 hex characters shown as PUBLIC KEY in the Developer Portal");
            }
            return key.toLowerCase(Locale.ROOT);
        });
        applicationId = env.get(DISCORD_APPLICATION_ID).map(id -> {
            if (!SNOWFLAKE.matcher(id).matches()) {
                throw new ConfigException(DISCORD_APPLICATION_ID, "Invalid " + DISCORD_APPLICATION_ID + "=" + id
                        + ": expected the numeric APPLICATION ID from the Developer Portal");
            }
            return id;
        });
        mongoUri = env.get(MONGODB_URI).map(uri -> {
            if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
                throw new ConfigException(MONGODB_URI, "Invalid " + MONGODB_URI
                        + ": expected a connection string starting with mongodb:// or mongodb+srv://");
            }
            return uri;
        });
        dataDir = Path.of(env.get(DATA_DIR).orElse("./data"));
        masterKey = env.get(MASTER_KEY).map(raw -> decodeMasterKey(MASTER_KEY, raw));
        previousMasterKey = env.get(MASTER_KEY_PREVIOUS).map(raw -> decodeMasterKey(MASTER_KEY_PREVIOUS, raw));
        if (previousMasterKey.isPresent() && masterKey.isEmpty()) {
            throw new ConfigException(MASTER_KEY_PREVIOUS, "Invalid " + MASTER_KEY_PREVIOUS + ": set it only together with "
                    + MASTER_KEY + " (the new key) while rotating the master key");
        }
        if (previousMasterKey.isPresent() && Arrays.equals(previousMasterKey.get(), masterKey.get())) {
            throw new ConfigException(MASTER_KEY_PREVIOUS, "Invalid " + MASTER_KEY_PREVIOUS + ": it is the same key as " + MASTER_KEY);
        }
        mode = env.get(MODE).map(ServerPulseConfig::parseMode).orElse(DeploymentMode.SELF_HOSTED);
        flushSeconds = env.intValue(FLUSH_SECONDS, 5, 1, 3600);
        defaultRetention = new Retention(
                env.intValue(RETENTION_METRICS_DAYS, Retention.DEFAULT.metricsDays(), Retention.MIN_DAYS, Retention.MAX_DAYS),
                env.intValue(RETENTION_LEADERBOARD_DAYS, Retention.DEFAULT.leaderboardDays(), Retention.MIN_DAYS, Retention.MAX_DAYS),
                env.intValue(RETENTION_SUMMARY_DAYS, Retention.DEFAULT.summaryDays(), Retention.MIN_DAYS, Retention.MAX_DAYS));
        shards = shardRange(env);
        messageContentIntent = env.boolValue(MESSAGE_CONTENT_INTENT, false);
        alertQueueUrl = env.get(ALERT_QUEUE_URL).map(url -> {
            if (!FIFO_QUEUE_URL.matcher(url).matches()) {
                throw new ConfigException(ALERT_QUEUE_URL, "Invalid " + ALERT_QUEUE_URL + "=" + url
                        + ": expected the alert FIFO queue's URL, https://sqs.<region>.amazonaws.com/<account>/<name>.fifo"
                        + " (the AlertQueueUrl output of template.yaml)");
            }
            return url;
        });
        formerAlertFunctionSet = env.get(FORMER_ALERT_FUNCTION_NAME).isPresent();
        String base = env.get(DISCORD_API_BASE_URL).orElse(DEFAULT_DISCORD_API);
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new ConfigException(DISCORD_API_BASE_URL, "Invalid " + DISCORD_API_BASE_URL + ": expected an http(s) URL");
        }
        discordApiBaseUrl = base.endsWith("/") ? base : base + "/";
        aiEndpoints = AiEndpoints.load(env);
        aiSummaryBudget = Duration.ofSeconds(env.intValue(AI_SUMMARY_BUDGET_SECONDS, 30, 3, 300));
    }

    public static ServerPulseConfig load(EnvSource env) {
        return new ServerPulseConfig(env);
    }

    /** The process environment over {@code ./.env}. */
    public static ServerPulseConfig load() {
        return load(EnvSource.fromEnvironment());
    }

    private static DeploymentMode parseMode(String raw) {
        switch (raw.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "self-hosted":
            case "selfhosted":
                return DeploymentMode.SELF_HOSTED;
            case "aws":
                return DeploymentMode.AWS;
            default:
                throw new ConfigException(MODE, "Invalid " + MODE + "=" + raw + ": expected self-hosted or aws");
        }
    }

    private static byte[] decodeMasterKey(String name, String raw) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new ConfigException(name, "Invalid " + name
                    + ": expected 32 random bytes in base64 (generate one with: openssl rand -base64 32)");
        }
        return key;
    }

    private static Optional<ShardRange> shardRange(EnvSource env) {
        boolean hasId = env.get(SHARD_ID).isPresent();
        boolean hasTotal = env.get(SHARD_TOTAL).isPresent();
        if (!hasId && !hasTotal) {
            return Optional.empty();
        }
        if (!hasTotal) {
            throw new ConfigException(SHARD_TOTAL, "Missing " + SHARD_TOTAL + ": set it together with " + SHARD_ID);
        }
        int total = env.intValue(SHARD_TOTAL, 1, 1, 16_384);
        String ids = env.get(SHARD_ID).orElse("0-" + (total - 1));
        return Optional.of(ShardRange.parse(SHARD_ID, ids, total));
    }

    public Optional<String> discordToken() {
        return discordToken;
    }

    public String requireDiscordToken() {
        return discordToken.orElseThrow(() -> missing(DISCORD_TOKEN, "the bot token from the Developer Portal (Bot → Reset Token)"));
    }

    public Optional<String> discordPublicKey() {
        return discordPublicKey;
    }

    public String requireDiscordPublicKey() {
        return discordPublicKey.orElseThrow(() -> missing(DISCORD_PUBLIC_KEY,
                "the application's PUBLIC KEY, used to verify interaction signatures"));
    }

    public Optional<String> applicationId() {
        return applicationId;
    }

    public String requireApplicationId() {
        return applicationId.orElseThrow(() -> missing(DISCORD_APPLICATION_ID, "the numeric APPLICATION ID from the Developer Portal"));
    }

    /** Set when MongoDB is the store; unset means the embedded SQLite file under {@link #dataDir()}. */
    public Optional<String> mongoUri() {
        return mongoUri;
    }

    public String requireMongoUri() {
        return mongoUri.orElseThrow(() -> missing(MONGODB_URI, "the MongoDB connection string (the AWS mode always uses MongoDB)"));
    }

    public Path dataDir() {
        return dataDir;
    }

    public Optional<byte[]> masterKey() {
        return masterKey.map(byte[]::clone);
    }

    /** The previous master key while a rotation is under way ({@value #MASTER_KEY_PREVIOUS}). */
    public Optional<byte[]> previousMasterKey() {
        return previousMasterKey.map(byte[]::clone);
    }

    public byte[] requireMasterKey() {
        return masterKey.map(byte[]::clone).orElseThrow(() -> missing(MASTER_KEY,
                "32 random bytes in base64 that encrypt stored AI keys (openssl rand -base64 32)"));
    }

    public DeploymentMode mode() {
        return mode;
    }

    public int flushSeconds() {
        return flushSeconds;
    }

    /** Retention for guilds that have not chosen their own. */
    public Retention defaultRetention() {
        return defaultRetention;
    }

    /** How long rows are kept: {@link #defaultRetention()} for guilds that have not chosen their own. */
    public RetentionPolicy retentionPolicy() {
        return new RetentionPolicy(defaultRetention);
    }

    /** The shards this process runs; empty means all shards (JDA decides how many). */
    public Optional<ShardRange> shards() {
        return shards;
    }

    public boolean messageContentIntent() {
        return messageContentIntent;
    }

    /** AWS mode: the SQS FIFO queue the collector sends alert notices to. */
    public Optional<String> alertQueueUrl() {
        return alertQueueUrl;
    }

    public String requireAlertQueueUrl() {
        return alertQueueUrl.orElseThrow(() -> missing(ALERT_QUEUE_URL, "the alert queue's URL, the AlertQueueUrl output of"
                + " template.yaml (AWS mode)" + (formerAlertFunctionSet ? "; " + FORMER_ALERT_FUNCTION_NAME
                + " is no longer read: alerts go through the queue" : "")));
    }

    /** Discord's REST base URL, ending in {@code /}; tests point it at the emulator. */
    public String discordApiBaseUrl() {
        return discordApiBaseUrl;
    }

    /** Where each AI provider is reached: its public API unless {@code AI_<PROVIDER>_BASE_URL} says otherwise. */
    public AiEndpoints aiEndpoints() {
        return aiEndpoints;
    }

    /**
     * The longest a scheduled digest waits for its AI summary, all providers and waits included
     * ({@code AI_SUMMARY_BUDGET_SECONDS}, 3-300, default 30); after it the digest is posted with the rule-written
     * paragraph. {@code /pulse} waits at most the smaller of this and 10 seconds.
     */
    public Duration aiSummaryBudget() {
        return aiSummaryBudget;
    }

    private static ConfigException missing(String name, String purpose) {
        return new ConfigException(name, "Missing required setting " + name + ": " + purpose
                + " (set it in the environment or in .env; see .env.example)");
    }

    @Override
    public String toString() {
        return "ServerPulseConfig[mode=" + mode
                + ", store=" + (mongoUri.isPresent() ? "mongodb" : "sqlite:" + dataDir)
                + ", discordToken=" + (discordToken.isPresent() ? "set" : "unset")
                + ", publicKey=" + (discordPublicKey.isPresent() ? "set" : "unset")
                + ", applicationId=" + applicationId.orElse("unset")
                + ", masterKey=" + (masterKey.isPresent() ? "set" : "unset")
                + (previousMasterKey.isPresent() ? ", previousMasterKey=set" : "")
                + ", flushSeconds=" + flushSeconds
                + ", retention=" + defaultRetention
                + ", shards=" + shards.map(Object::toString).orElse("all")
                + ", messageContentIntent=" + messageContentIntent + "]";
    }
}

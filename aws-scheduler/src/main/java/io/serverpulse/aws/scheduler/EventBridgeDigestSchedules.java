package io.serverpulse.aws.scheduler;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.digest.DigestSchedule;
import io.serverpulse.common.digest.DigestSchedules;
import io.serverpulse.common.lazy.Lazy;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;

/**
 * One EventBridge Scheduler schedule per guild, {@code digest-<guild id>} in the ServerPulse schedule group: a
 * {@code cron()} read in the guild's zone ({@link DigestSchedule}), a flexible window of
 * {@value #FLEXIBLE_MINUTES} minutes (digests of many guilds due at 00:10 spread out instead of invoking the
 * function all at once), the digest function as target, invoked with the scheduler's role and the JSON input
 * {@code {"guildId": "…", "period": "weekly", "scheduledTime": "<the time it was due>"}}. Created when missing,
 * updated when it exists (a changed zone or frequency), deleted when the guild gets no digest.
 */
public final class EventBridgeDigestSchedules implements DigestSchedules {

    /** The longest one scheduler call (with the SDK's retries) may take. */
    private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(15);

    public static final int FLEXIBLE_MINUTES = 15;
    /** Retries of a failed invocation, within an hour of when it was due (the ledger makes them harmless). */
    public static final int RETRIES = 3;
    public static final int MAX_EVENT_AGE_SECONDS = 3_600;

    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeDigestSchedules.class);

    /**
     * Where the schedules go and what they invoke.
     *
     * @param group       the schedule group (template.yaml's {@code DigestScheduleGroup})
     * @param functionArn the digest function's ARN
     * @param roleArn     the role EventBridge Scheduler assumes to invoke it
     */
    public record Target(String group, String functionArn, String roleArn) {

        public static final String GROUP = "DIGEST_SCHEDULE_GROUP";
        public static final String FUNCTION_ARN = "DIGEST_FUNCTION_ARN";
        public static final String ROLE_ARN = "DIGEST_SCHEDULER_ROLE_ARN";

        public Target {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(functionArn, "functionArn");
            Objects.requireNonNull(roleArn, "roleArn");
        }

        /** From the variables template.yaml sets; a missing one is a {@link ConfigException} naming it. */
        public static Target of(EnvSource env) {
            return new Target(env.require(GROUP, "the digest schedule group"), env.require(FUNCTION_ARN, "the digest function"),
                    env.require(ROLE_ARN, "the role EventBridge Scheduler assumes"));
        }
    }

    /**
     * The schedules of the target these variables name, or empty when {@value Target#GROUP} is not set (an older
     * template): the client is built on the first change, so a function that never changes a schedule never pays
     * for it at start-up.
     */
    public static Optional<DigestSchedules> ifConfigured(EnvSource env) {
        if (env.get(Target.GROUP).isEmpty()) {
            return Optional.empty();
        }
        Target target = Target.of(env);
        Lazy<EventBridgeDigestSchedules> schedules = Lazy.of(() -> new EventBridgeDigestSchedules(defaultClient(), target));
        return Optional.of(new DigestSchedules() {
            @Override
            public Change sync(GuildSettings settings) {
                return schedules.get().sync(settings);
            }

            @Override
            public Change remove(long guildId) {
                return schedules.get().remove(guildId);
            }
        });
    }

    /** Schedules in the target of these variables, through a scheduler client of the Lambda's region. */
    public static EventBridgeDigestSchedules fromEnvironment(EnvSource env) {
        return new EventBridgeDigestSchedules(defaultClient(), Target.of(env));
    }

    /**
     * A scheduler client of the Lambda's region whose calls end: a hung scheduler fails the call (the worker reports it,
     * the daily sync catches up) instead of holding it for the SDK's defaults.
     */
    static SchedulerClient defaultClient() {
        return SchedulerClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .overrideConfiguration(config -> config.apiCallTimeout(API_CALL_TIMEOUT))
                .build();
    }

    private final SchedulerClient client;
    private final Target target;

    public EventBridgeDigestSchedules(SchedulerClient client, Target target) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The schedule's name for a guild (letters, digits, {@code -}: EventBridge Scheduler's rule for names). */
    public static String name(long guildId) {
        return "digest-" + Long.toUnsignedString(guildId);
    }

    /** The invocation's input: the guild, the frequency, and the time the schedule was due (filled in by the scheduler). */
    public static String input(GuildSettings settings) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("guildId", Long.toUnsignedString(settings.guildId()));
        input.put("period", settings.digest().option());
        input.put("scheduledTime", "<aws.scheduler.scheduled-time>");
        return input.toString();
    }

    @Override
    public Change sync(GuildSettings settings) {
        Optional<DigestSchedule> schedule = DigestSchedule.of(settings.digest(), settings.zone());
        if (schedule.isEmpty()) {
            return remove(settings.guildId());
        }
        String name = name(settings.guildId());
        String cron = schedule.get().cron();
        String zone = settings.zone().getId();
        FlexibleTimeWindow window = FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.FLEXIBLE)
                .maximumWindowInMinutes(FLEXIBLE_MINUTES).build();
        software.amazon.awssdk.services.scheduler.model.Target invoke = software.amazon.awssdk.services.scheduler.model.Target.builder()
                .arn(target.functionArn()).roleArn(target.roleArn()).input(input(settings))
                .retryPolicy(RetryPolicy.builder().maximumRetryAttempts(RETRIES).maximumEventAgeInSeconds(MAX_EVENT_AGE_SECONDS).build())
                .build();
        String description = "ServerPulse " + settings.digest().option() + " digest of guild " + Long.toUnsignedString(settings.guildId());
        try {
            client.createSchedule(b -> b.name(name).groupName(target.group()).scheduleExpression(cron)
                    .scheduleExpressionTimezone(zone).flexibleTimeWindow(window).target(invoke).state(ScheduleState.ENABLED)
                    .description(description));
            LOG.info("Created the digest schedule of guild {}: {} in {}", settings.guildId(), cron, zone);
            return Change.CREATED;
        } catch (ConflictException exists) {
            client.updateSchedule(b -> b.name(name).groupName(target.group()).scheduleExpression(cron)
                    .scheduleExpressionTimezone(zone).flexibleTimeWindow(window).target(invoke).state(ScheduleState.ENABLED)
                    .description(description));
            LOG.info("Updated the digest schedule of guild {}: {} in {}", settings.guildId(), cron, zone);
            return Change.UPDATED;
        }
    }

    @Override
    public Change remove(long guildId) {
        try {
            client.deleteSchedule(b -> b.name(name(guildId)).groupName(target.group()));
            LOG.info("Deleted the digest schedule of guild {}", guildId);
            return Change.DELETED;
        } catch (ResourceNotFoundException missing) {
            return Change.NONE;
        }
    }
}

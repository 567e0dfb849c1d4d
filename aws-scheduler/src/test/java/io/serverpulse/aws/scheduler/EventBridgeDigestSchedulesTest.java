package io.serverpulse.aws.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.digest.DigestSchedules.Change;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.testing.aws.SchedulerStandIn;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * A guild's digest schedule created, updated and deleted through the real AWS SDK v2 {@code scheduler} client,
 * against a local endpoint standing in for EventBridge Scheduler ({@code endpointOverride}): every request as
 * the service receives it.
 */
class EventBridgeDigestSchedulesTest {

    private static final long GUILD = 1176201535215009852L;
    private static final String GROUP = "serverpulse-digests";
    private static final String FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:serverpulse-DigestFunction";
    private static final String ROLE = "arn:aws:iam::123456789012:role/serverpulse-DigestSchedulerRole";

    private final SchedulerStandIn scheduler = new SchedulerStandIn();
    private final SchedulerClient client = SchedulerClient.builder()
            .endpointOverride(scheduler.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSERVERPULSETEST", "test-secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private final EventBridgeDigestSchedules schedules = new EventBridgeDigestSchedules(client,
            new EventBridgeDigestSchedules.Target(GROUP, FUNCTION, ROLE));

    @AfterEach
    void close() {
        client.close();
        scheduler.close();
    }

    private static GuildSettings weekly(String zone) {
        return GuildSettings.defaults(GUILD).withDigest(DigestFrequency.WEEKLY, Instant.EPOCH).withTimeZone(zone, Instant.EPOCH);
    }

    @Test
    void aWeeklyDigestIsOneScheduleInTheGuildsZoneInvokingTheDigestFunction() throws Exception {
        // GIVEN / WHEN a guild in Berlin turns weekly digests on
        Change change = schedules.sync(weekly("Europe/Berlin"));

        // THEN one signed CreateSchedule named after the guild, in the ServerPulse group
        assertThat(change).isEqualTo(Change.CREATED);
        assertThat(scheduler.requests()).hasSize(1);
        SchedulerStandIn.Request create = scheduler.requests().get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/schedules/digest-1176201535215009852");
        assertThat(create.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDSERVERPULSETEST/")
                .contains("/eu-west-1/scheduler/aws4_request");
        // AND it runs Mondays at 03:10 Berlin time, within a flexible window, and invokes the function with the role
        JsonNode body = create.json();
        assertThat(body.path("GroupName").asText()).isEqualTo(GROUP);
        assertThat(body.path("ScheduleExpression").asText()).isEqualTo("cron(10 3 ? * MON *)");
        assertThat(body.path("ScheduleExpressionTimezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(body.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("FLEXIBLE");
        assertThat(body.path("FlexibleTimeWindow").path("MaximumWindowInMinutes").asInt()).isEqualTo(15);
        assertThat(body.path("State").asText()).isEqualTo("ENABLED");
        assertThat(body.path("Target").path("Arn").asText()).isEqualTo(FUNCTION);
        assertThat(body.path("Target").path("RoleArn").asText()).isEqualTo(ROLE);
        assertThat(body.path("Target").path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isEqualTo(3);
        JsonNode input = new ObjectMapper().readTree(body.path("Target").path("Input").asText());
        assertThat(input.path("guildId").asText()).isEqualTo("1176201535215009852");
        assertThat(input.path("period").asText()).isEqualTo("weekly");
        assertThat(input.path("scheduledTime").asText()).isEqualTo("<aws.scheduler.scheduled-time>");
    }

    @Test
    void aChangedZoneOrFrequencyUpdatesTheSchedule() {
        // GIVEN the guild's weekly schedule in Berlin
        schedules.sync(weekly("Europe/Berlin"));

        // WHEN it moves to daily digests in Tokyo
        Change change = schedules.sync(weekly("Asia/Tokyo").withDigest(DigestFrequency.DAILY, Instant.EPOCH));

        // THEN the create met the existing schedule and the schedule was updated in place
        assertThat(change).isEqualTo(Change.UPDATED);
        assertThat(scheduler.requests()).extracting(SchedulerStandIn.Request::method).containsExactly("POST", "POST", "PUT");
        JsonNode stored = scheduler.schedule(GROUP, "digest-1176201535215009852");
        assertThat(stored.path("ScheduleExpression").asText()).isEqualTo("cron(10 9 * * ? *)");
        assertThat(stored.path("ScheduleExpressionTimezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(scheduler.size()).isEqualTo(1);
    }

    @Test
    void turningDigestsOffDeletesTheScheduleAndDeletingAMissingOneIsNoError() {
        // GIVEN the guild's schedule
        schedules.sync(weekly("Europe/Berlin"));

        // WHEN digests are turned off, and the guild (already without schedule) is removed later
        Change off = schedules.sync(weekly("Europe/Berlin").withDigest(DigestFrequency.NONE, Instant.EPOCH));
        Change again = schedules.remove(GUILD);

        // THEN the schedule was deleted from its group once; the second delete found nothing
        assertThat(off).isEqualTo(Change.DELETED);
        assertThat(again).isEqualTo(Change.NONE);
        assertThat(scheduler.size()).isZero();
        SchedulerStandIn.Request delete = scheduler.requests().get(1);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.path()).isEqualTo("/schedules/digest-1176201535215009852");
        assertThat(delete.query()).contains("groupName=" + GROUP);
    }

    @Test
    void settingsStillSayingHourlyGetNoSchedule() {
        // GIVEN a guild whose settings still say hourly (no longer offered)
        // WHEN they are synced
        Change change = schedules.sync(weekly("UTC").withDigest(DigestFrequency.HOURLY, Instant.EPOCH));

        // THEN no schedule exists for it
        assertThat(change).isEqualTo(Change.NONE);
        assertThat(scheduler.size()).isZero();
        assertThat(scheduler.requests()).extracting(SchedulerStandIn.Request::method).containsExactly("DELETE");
    }
}

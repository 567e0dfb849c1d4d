package io.serverpulse.aws.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.digest.DigestSchedules.Change;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.testing.aws.LocalStack;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/** The same schedule lifecycle against LocalStack's EventBridge Scheduler (skipped cleanly where Docker is not available). */
@Testcontainers(disabledWithoutDocker = true)
class EventBridgeDigestSchedulesLocalStackTest {

    private static final long GUILD = 1176201535215009852L;
    private static final String GROUP = "serverpulse-digests-it";

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse(LocalStack.IMAGE))
            .withServices(LocalStackContainer.EnabledService.named("scheduler"));

    private final SchedulerClient client = SchedulerClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aScheduleIsCreatedUpdatedAndDeleted() {
        // GIVEN the ServerPulse schedule group, as template.yaml creates it
        client.createScheduleGroup(b -> b.name(GROUP));
        EventBridgeDigestSchedules schedules = new EventBridgeDigestSchedules(client, new EventBridgeDigestSchedules.Target(GROUP,
                "arn:aws:lambda:" + LOCALSTACK.getRegion() + ":000000000000:function:digest",
                "arn:aws:iam::000000000000:role/digest-scheduler"));
        GuildSettings weekly = GuildSettings.defaults(GUILD).withDigest(DigestFrequency.WEEKLY, Instant.EPOCH)
                .withTimeZone("Europe/Berlin", Instant.EPOCH);

        // WHEN the guild turns weekly digests on, moves to Tokyo, then turns them off
        Change created = schedules.sync(weekly);
        GetScheduleResponse first = client.getSchedule(b -> b.name(EventBridgeDigestSchedules.name(GUILD)).groupName(GROUP));
        Change updated = schedules.sync(weekly.withTimeZone("Asia/Tokyo", Instant.EPOCH));
        GetScheduleResponse second = client.getSchedule(b -> b.name(EventBridgeDigestSchedules.name(GUILD)).groupName(GROUP));
        Change deleted = schedules.sync(weekly.withDigest(DigestFrequency.NONE, Instant.EPOCH));

        // THEN LocalStack held the schedule as each step left it
        assertThat(created).isEqualTo(Change.CREATED);
        assertThat(first.scheduleExpression()).isEqualTo("cron(10 3 ? * MON *)");
        assertThat(first.scheduleExpressionTimezone()).isEqualTo("Europe/Berlin");
        assertThat(updated).isEqualTo(Change.UPDATED);
        assertThat(second.scheduleExpressionTimezone()).isEqualTo("Asia/Tokyo");
        assertThat(deleted).isEqualTo(Change.DELETED);
        assertThat(schedules.remove(GUILD)).isEqualTo(Change.NONE);
    }
}

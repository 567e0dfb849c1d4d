package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.AwsClients;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertNoticeJson;
import io.serverpulse.common.alerts.AlertQueueMessage;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.testing.aws.SqsStandIn;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AWS mode end to end: the collector counts into MongoDB and sends each alert notice to the
 * alert FIFO queue that {@code alert-function} consumes (the AWS SDK against a local endpoint
 * standing in for SQS); it posts nothing to Discord itself and answers no commands (the
 * interactions function does).
 */
class AwsModeTest {

    @Test
    void alertsBecomeMessagesOfTheGuildsGroupOnTheAlertQueueAndCountsGoToMongoDb() throws Exception {
        SimulatedCommunity sim = Scenarios.small(41);
        long guildId = sim.community().guildId();
        SimulatedClock clock = new SimulatedClock(sim.start());
        GatewayProgress progress = new GatewayProgress();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/serverpulse";
        try (SqsStandIn sqs = new SqsStandIn(); DiscordEmulator discord = TestBots.emulator(sim);
             MongoStore store = MongoStores.connect(uri)) {
            // GIVEN a collector configured for AWS
            TestBots.whitelist(store, sim);
            String queueUrl = sqs.createQueue("serverpulse-alerts.fifo", Duration.ofMinutes(9));
            ServerPulseConfig config = TestBots.config(discord, Map.of(ServerPulseConfig.MODE, "aws",
                    ServerPulseConfig.MONGODB_URI, uri, ServerPulseConfig.ALERT_QUEUE_URL, queueUrl));
            Collector collector = TestBots.collector(discord, config, store, clock, progress).sqsClient(AwsClients.sqs(sqs)).start();
            TestBots.awaitReady(collector);

            // WHEN the simulated days with their incidents are played
            new Lockstep(discord, clock, progress).play(sim.events());
            clock.advanceTo(sim.end());
            assertThat(collector.shutdown().complete()).isTrue();

            // THEN every incident was queued twice (OPENED, then ENDED) in the guild's message group, as stored in MongoDB
            List<SqsStandIn.Message> queued = sqs.messages("serverpulse-alerts.fifo");
            List<AlertNotice> invoked = queued.stream().map(m -> AlertNoticeJson.fromJson(m.body())).toList();
            assertThat(queued).allSatisfy(m -> assertThat(m.groupId()).isEqualTo(Long.toUnsignedString(guildId)));
            assertThat(queued).extracting(SqsStandIn.Message::deduplicationId)
                    .containsExactlyElementsOf(invoked.stream().map(AlertQueueMessage::noticeId).toList());
            List<AlertRecord> stored = store.alerts(guildId, Buckets.ALL_TIME);
            assertThat(stored).extracting(AlertRecord::type).contains(AlertType.JOIN_RAID, AlertType.MASS_DELETION);
            for (AlertRecord alert : stored) {
                assertThat(invoked).filteredOn(n -> n.alert().id().equals(alert.id())).extracting(AlertNotice::kind)
                        .containsExactly(AlertNotice.Kind.OPENED, AlertNotice.Kind.ENDED);
                assertThat(invoked).contains(AlertNotice.ended(alert));
            }
            assertThat(invoked).hasSize(2 * stored.size());

            // the collector itself posted nothing and registered no commands; the counts are exact
            assertThat(discord.recorded().messages()).isEmpty();
            assertThat(discord.recorded().commandRegistrations()).isEmpty();
            assertThat(Buckets.differences(Buckets.stored(store, guildId), Buckets.ofGuild(sim.groundTruth().buckets(), guildId)))
                    .isEmpty();
        } finally {
            mongo.shutdownNow();
        }
    }
}

package io.serverpulse.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BucketKeyTest {

    private static final Instant T = Instant.parse("2026-11-28T10:15:30Z");

    @Test
    void bucketsStartOnTheirUnitAndHaveStableIds() {
        // WHEN
        BucketKey hour = BucketKey.channelHour(1, 2, T);
        BucketKey day = BucketKey.memberDay(1, 0, 3, T);

        // THEN
        assertThat(hour.start()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(day.start()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(hour.id()).isEqualTo("1:2:0::" + hour.start().getEpochSecond());
        assertThat(BucketKey.emojiDay(1, "wave:55", T).id()).isEqualTo("1:0:0:wave:55:" + day.start().getEpochSecond());
        assertThat(hour.id()).isNotEqualTo(BucketKey.channelHour(1, 2, T.plusSeconds(3600)).id());
    }

    @Test
    void malformedKeysAreRefused() {
        // WHEN / THEN
        assertThatThrownBy(() -> new BucketKey(BucketKind.CHANNEL_HOUR, 1, 2, 0, "", T))
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> BucketKey.channelHour(0, 2, T)).hasMessageContaining("guildId");
        assertThatThrownBy(() -> BucketKey.memberDay(1, 2, 0, T)).hasMessageContaining("member");
        assertThatThrownBy(() -> BucketKey.emojiDay(1, "", T)).hasMessageContaining("emoji");
    }

    @Test
    void aBatchMergesIncrementsToTheSameBucket() {
        // GIVEN
        MetricBatch.Builder builder = MetricBatch.builder("b");
        builder.add(BucketKey.channelHour(1, 2, T), Counter.MESSAGES, 2);
        builder.add(BucketKey.channelHour(1, 2, T.plusSeconds(60)), Counter.MESSAGES, 3);
        builder.add(BucketKey.channelHour(1, 2, T), Counter.DELETIONS, 1);

        // WHEN
        MetricBatch batch = builder.build();

        // THEN one increment carries both counters
        assertThat(batch.size()).isEqualTo(1);
        assertThat(batch.increments().get(0).delta(Counter.MESSAGES)).isEqualTo(5);
        assertThat(batch.increments().get(0).delta(Counter.DELETIONS)).isEqualTo(1);
        assertThatThrownBy(() -> builder.add(BucketKey.channelHour(1, 2, T), Counter.MESSAGES, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

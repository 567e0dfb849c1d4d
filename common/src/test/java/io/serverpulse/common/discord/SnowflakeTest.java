package io.serverpulse.common.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnowflakeTest {

    @Test
    void aKnownDiscordIdDecodesToItsTime() {
        // GIVEN the example id from Discord's documentation (175928847299117063 → 2016-04-30T11:18:25.796Z)
        // WHEN / THEN
        assertThat(Snowflake.timestamp(175928847299117063L)).isEqualTo(Instant.parse("2016-04-30T11:18:25.796Z"));
        assertThat(Snowflake.parse("175928847299117063")).isEqualTo(175928847299117063L);
    }

    @Test
    void generatedIdsRoundTripAndOrderByTime() {
        // GIVEN
        Instant t = Instant.parse("2026-11-28T10:00:00.123Z");
        // WHEN
        long a = Snowflake.of(t, 0);
        long b = Snowflake.of(t, 1);
        long c = Snowflake.of(t.plusMillis(1), 0);
        // THEN
        assertThat(Snowflake.timestamp(a)).isEqualTo(t);
        assertThat(a).isLessThan(b).isLessThan(c);
        assertThatThrownBy(() -> Snowflake.parse("abc")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Snowflake.parse("0")).isInstanceOf(NumberFormatException.class);
    }
}

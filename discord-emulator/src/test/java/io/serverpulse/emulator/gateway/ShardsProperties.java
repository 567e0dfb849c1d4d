package io.serverpulse.emulator.gateway;

import io.serverpulse.common.discord.Snowflake;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ShardsProperties {

    @Property
    void aGuildBelongsToExactlyOneShardGivenByItsTimestamp(@ForAll @LongRange(min = 0, max = 1L << 40) long millis,
                                                           @ForAll @IntRange(min = 0, max = (1 << 22) - 1) int sequence,
                                                           @ForAll @IntRange(min = 1, max = 64) int shards) {
        // GIVEN a guild id made at some instant
        long guildId = Snowflake.of(Instant.ofEpochMilli(Snowflake.DISCORD_EPOCH_MILLIS + millis), sequence);

        // WHEN its shard is computed THEN it is (guild_id >> 22) % shards, whatever the low bits
        int shard = Shards.shardOf(guildId, shards);
        assertThat(shard).isBetween(0, shards - 1).isEqualTo((int) (millis % shards));
    }
}

package io.serverpulse.emulator.gateway;

import io.serverpulse.common.discord.Snowflake;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Properties checked with QuickTheories: a fixed seed, so every run checks the same cases. */
class ShardsProperties {

    private static final long MAX_MILLIS = 1L << 40;
    private static final int MAX_SEQUENCE = (1 << 22) - 1;

    @Test
    void aGuildBelongsToExactlyOneShardGivenByItsTimestamp() {
        // the ranges' ends are mixed in (a fifth of the draws), as edge cases
        Gen<Long> millis = longs().between(0, MAX_MILLIS).mix(pick(List.of(0L, 1L, MAX_MILLIS - 1, MAX_MILLIS)), 20);
        Gen<Integer> sequences = integers().between(0, MAX_SEQUENCE).mix(pick(List.of(0, MAX_SEQUENCE)), 20);
        Gen<Integer> shardCounts = integers().between(1, 64).mix(pick(List.of(1, 2, 63, 64)), 20);

        AtomicInteger tries = new AtomicInteger();
        qt().withFixedSeed(20260310L).withExamples(1_010).forAll(millis, sequences, shardCounts).checkAssert((at, sequence, shards) -> {
            tries.incrementAndGet();
            // GIVEN a guild id made at some instant
            long guildId = Snowflake.of(Instant.ofEpochMilli(Snowflake.DISCORD_EPOCH_MILLIS + at), sequence);

            // WHEN its shard is computed THEN it is (guild_id >> 22) % shards, whatever the low bits
            int shard = Shards.shardOf(guildId, shards);
            assertThat(shard).isBetween(0, shards - 1).isEqualTo((int) (at % shards));
        });
        // QuickTheories skips a draw it has already tried (so it asks for a few more): at least the 1,000 cases it had before
        assertThat(tries.get()).isGreaterThanOrEqualTo(1_000);
    }
}

package io.serverpulse.emulator.gateway;

/** Discord's sharding formula. */
public final class Shards {

    private Shards() {
    }

    /** The shard a guild belongs to: {@code (guild_id >> 22) % num_shards}. */
    public static int shardOf(long guildId, int shardCount) {
        return (int) Long.remainderUnsigned(guildId >>> 22, shardCount);
    }
}

package io.serverpulse.collector.gateway;

import java.util.Objects;
import java.util.function.LongToIntFunction;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Each guild's member count as JDA keeps it (GUILD_CREATE's {@code member_count}, moved by every join
 * and leave; no member list is needed), for the alert detector to weigh a raid against the guild's
 * size; 0 for a guild the running shards do not (yet) know.
 */
public final class MemberCounts implements LongToIntFunction {

    private final Supplier<ShardManager> shards;

    /** @param shards the running shard manager, null until it is built */
    public MemberCounts(Supplier<ShardManager> shards) {
        this.shards = Objects.requireNonNull(shards, "shards");
    }

    @Override
    public int applyAsInt(long guildId) {
        ShardManager manager = shards.get();
        Guild guild = manager == null ? null : manager.getGuildById(guildId);
        return guild == null ? 0 : Math.max(0, guild.getMemberCount());
    }
}

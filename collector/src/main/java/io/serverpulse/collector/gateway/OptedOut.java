package io.serverpulse.collector.gateway;

/** Whether a member asked not to be counted in a guild ({@code /privacy opt-out}). */
@FunctionalInterface
public interface OptedOut {

    /** Nobody opted out (tests and tools). */
    OptedOut NOBODY = (guildId, memberId) -> false;

    boolean optedOut(long guildId, long memberId);

    /** Reads the guild's opt-outs now, if they are kept in memory (its shard made it ready). */
    default void preload(long guildId) {
    }

    /** Forgets a guild this process no longer serves. */
    default void evict(long guildId) {
    }
}

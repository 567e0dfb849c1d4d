package io.serverpulse.emulator.sim;

/**
 * The shape of one simulated guild.
 *
 * @param name the guild name, or {@code null} for a generated one
 * @param members members in the guild at the start, bots included, owner included
 * @param bots how many of {@code members} are bots (they post and react, never join voice or leave)
 * @param textChannels text channels
 * @param collectedTextChannels how many of the text channels the bot is told to collect (the first ones by position)
 * @param voiceChannels voice channels
 * @param customEmojis guild emojis (reactions use them besides unicode emojis)
 * @param utcOffsetHours the members' time zone: the diurnal cycle peaks in their evening
 * @param activityWeight this guild's share of the scenario's events relative to the other guilds
 */
public record CommunitySpec(String name, int members, int bots, int textChannels, int collectedTextChannels,
                            int voiceChannels, int customEmojis, int utcOffsetHours, double activityWeight) {

    public CommunitySpec {
        Checks.atLeast("members", members, 2);
        Checks.between("bots", bots, 0, members - 1);
        Checks.atLeast("textChannels", textChannels, 1);
        Checks.between("collectedTextChannels", collectedTextChannels, 1, textChannels);
        Checks.atLeast("voiceChannels", voiceChannels, 0);
        Checks.atLeast("customEmojis", customEmojis, 0);
        Checks.between("utcOffsetHours", utcOffsetHours, -12, 14);
        if (!(activityWeight > 0) || Double.isInfinite(activityWeight)) {
            throw new IllegalArgumentException("activityWeight must be positive: " + activityWeight);
        }
    }

    /** 200 members (3 bots), 8 text channels of which 5 collected, 3 voice channels, 6 emojis, UTC. */
    public static CommunitySpec standard() {
        return new CommunitySpec(null, 200, 3, 8, 5, 3, 6, 0, 1.0);
    }

    public CommunitySpec withName(String name) {
        return new CommunitySpec(name, members, bots, textChannels, collectedTextChannels, voiceChannels,
                customEmojis, utcOffsetHours, activityWeight);
    }

    public CommunitySpec withMembers(int members, int bots) {
        return new CommunitySpec(name, members, bots, textChannels, collectedTextChannels, voiceChannels,
                customEmojis, utcOffsetHours, activityWeight);
    }

    public CommunitySpec withChannels(int textChannels, int collectedTextChannels, int voiceChannels) {
        return new CommunitySpec(name, members, bots, textChannels, collectedTextChannels, voiceChannels,
                customEmojis, utcOffsetHours, activityWeight);
    }

    public CommunitySpec withCustomEmojis(int customEmojis) {
        return new CommunitySpec(name, members, bots, textChannels, collectedTextChannels, voiceChannels,
                customEmojis, utcOffsetHours, activityWeight);
    }

    public CommunitySpec withUtcOffsetHours(int utcOffsetHours) {
        return new CommunitySpec(name, members, bots, textChannels, collectedTextChannels, voiceChannels,
                customEmojis, utcOffsetHours, activityWeight);
    }

    public CommunitySpec withActivityWeight(double activityWeight) {
        return new CommunitySpec(name, members, bots, textChannels, collectedTextChannels, voiceChannels,
                customEmojis, utcOffsetHours, activityWeight);
    }
}

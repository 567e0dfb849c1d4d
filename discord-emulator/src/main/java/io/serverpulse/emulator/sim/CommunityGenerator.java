package io.serverpulse.emulator.sim;

import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates guilds from a seed: the guild, its owner, text channels (the first
 * {@link CommunitySpec#collectedTextChannels()} by position are the ones the bot should collect),
 * voice channels, members with generated usernames (some of them bots) and custom emojis. Every id
 * is a snowflake of a plausible creation time: the guild a few years before {@code asOf}, its
 * channels and emojis after it, each member's id at their account's creation.
 */
public final class CommunityGenerator {

    /** Accounts are created no earlier than this (Discord opened in May 2015). */
    static final Instant FIRST_ACCOUNT = Instant.parse("2015-06-01T00:00:00Z");

    private final SplittableRandom random;
    private final IdFactory ids;
    private final Names names;

    public CommunityGenerator(long seed) {
        this(new SplittableRandom(seed), new IdFactory());
    }

    CommunityGenerator(SplittableRandom random, IdFactory ids) {
        this.random = random;
        this.ids = ids;
        this.names = new Names(random);
    }

    Names names() {
        return names;
    }

    /** A guild as it is at {@code asOf} (which must be after mid-2016). */
    public GeneratedGuild generate(CommunitySpec spec, Instant asOf) {
        Objects.requireNonNull(spec, "spec");
        if (asOf.isBefore(FIRST_ACCOUNT.plus(Duration.ofDays(400)))) {
            throw new IllegalArgumentException("asOf must be after mid-2016: " + asOf);
        }
        Instant earliestGuild = later(FIRST_ACCOUNT.plus(Duration.ofDays(60)), asOf.minus(Duration.ofDays(4 * 365)));
        Instant created = between(earliestGuild, asOf.minus(Duration.ofDays(30)));

        long ownerId = ids.next(between(FIRST_ACCOUNT, created));
        List<Community.Member> members = new ArrayList<>(spec.members());
        members.add(new Community.Member(ownerId, names.username(), false));
        int humans = spec.members() - spec.bots();
        for (int i = 1; i < humans; i++) {
            members.add(new Community.Member(userId(asOf), names.username(), false));
        }
        for (int i = 0; i < spec.bots(); i++) {
            members.add(new Community.Member(ids.next(between(created, asOf.minus(Duration.ofDays(1)))), names.botName(i), true));
        }

        Instant channelsUntil = earlier(created.plus(Duration.ofDays(30)), asOf);
        List<Community.Channel> channels = new ArrayList<>();
        Set<Long> collected = new HashSet<>();
        for (int i = 0; i < spec.textChannels(); i++) {
            long id = ids.next(between(created, channelsUntil));
            channels.add(new Community.Channel(id, Names.textChannel(i), ChannelType.GUILD_TEXT, i));
            if (i < spec.collectedTextChannels()) {
                collected.add(id);
            }
        }
        for (int i = 0; i < spec.voiceChannels(); i++) {
            long id = ids.next(between(created, channelsUntil));
            channels.add(new Community.Channel(id, Names.voiceChannel(i), ChannelType.GUILD_VOICE, i));
        }
        List<Community.Emoji> emojis = new ArrayList<>();
        for (int i = 0; i < spec.customEmojis(); i++) {
            emojis.add(new Community.Emoji(ids.next(between(created, asOf)), Names.emoji(i)));
        }
        String name = spec.name() != null ? spec.name() : names.guildName();
        Community community = new Community(ids.next(created), name, ownerId, channels, members, emojis);
        return new GeneratedGuild(community, collected);
    }

    /** A new user's id: an account created some time before {@code at}. */
    long userId(Instant at) {
        return ids.next(between(FIRST_ACCOUNT, at.minus(Duration.ofDays(1))));
    }

    /** A raid account's id: created in the last two days before {@code at}. */
    long freshUserId(Instant at) {
        return ids.next(between(at.minus(Duration.ofDays(2)), at.minus(Duration.ofMinutes(5))));
    }

    private Instant between(Instant from, Instant to) {
        long lo = from.toEpochMilli();
        long hi = to.toEpochMilli();
        return hi <= lo ? from : Instant.ofEpochMilli(random.nextLong(lo, hi));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

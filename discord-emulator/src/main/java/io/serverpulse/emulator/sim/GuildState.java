package io.serverpulse.emulator.sim;

import io.serverpulse.emulator.model.ChannelType;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.MemberRemove;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageCreate;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDelete;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageDeleteBulk;
import io.serverpulse.emulator.timeline.TimelineEvent.ReactionAdd;
import io.serverpulse.emulator.timeline.TimelineEvent.VoiceStateUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The live state of one guild while its timeline is generated: who is present, who is in voice,
 * which messages still exist in each channel. Every action returns exactly one event; an action
 * that is impossible at that moment (nothing to delete, nobody to leave) posts a message instead,
 * which keeps the event count on target.
 */
final class GuildState {

    static final String[] UNICODE_EMOJIS = {
        "\uD83D\uDC4D", "\u2764\uFE0F", "\uD83D\uDE02", "\uD83C\uDF89", "\uD83D\uDD25", "\uD83D\uDE2E",
        "\uD83D\uDE22", "\uD83D\uDC40", "\u2705", "\uD83D\uDE4F", "\uD83D\uDCAF", "\uD83E\uDD14"
    };
    private static final double REACTION_RECENCY = 12;
    private static final double DELETION_RECENCY = 40;
    private static final double RAIDER_WEIGHT = 0.3;

    private final GeneratedGuild generated;
    private final long guildId;
    private final SplittableRandom random;
    private final IdFactory ids;
    private final CommunityGenerator people;
    private final MessageCorpus corpus;
    private final double activityTail;

    // members, by slot
    private final List<Long> userIds = new ArrayList<>();
    private final List<Boolean> bots = new ArrayList<>();
    private long[] voiceChannelOf = new long[64];
    private double[] voiceWeights = new double[64];
    private final FenwickSampler active = new FenwickSampler();
    private final FenwickSampler voiceEligible = new FenwickSampler();
    private final IntBag presentHumans = new IntBag();
    private final IntBag inVoice = new IntBag();
    private final int ownerSlot;

    // channels
    private final long[] textChannels;
    private final boolean[] collected;
    private final CumulativeSampler textPopularity;
    private final LongList[] liveMessages;
    private final long[] voiceChannels;
    private final CumulativeSampler voicePopularity;
    private final int[] voiceByPopularity;
    private final int busiestCollected;

    // reactions
    private final String[] emojis;
    private final CumulativeSampler emojiPopularity;
    private final Set<Long> reacted = new HashSet<>();

    GuildState(GeneratedGuild generated, SplittableRandom random, IdFactory ids, CommunityGenerator people,
               MessageCorpus corpus, double activityTail) {
        this.generated = generated;
        this.guildId = generated.community().guildId();
        this.random = random;
        this.ids = ids;
        this.people = people;
        this.corpus = corpus;
        this.activityTail = activityTail;
        Community community = generated.community();

        int owner = -1;
        for (Community.Member member : community.members()) {
            int slot = addMember(member.userId(), member.bot(), paretoWeight(), member.bot() ? 0 : paretoWeight());
            if (member.userId() == community.ownerId()) {
                owner = slot;
            }
        }
        this.ownerSlot = owner;

        List<Community.Channel> text = community.channels().stream().filter(c -> c.type() == ChannelType.GUILD_TEXT).toList();
        List<Community.Channel> voice = community.channels().stream().filter(c -> c.type() == ChannelType.GUILD_VOICE).toList();
        textChannels = text.stream().mapToLong(Community.Channel::id).toArray();
        collected = new boolean[textChannels.length];
        liveMessages = new LongList[textChannels.length];
        for (int i = 0; i < textChannels.length; i++) {
            collected[i] = generated.collectedChannelIds().contains(textChannels[i]);
            liveMessages[i] = new LongList();
        }
        double[] textWeights = CumulativeSampler.shuffledZipf(textChannels.length, 1.0, random);
        textPopularity = new CumulativeSampler(textWeights);
        int busiest = -1;
        for (int i = 0; i < textChannels.length; i++) {
            if (collected[i] && (busiest < 0 || textWeights[i] > textWeights[busiest])) {
                busiest = i;
            }
        }
        busiestCollected = busiest;

        voiceChannels = voice.stream().mapToLong(Community.Channel::id).toArray();
        double[] voiceWeights = voiceChannels.length == 0 ? new double[0]
                : CumulativeSampler.shuffledZipf(voiceChannels.length, 1.2, random);
        voicePopularity = voiceChannels.length == 0 ? null : new CumulativeSampler(voiceWeights);
        voiceByPopularity = new int[voiceChannels.length];
        Integer[] order = new Integer[voiceChannels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(voiceWeights[b], voiceWeights[a]));
        for (int i = 0; i < order.length; i++) {
            voiceByPopularity[i] = order[i];
        }

        List<String> keys = new ArrayList<>(Arrays.asList(UNICODE_EMOJIS));
        community.emojis().forEach(e -> keys.add(e.reactionKey()));
        emojis = keys.toArray(new String[0]);
        emojiPopularity = new CumulativeSampler(CumulativeSampler.shuffledZipf(emojis.length, 1.1, random));
    }

    long guildId() {
        return guildId;
    }

    GeneratedGuild generated() {
        return generated;
    }

    long busiestCollectedChannel() {
        return textChannels[busiestCollected];
    }

    List<Long> textChannelIds() {
        return Arrays.stream(textChannels).boxed().toList();
    }

    boolean hasVoice() {
        return voiceChannels.length > 0;
    }

    /** The most popular voice channels, at most {@code n}. */
    List<Long> popularVoiceChannels(int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, voiceByPopularity.length); i++) {
            out.add(voiceChannels[voiceByPopularity[i]]);
        }
        return out;
    }

    // ---- everyday actions ------------------------------------------------------------------

    TimelineEvent message(Instant at) {
        int slot = active.sample(random);
        if (slot < 0) {
            throw new IllegalStateException("guild " + guildId + " has nobody left to post");
        }
        int channel = textPopularity.sample(random);
        long messageId = ids.next(at);
        liveMessages[channel].add(messageId);
        return new MessageCreate(guildId, textChannels[channel], messageId, userIds.get(slot), bots.get(slot),
                corpus.pick(random), at);
    }

    TimelineEvent reaction(Instant at) {
        int channel = textPopularity.sample(random);
        LongList live = liveMessages[channel];
        if (live.isEmpty()) {
            return message(at);
        }
        for (int attempt = 0; attempt < 4; attempt++) {
            long messageId = live.get(recentIndex(live.size(), REACTION_RECENCY));
            int slot = active.sample(random);
            int emoji = emojiPopularity.sample(random);
            long userId = userIds.get(slot);
            // Discord sends one reaction per (message, user, emoji): never repeat one
            if (reacted.add((messageId * 1_000_003L + userId) * 131L + emoji)) {
                return new ReactionAdd(guildId, textChannels[channel], messageId, userId, emojis[emoji], at);
            }
        }
        return message(at);
    }

    TimelineEvent deletion(Instant at) {
        int channel = textPopularity.sample(random);
        LongList live = liveMessages[channel];
        if (live.isEmpty()) {
            return message(at);
        }
        long messageId = live.swapRemove(recentIndex(live.size(), DELETION_RECENCY));
        return new MessageDelete(guildId, textChannels[channel], messageId, at);
    }

    /** A member who is not in voice joins a voice channel; null if nobody can (or there is no voice channel). */
    Joined voiceJoin(Instant at) {
        if (voiceChannels.length == 0) {
            return null;
        }
        return voiceJoin(voiceChannels[voicePopularity.sample(random)], at);
    }

    /** A member in voice moves to another voice channel; a message if nobody can. */
    TimelineEvent voiceMove(Instant at) {
        if (voiceChannels.length < 2 || inVoice.isEmpty()) {
            return message(at);
        }
        int slot = inVoice.random(random);
        long current = voiceChannelOf[slot];
        long target = current;
        for (int attempt = 0; attempt < 8 && target == current; attempt++) {
            target = voiceChannels[voicePopularity.sample(random)];
        }
        if (target == current) {
            target = voiceChannels[0] == current ? voiceChannels[1] : voiceChannels[0];
        }
        voiceChannelOf[slot] = target;
        return new VoiceStateUpdate(guildId, userIds.get(slot), target, at);
    }

    /** The member of {@code slot} leaves voice (the end of the session their join scheduled). */
    VoiceStateUpdate voiceLeave(int slot, Instant at) {
        if (voiceChannelOf[slot] == 0) {
            throw new IllegalStateException("member slot " + slot + " is not in voice");
        }
        leaveVoice(slot);
        return new VoiceStateUpdate(guildId, userIds.get(slot), null, at);
    }

    /** A voice join and the member's slot, which its scheduled leave refers to. */
    record Joined(int slot, VoiceStateUpdate event) {
    }

    TimelineEvent join(Instant at) {
        long userId = people.userId(at);
        String username = people.names().username();
        addMember(userId, false, paretoWeight(), paretoWeight());
        return new MemberAdd(guildId, userId, username, false, at);
    }

    TimelineEvent leave(Instant at) {
        for (int attempt = 0; attempt < 8 && !presentHumans.isEmpty(); attempt++) {
            int slot = presentHumans.random(random);
            if (slot != ownerSlot && voiceChannelOf[slot] == 0) {
                presentHumans.remove(slot);
                active.set(slot, 0);
                voiceEligible.set(slot, 0);
                return new MemberRemove(guildId, userIds.get(slot), at);
            }
        }
        return message(at);
    }

    // ---- incident actions ------------------------------------------------------------------

    /** A throwaway account of a raid joins. */
    MemberAdd raidJoin(Instant at) {
        long userId = people.freshUserId(at);
        String username = people.names().raidUsername();
        addMember(userId, false, RAIDER_WEIGHT, 0);
        return new MemberAdd(guildId, userId, username, false, at);
    }

    /** Deletes a recent message in {@code channelId} (or, if it has none left, in the collected channel with most). */
    TimelineEvent massSingleDelete(long channelId, Instant at) {
        int channel = liveChannel(channelId, 1);
        if (channel < 0) {
            return message(at);
        }
        long messageId = liveMessages[channel].swapRemove(recentIndex(liveMessages[channel].size(), 3));
        return new MessageDelete(guildId, textChannels[channel], messageId, at);
    }

    /** Bulk-deletes the latest {@code size} messages of {@code channelId} (fewer if it has fewer). */
    TimelineEvent massBulkDelete(long channelId, int size, Instant at) {
        int channel = liveChannel(channelId, 2);
        if (channel < 0) {
            return massSingleDelete(channelId, at);
        }
        LongList live = liveMessages[channel];
        List<Long> deleted = new ArrayList<>(size);
        while (deleted.size() < size && !live.isEmpty()) {
            deleted.add(live.removeLast());
        }
        deleted.sort(null);
        return new MessageDeleteBulk(guildId, textChannels[channel], deleted, at);
    }

    /** A member who is not in voice joins {@code channel}; null if nobody can. */
    Joined voiceJoin(long channel, Instant at) {
        int slot = voiceEligible.sample(random);
        if (slot < 0) {
            return null;
        }
        enterVoice(slot, channel);
        return new Joined(slot, new VoiceStateUpdate(guildId, userIds.get(slot), channel, at));
    }

    /** Members in voice right now. */
    int inVoice() {
        return inVoice.size();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private int addMember(long userId, boolean bot, double activity, double voice) {
        int slot = active.add(activity);
        int voiceSlot = voiceEligible.add(bot ? 0 : voice);
        if (slot != voiceSlot || slot != userIds.size()) {
            throw new IllegalStateException("member slots out of step");
        }
        userIds.add(userId);
        bots.add(bot);
        if (slot >= voiceChannelOf.length) {
            voiceChannelOf = Arrays.copyOf(voiceChannelOf, voiceChannelOf.length * 2);
            voiceWeights = Arrays.copyOf(voiceWeights, voiceWeights.length * 2);
        }
        voiceWeights[slot] = bot ? 0 : voice;
        if (!bot) {
            presentHumans.add(slot);
        }
        return slot;
    }

    private void enterVoice(int slot, long channel) {
        voiceChannelOf[slot] = channel;
        voiceEligible.set(slot, 0);
        inVoice.add(slot);
    }

    private void leaveVoice(int slot) {
        voiceChannelOf[slot] = 0;
        inVoice.remove(slot);
        if (presentHumans.contains(slot)) {
            voiceEligible.set(slot, voiceWeights[slot]);
        }
    }

    /** The channel if it has at least {@code needed} live messages, else the collected channel with most; -1 if none has. */
    private int liveChannel(long channelId, int needed) {
        int best = -1;
        for (int i = 0; i < textChannels.length; i++) {
            if (textChannels[i] == channelId && liveMessages[i].size() >= needed) {
                return i;
            }
            if (collected[i] && liveMessages[i].size() >= needed
                    && (best < 0 || liveMessages[i].size() > liveMessages[best].size())) {
                best = i;
            }
        }
        return best;
    }

    /** An index into a list of {@code size}, usually near its end (the most recent). */
    private int recentIndex(int size, double meanDistance) {
        long back = (long) (-meanDistance * Math.log(1.0 - random.nextDouble()));
        return size - 1 - (int) Math.min(size - 1, back);
    }

    /** A Pareto(1, tail) weight, capped so one member cannot drown everyone else. */
    private double paretoWeight() {
        return Math.min(1_000.0, Math.pow(1.0 - random.nextDouble(), -1.0 / activityTail));
    }
}

package io.serverpulse.common.digest;

import io.serverpulse.common.commands.interaction.Interaction;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.discord.post.ChannelPost;
import io.serverpulse.common.discord.post.Posted;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one guild's digest of one period to its update channel, at most once whatever happens around it, in
 * both modes: the period is claimed in the {@link DigestLedger} first (of two schedulers, or a Lambda retry
 * racing the first attempt, one gets it); the digest is composed in the guild's language and posted through
 * the one {@link UpdatePoster} with {@link UpdatePoster#postOnce}, which first looks for the bot's message with
 * the digest's footer (an attempt that posted and died before recording it is not posted again); then the
 * ledger records where it went. A claim left by a dead attempt is taken over once its {@link #LEASE} ran out. A
 * period in which nothing was counted, after one in which nothing was counted either (a guild that just added the
 * bot, or stopped being collected long ago), is recorded with no message instead of posting an empty digest.
 */
public final class DigestDelivery {

    /** How long a claim holds off other attempts: far more than composing and posting take. */
    public static final Duration LEASE = Duration.ofMinutes(10);
    /** The largest file a bot may attach to a channel message: Discord's default upload limit, as for an interaction. */
    public static final long ATTACHMENT_LIMIT = Interaction.DEFAULT_ATTACHMENT_LIMIT;

    private static final Logger LOG = LoggerFactory.getLogger(DigestDelivery.class);

    /** What {@link #deliver} did. */
    public enum Outcome {
        /** Posted now. */
        POSTED,
        /** Posted before (the ledger says so, or the message was found by its footer). */
        ALREADY_POSTED,
        /** Another attempt holds a fresh claim: it posts, this one does nothing. */
        CLAIMED_ELSEWHERE,
        /** The guild has no update channel and the bot may not create one; the period stays due. */
        NO_CHANNEL,
        /** Nothing was counted in the period nor in the one before (a guild that just added the bot): recorded, not posted. */
        NOTHING_TO_REPORT
    }

    private final DigestLedger ledger;
    private final DigestComposer composer;
    private final UpdatePoster poster;
    private final Clock clock;
    private final String instance;

    /** @param instance names this process in the ledger's claims (a host or function name); each attempt adds its own id */
    public DigestDelivery(DigestLedger ledger, DigestComposer composer, UpdatePoster poster, Clock clock, String instance) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.poster = Objects.requireNonNull(poster, "poster");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.instance = Objects.requireNonNull(instance, "instance");
    }

    /**
     * Posts the guild's digest of {@code period} unless it was posted.
     *
     * @throws io.serverpulse.common.discord.post.PostFailure if Discord refused or could not be reached (the claim
     *     stays and expires: a later attempt posts it)
     */
    public Outcome deliver(GuildSettings settings, DigestPeriod period) {
        long guild = settings.guildId();
        String key = period.key();
        String attempt = instance + "/" + UUID.randomUUID();
        Instant now = clock.instant();
        DigestRecord claim = ledger.claimDigest(guild, key, attempt, now, LEASE);
        if (claim.posted()) {
            return Outcome.ALREADY_POSTED;
        }
        if (!claim.ownedBy(attempt)) {
            LOG.info("Digest {} of guild {} is being posted by another attempt (claimed at {})", key, guild, claim.claimedAt());
            return Outcome.CLAIMED_ELSEWHERE;
        }
        String footer = DigestView.footer(guild, period);
        DigestComposer.Composed digest = composer.compose(settings, period, Texts.forLocale(settings.locale()), footer,
                ATTACHMENT_LIMIT);
        if (digest.report().quiet() && digest.report().previous().isEmpty()) {
            ledger.digestPosted(guild, key, attempt, 0, 0, clock.instant());
            LOG.info("Digest {} of guild {} not posted: nothing was counted in it or in the period before", key, guild);
            return Outcome.NOTHING_TO_REPORT;
        }
        MessageBody message = digest.message();
        Posted posted = poster.postOnce(settings, ChannelPost.of(footer, message.embeds(), message.files()));
        if (posted.outcome() == Posted.Outcome.NO_CHANNEL) {
            LOG.warn("Digest {} of guild {} not posted: no update channel, and the bot may not create one (Manage Channels)",
                    key, guild);
            return Outcome.NO_CHANNEL;
        }
        boolean recorded = ledger.digestPosted(guild, key, attempt, posted.channelId(), posted.messageId(), clock.instant());
        if (!recorded) {
            LOG.warn("Digest {} of guild {} was posted as message {}, but another attempt had taken the claim over",
                    key, guild, posted.messageId());
        }
        if (posted.outcome() == Posted.Outcome.ALREADY_POSTED) {
            LOG.info("Digest {} of guild {} was already in channel {} (message {}); recorded", key, guild, posted.channelId(),
                    posted.messageId());
            return Outcome.ALREADY_POSTED;
        }
        LOG.info("Posted digest {} of guild {} in channel {} (message {})", key, guild, posted.channelId(), posted.messageId());
        return Outcome.POSTED;
    }
}

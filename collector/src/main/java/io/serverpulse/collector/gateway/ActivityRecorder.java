package io.serverpulse.collector.gateway;

import io.serverpulse.collector.sentiment.SentimentScorer;
import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MemberLeft;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.MessageSentiment;
import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what is counted and turns it into {@link ActivityEvent}s; knows nothing of JDA (the
 * listener extracts ids, flags and timestamps and calls one method per gateway event).
 *
 * <ul>
 *   <li>Messages, reactions and deletions only in channels the guild whitelisted; messages and
 *       reactions by bots only if the guild counts bots. A bulk delete is one event counting each
 *       message.</li>
 *   <li>Joins, leaves and voice are guild-wide (bots included, as Discord reports them).</li>
 *   <li>A member who opted out ({@link OptedOut}) is not counted from their next event on: no
 *       message, reaction, sentiment or voice of theirs, and their open voice stretch is dropped
 *       uncounted; their joins and leaves still count in the guild's anonymous totals (and the raid
 *       alert), but no join or leave record naming them is kept.</li>
 *   <li>Sentiment: only with a {@link SentimentScorer} (the operator enabled the MESSAGE_CONTENT
 *       intent), for a message that is counted (same channel and bot rules) in a guild whose
 *       settings opted in, the text is fetched from the supplier, scored in memory and only a
 *       {@link MessageSentiment} is recorded. The text is held by no field, logged nowhere and put
 *       in no exception. Without a scorer the supplier is never called.</li>
 * </ul>
 * Thread-safe (JDA calls it from one thread per shard).
 */
public final class ActivityRecorder {

    private static final Logger log = LoggerFactory.getLogger(ActivityRecorder.class);

    private final SettingsCache settings;
    private final VoiceTracker voice;
    private final ActivitySink sink;
    private final SentimentScorer scorer;
    private final OptedOut optedOut;

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong notCollected = new AtomicLong();
    private final AtomicLong fromBots = new AtomicLong();
    private final AtomicLong settingsUnavailable = new AtomicLong();
    private final AtomicLong scoringFailures = new AtomicLong();

    /** Without sentiment scoring (the MESSAGE_CONTENT intent is off). */
    public ActivityRecorder(SettingsCache settings, VoiceTracker voice, ActivitySink sink) {
        this(settings, voice, sink, Optional.empty());
    }

    /** {@code scorer}: present when the bot receives message content, so that opted-in guilds get sentiment counts. */
    public ActivityRecorder(SettingsCache settings, VoiceTracker voice, ActivitySink sink, Optional<SentimentScorer> scorer) {
        this(settings, voice, sink, scorer, OptedOut.NOBODY);
    }

    /** {@code optedOut}: the members not to count ({@code /privacy opt-out}). */
    public ActivityRecorder(SettingsCache settings, VoiceTracker voice, ActivitySink sink, Optional<SentimentScorer> scorer,
                            OptedOut optedOut) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.voice = Objects.requireNonNull(voice, "voice");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.scorer = Objects.requireNonNull(scorer, "scorer").orElse(null);
        this.optedOut = Objects.requireNonNull(optedOut, "optedOut");
    }

    public void message(long guildId, long channelId, long authorId, boolean authorIsBot, Instant at) {
        message(guildId, channelId, authorId, authorIsBot, at, null);
    }

    /**
     * A message; {@code text} supplies its content and is called only when the message is counted,
     * this recorder has a scorer and the guild opted in to sentiment.
     */
    public void message(long guildId, long channelId, long authorId, boolean authorIsBot, Instant at, Supplier<String> text) {
        received.incrementAndGet();
        GuildSettings guild = collectedIn(guildId, channelId, authorIsBot);
        if (guild != null && !excluded(guildId, authorId)) {
            emit(new MessagePosted(guildId, channelId, authorId, at));
            if (scorer != null && text != null && guild.sentimentEnabled()) {
                Sentiment sentiment = score(text);
                if (sentiment != null) {
                    emit(new MessageSentiment(guildId, channelId, sentiment, at));
                }
            }
        }
    }

    /** Whether this recorder scores sentiment at all (the MESSAGE_CONTENT intent is on). */
    public boolean scoresSentiment() {
        return scorer != null;
    }

    /** {@code emoji}: the unicode emoji, or {@code name:id} for a custom one. */
    public void reaction(long guildId, long channelId, long userId, boolean userIsBot, String emoji, Instant at) {
        received.incrementAndGet();
        if (collected(guildId, channelId, userIsBot) && !excluded(guildId, userId)) {
            emit(new ReactionAdded(guildId, channelId, userId, emoji, at));
        }
    }

    /** {@code count} messages deleted at once (1 for a single delete). */
    public void deleted(long guildId, long channelId, int count, Instant at) {
        received.incrementAndGet();
        if (count > 0 && collected(guildId, channelId, false)) {
            emit(new MessagesDeleted(guildId, channelId, count, at));
        }
    }

    public void joined(long guildId, long memberId, Instant at) {
        received.incrementAndGet();
        emit(new MemberJoined(guildId, memberId, at));
        if (!excluded(guildId, memberId)) {
            sink.memberEvent(new MemberEvent(guildId, memberId, MemberEvent.Kind.JOIN, at));
        }
    }

    public void left(long guildId, long memberId, Instant at) {
        received.incrementAndGet();
        emit(new MemberLeft(guildId, memberId, at));
        if (!excluded(guildId, memberId)) {
            sink.memberEvent(new MemberEvent(guildId, memberId, MemberEvent.Kind.LEAVE, at));
        }
    }

    /** A member's voice channel is now {@code channelId}, or null when they left voice. */
    public void voice(long guildId, long memberId, Long channelId, Instant at) {
        received.incrementAndGet();
        if (excluded(guildId, memberId)) {
            if (voice.forget(guildId, memberId)) {
                sink.voicePresence(guildId, voice.inVoice(guildId), at);
            }
            return;
        }
        List<ActivityEvent> events = voice.update(guildId, memberId, channelId, at);
        if (events.isEmpty()) {
            return;
        }
        events.forEach(this::emit);
        sink.voicePresence(guildId, voice.inVoice(guildId), at);
    }

    /** The guild became ready (or was joined): its opt-outs are read now, before its first event. */
    public void guildReady(long guildId) {
        optedOut.preload(guildId);
    }

    /** A member already in voice when the guild became ready (timed from now, not a join). */
    public void alreadyInVoice(long guildId, long memberId, long channelId, Instant at) {
        if (!optedOut.optedOut(guildId, memberId)) {
            voice.seed(guildId, memberId, channelId, at);
        }
    }

    /** Counts the voice time of stretches open across an hour boundary up to that boundary. */
    public void cutVoiceAtHour(Instant now) {
        voice.cutAtHour(now).forEach(this::emitUnlessOptedOut);
    }

    /** The bot left a guild: its open voice stretches end now, and its opt-outs are no longer kept. */
    public void guildGone(long guildId, Instant at) {
        voice.closeGuild(guildId, at).forEach(this::emitUnlessOptedOut);
        optedOut.evict(guildId);
    }

    /** Shutdown: every open voice stretch ends at {@code at}. */
    public void closeVoice(Instant at) {
        voice.closeAll(at).forEach(this::emitUnlessOptedOut);
    }

    public RecorderStats stats() {
        return new RecorderStats(received.get(), recorded.get(), notCollected.get(), fromBots.get(),
                settingsUnavailable.get());
    }

    /** The class of the supplied text, or null if scoring failed (logged with the failure's type only, never the text). */
    private Sentiment score(Supplier<String> text) {
        try {
            return scorer.score(text.get());
        } catch (RuntimeException e) {
            if (scoringFailures.incrementAndGet() == 1) {
                log.warn("Sentiment scoring failed ({}); the message is counted without a sentiment", e.getClass().getName());
            }
            return null;
        }
    }

    private boolean collected(long guildId, long channelId, boolean byBot) {
        return collectedIn(guildId, channelId, byBot) != null;
    }

    /** The guild's settings if the event is counted, else null (and the reason counted). */
    private GuildSettings collectedIn(long guildId, long channelId, boolean byBot) {
        Optional<GuildSettings> guild = settings.get(guildId);
        if (guild.isEmpty()) {
            settingsUnavailable.incrementAndGet();
            return null;
        }
        if (!guild.get().collects(channelId)) {
            notCollected.incrementAndGet();
            return null;
        }
        if (byBot && !guild.get().countBots()) {
            fromBots.incrementAndGet();
            return null;
        }
        return guild.get();
    }

    /** Whether the member opted out in the guild (and so this event of theirs is not counted). */
    private boolean excluded(long guildId, long memberId) {
        return optedOut.optedOut(guildId, memberId);
    }

    /** Voice time of a stretch whose member opted out since it began is not counted. */
    private void emitUnlessOptedOut(ActivityEvent event) {
        if (event instanceof ActivityEvent.VoiceTime time && excluded(time.guildId(), time.memberId())) {
            return;
        }
        emit(event);
    }

    private void emit(ActivityEvent event) {
        recorded.incrementAndGet();
        sink.record(event);
    }
}

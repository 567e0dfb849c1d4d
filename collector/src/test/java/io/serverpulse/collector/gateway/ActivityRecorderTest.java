package io.serverpulse.collector.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.sentiment.SentimentScorer;
import io.serverpulse.collector.sentiment.VaderScorer;
import io.serverpulse.collector.settings.SettingsCache;
import io.serverpulse.collector.support.LogCapture;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.MessageSentiment;
import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.SettingsStore;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ActivityRecorderTest {

    private static final long GUILD = 100;
    private static final long GENERAL = 10;
    private static final long PRIVATE = 11;
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final List<ActivityEvent> recorded = new ArrayList<>();
    private final List<MemberEvent> members = new ArrayList<>();
    private final List<Integer> presence = new ArrayList<>();

    private ActivityRecorder recorder(SettingsStore settings) {
        return recorder(settings, Optional.empty());
    }

    private ActivityRecorder recorder(SettingsStore settings, Optional<SentimentScorer> scorer) {
        return new ActivityRecorder(new SettingsCache(settings, Duration.ofSeconds(10)), new VoiceTracker(), new ActivitySink() {
            @Override
            public void record(ActivityEvent event) {
                recorded.add(event);
            }

            @Override
            public void voicePresence(long guildId, int membersInVoice, Instant at) {
                presence.add(membersInVoice);
            }

            @Override
            public void memberEvent(MemberEvent event) {
                members.add(event);
            }
        }, scorer);
    }

    @Test
    void anOptedInGuildGetsASentimentForEachCountedMessageWhenContentIsReceived() {
        // GIVEN a guild that collects #general, does not count bots, and opted in to sentiment; a scorer
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), T).withSentiment(true, T));
        ActivityRecorder recorder = recorder(store, Optional.of(VaderScorer.standard()));
        List<String> asked = new ArrayList<>();

        // WHEN a member writes a happy and a sad message in #general, one elsewhere, and a bot one in #general
        recorder.message(GUILD, GENERAL, 1, false, T, text(asked, "I love this, thank you!"));
        recorder.message(GUILD, GENERAL, 1, false, T, text(asked, "this is awful"));
        recorder.message(GUILD, PRIVATE, 1, false, T, text(asked, "great"));
        recorder.message(GUILD, GENERAL, 2, true, T, text(asked, "great"));

        // THEN each counted message is followed by its sentiment; the text of the others was never even read
        assertThat(recorded).containsExactly(new MessagePosted(GUILD, GENERAL, 1, T),
                new MessageSentiment(GUILD, GENERAL, Sentiment.POSITIVE, T), new MessagePosted(GUILD, GENERAL, 1, T),
                new MessageSentiment(GUILD, GENERAL, Sentiment.NEGATIVE, T));
        assertThat(asked).containsExactly("I love this, thank you!", "this is awful");
        assertThat(recorder.scoresSentiment()).isTrue();
    }

    @Test
    void aGuildThatDidNotOptInGetsNoSentimentAndItsTextIsNotRead() {
        // GIVEN a guild that collects #general without the sentiment opt-in, and a scorer
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), T));
        ActivityRecorder recorder = recorder(store, Optional.of(VaderScorer.standard()));
        List<String> asked = new ArrayList<>();

        // WHEN a member writes a message
        recorder.message(GUILD, GENERAL, 1, false, T, text(asked, "I love this"));

        // THEN it is counted, without a sentiment, and its text was not asked for
        assertThat(recorded).containsExactly(new MessagePosted(GUILD, GENERAL, 1, T));
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutTheContentIntentAnOptInDoesNothing() {
        // GIVEN an opted-in guild but no scorer (ENABLE_MESSAGE_CONTENT_INTENT is off)
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), T).withSentiment(true, T));
        ActivityRecorder recorder = recorder(store);
        List<String> asked = new ArrayList<>();

        // WHEN a member writes a message (JDA would hand over empty content anyway)
        recorder.message(GUILD, GENERAL, 1, false, T, text(asked, ""));

        // THEN only the message is counted
        assertThat(recorded).containsExactly(new MessagePosted(GUILD, GENERAL, 1, T));
        assertThat(asked).isEmpty();
        assertThat(recorder.scoresSentiment()).isFalse();
    }

    @Test
    void aBotsMessageGetsASentimentWhenTheGuildCountsBots() {
        // GIVEN an opted-in guild that counts bots
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), T).withSentiment(true, T)
                .withCountBots(true, T));
        ActivityRecorder recorder = recorder(store, Optional.of(VaderScorer.standard()));

        // WHEN a bot posts a neutral announcement
        recorder.message(GUILD, GENERAL, 2, true, T, () -> "the event starts at 8");

        // THEN it is counted with its sentiment
        assertThat(recorded).containsExactly(new MessagePosted(GUILD, GENERAL, 2, T),
                new MessageSentiment(GUILD, GENERAL, Sentiment.NEUTRAL, T));
    }

    @Test
    void aFailingScorerLeavesTheMessageCountedAndLogsNoText() {
        // GIVEN an opted-in guild and a scorer that fails with the text in its exception
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), T).withSentiment(true, T));
        ActivityRecorder recorder = recorder(store, Optional.of(text -> {
            throw new IllegalStateException("cannot score " + text);
        }));

        try (LogCapture logs = LogCapture.install()) {
            // WHEN a member writes a message
            recorder.message(GUILD, GENERAL, 1, false, T, () -> "zorblax secret words");

            // THEN the message still counts, without a sentiment, and the log names the failure but not the text
            assertThat(recorded).containsExactly(new MessagePosted(GUILD, GENERAL, 1, T));
            assertThat(logs.text()).contains("Sentiment scoring failed (java.lang.IllegalStateException)").doesNotContain("zorblax");
        }
    }

    private static Supplier<String> text(List<String> asked, String text) {
        return () -> {
            asked.add(text);
            return text;
        };
    }

    @Test
    void onlyWhitelistedChannelsAndNoBotsUnlessTheGuildCountsThem() {
        // GIVEN a guild that collects #general only and does not count bots
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), T));
        ActivityRecorder recorder = recorder(store);

        // WHEN messages, reactions and deletions happen in both channels, by members and bots
        recorder.message(GUILD, GENERAL, 1, false, T);
        recorder.message(GUILD, PRIVATE, 1, false, T);
        recorder.message(GUILD, GENERAL, 2, true, T);
        recorder.reaction(GUILD, GENERAL, 1, false, "pulse:42", T);
        recorder.reaction(GUILD, GENERAL, 2, true, "👍", T);
        recorder.deleted(GUILD, GENERAL, 6, T);
        recorder.deleted(GUILD, PRIVATE, 1, T);

        // THEN only the members' activity in #general is recorded, the bulk delete as one event of 6
        assertThat(recorded).containsExactly(new MessagePosted(GUILD, GENERAL, 1, T), new ReactionAdded(GUILD, GENERAL, 1, "pulse:42", T),
                new MessagesDeleted(GUILD, GENERAL, 6, T));
        assertThat(recorder.stats()).isEqualTo(new RecorderStats(7, 3, 2, 2, 0));

        // and once the guild counts bots, the bot's message counts too
        store.saveSettings(GuildSettings.defaults(GUILD).withCollectChannels(Set.of(GENERAL), T).withCountBots(true, T));
        ActivityRecorder counting = recorder(store);
        counting.message(GUILD, GENERAL, 2, true, T);
        assertThat(recorded).last().isEqualTo(new MessagePosted(GUILD, GENERAL, 2, T));
    }

    @Test
    void joinsLeavesAndVoiceAreGuildWideAndLogged() {
        // GIVEN a guild with no whitelist at all
        ActivityRecorder recorder = recorder(store);

        // WHEN a member joins, enters voice, leaves voice, leaves the guild
        recorder.joined(GUILD, 5, T);
        recorder.voice(GUILD, 5, 30L, T.plusSeconds(1));
        recorder.voice(GUILD, 5, null, T.plusSeconds(61));
        recorder.left(GUILD, 5, T.plusSeconds(62));

        // THEN all of it is recorded, the join and leave also as member events, voice presence 1 then 0
        assertThat(recorded).hasSize(4).first().isEqualTo(new MemberJoined(GUILD, 5, T));
        assertThat(members).extracting(MemberEvent::kind).containsExactly(MemberEvent.Kind.JOIN, MemberEvent.Kind.LEAVE);
        assertThat(presence).containsExactly(1, 0);
    }

    @Test
    void channelEventsOfAGuildWhoseSettingsCannotBeReadAreSkippedAndCounted() {
        // GIVEN a settings store that is down
        SettingsStore down = new SettingsStore() {
            @Override
            public Optional<GuildSettings> findSettings(long guildId) {
                throw new StoreException("down");
            }

            @Override
            public GuildSettings updateSettings(long guildId, UnaryOperator<GuildSettings> change) {
                throw new StoreException("down");
            }

            @Override
            public List<GuildSettings> allSettings() {
                throw new StoreException("down");
            }
        };
        ActivityRecorder recorder = recorder(down);

        // WHEN a message and a join arrive
        recorder.message(GUILD, GENERAL, 1, false, T);
        recorder.joined(GUILD, 5, T);

        // THEN the message is skipped (no whitelist to check) and said so; the join is counted
        assertThat(recorded).containsExactly(new MemberJoined(GUILD, 5, T));
        assertThat(recorder.stats().settingsUnavailable()).isEqualTo(1);
    }
}

package io.serverpulse.common.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Settings changed by several writers at once, through one store from many threads and through two
 * store instances on one database (as two processes, or two Lambda instances, would): every change
 * is kept, and every reply tells what was stored. The writers are the real commands, answering the
 * interaction fixtures ({@code common/src/test/resources/interactions}) through the real
 * {@link InteractionHandler}: every command that changes settings runs at the same instant as the
 * others of its group, {@value #ROUNDS} rounds per group, each round in a guild of its own.
 */
public interface SettingsConcurrencyContract extends StoreContractPart {

    int ROUNDS = 10;
    long GENERAL = 1176201535215009855L;
    long ANNOUNCEMENTS = 1176201535215009860L;
    long MEMES = 1176201535215009861L;
    long LOUNGE = 1176201535215009862L;
    String SUBMITTED_KEY = "sk-test-FAKE0000000000000000000000wxyz";
    SecretSealer SEALER = new SecretSealer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    Instant NOW = Instant.parse("2026-11-28T18:30:00Z");

    /** Another store instance on the database of {@link #store()}; the suite closes it. */
    Store sameDatabase();

    /** A command answering one interaction, and what must hold once every command of its group ran. */
    record Writer(String name, String interaction, Function<GuildSettings, Boolean> kept, Function<String, Boolean> reply) {
    }

    // ---------------------------------------------------------------- plain updates

    @Test
    default void updatesFromManyThreadsAreAllKept() {
        // GIVEN one store, 8 threads
        // WHEN each thread adds 25 channels of its own to one guild's whitelist, one update each
        Set<Long> added = concurrently(8, 25, (thread, i) -> store());

        // THEN every channel is stored
        assertThat(store().settings(ContractFixtures.GUILD_A).collectChannels()).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    default void updatesThroughTwoStoreInstancesOnOneDatabaseAreAllKept() {
        // GIVEN two store instances on one database
        Store other = sameDatabase();

        // WHEN 8 threads, half on each instance, add 25 channels each to one guild's whitelist
        Set<Long> added = concurrently(8, 25, (thread, i) -> thread % 2 == 0 ? store() : other);

        // THEN every channel is stored, as either instance reads it
        assertThat(store().settings(ContractFixtures.GUILD_A).collectChannels()).containsExactlyInAnyOrderElementsOf(added);
        assertThat(other.settings(ContractFixtures.GUILD_A).collectChannels()).containsExactlyInAnyOrderElementsOf(added);
    }

    /** Which store a thread's i-th update goes through. */
    @FunctionalInterface
    interface StoreChoice {
        Store of(int thread, int update);
    }

    private Set<Long> concurrently(int threads, int updates, StoreChoice choice) {
        Set<Long> added = ConcurrentHashMap.newKeySet();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < updates; i++) {
                        long channel = 1_000L * (thread + 1) + i;
                        GuildSettings stored = choice.of(thread, i).updateSettings(ContractFixtures.GUILD_A, current -> {
                            Set<Long> channels = new java.util.TreeSet<>(current.collectChannels());
                            channels.add(channel);
                            return current.withCollectChannels(channels, NOW);
                        });
                        // what an update returns is what it stored: its own channel is in it
                        assertThat(stored.collectChannels()).contains(channel);
                        added.add(channel);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("a concurrent update failed", e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(added).hasSize(threads * updates);
        return added;
    }

    // ---------------------------------------------------------------- the commands

    @Test
    default void everySlashCommandKeepsTheChangesOfTheOthersRunAtTheSameTime() {
        // GIVEN guilds collecting #memes and #announcements, with OpenAI and a key chosen
        // WHEN nine admins each run a different settings command at the same instant, in 10 guilds
        // THEN each guild holds all nine changes, and every admin was told of a change
        for (int round = 0; round < ROUNDS; round++) {
            runGroup(slashCommands(), round, false);
        }
    }

    @Test
    default void everySlashCommandKeepsTheChangesOfTheOthersAcrossTwoStoreInstances() {
        // GIVEN the same, with the commands answered by two store instances on one database
        for (int round = 0; round < ROUNDS; round++) {
            runGroup(slashCommands(), round, true);
        }
    }

    @Test
    default void everySetupChoiceKeepsTheChangesOfOtherCommandsRunAtTheSameTime() {
        // GIVEN the same guilds
        // WHEN the four /setup choices and three other settings commands run at the same instant
        // THEN each guild holds all seven changes, and every wizard redraw and reply says so
        for (int round = 0; round < ROUNDS; round++) {
            runGroup(setupChoices(), round, false);
            runGroup(setupChoices(), ROUNDS + round, true);
        }
    }

    @Test
    default void adminsAddingChannelsAtOnceAreAllKeptAndToldTheTrueCount() {
        // GIVEN guilds collecting #memes
        // WHEN four admins add four other channels at the same instant (on one store, then two)
        // THEN all five channels are stored, and the four replies count 2, 3, 4 and 5 channels:
        // each tells the whitelist its change was stored in
        long[] channels = {GENERAL, ANNOUNCEMENTS, LOUNGE, 1176201535215009899L};
        for (int round = 0; round < 2 * ROUNDS; round++) {
            long guild = guild(round);
            store().saveSettings(GuildSettings.defaults(guild).withCollectChannels(Set.of(MEMES), Instant.EPOCH));
            List<Writer> writers = new ArrayList<>();
            for (long channel : channels) {
                writers.add(new Writer("add " + channel, InteractionFixtures.fixture("add-collect-channel.json")
                        .replace(String.valueOf(GENERAL), String.valueOf(channel)),
                        s -> s.collects(channel), text -> text.startsWith("✅")));
            }
            List<String> replies = run(writers, guild, round >= ROUNDS);
            assertThat(store().settings(guild).collectChannels()).containsExactlyInAnyOrder(MEMES, GENERAL, ANNOUNCEMENTS,
                    LOUNGE, 1176201535215009899L);
            Pattern count = Pattern.compile("\\((\\d+) channels collected\\)");
            List<Integer> counts = replies.stream().map(count::matcher).filter(Matcher::find)
                    .map(m -> Integer.parseInt(m.group(1))).sorted().collect(Collectors.toList());
            assertThat(counts).as("replies %s", replies).containsExactly(2, 3, 4, 5);
        }
    }

    private List<Writer> slashCommands() {
        return List.of(
                new Writer("add-collect-channel", InteractionFixtures.fixture("add-collect-channel.json"),
                        s -> s.collects(GENERAL), text -> text.startsWith("✅")),
                new Writer("remove-collect-channel", InteractionFixtures.fixture("remove-collect-channel.json")
                        .replace(String.valueOf(GENERAL), String.valueOf(MEMES)),
                        s -> !s.collects(MEMES) && s.collects(ANNOUNCEMENTS), text -> text.startsWith("✅")),
                new Writer("set-update-channel", InteractionFixtures.fixture("set-update-channel.json"),
                        s -> Long.valueOf(ANNOUNCEMENTS).equals(s.updateChannelId()), text -> text.startsWith("✅")),
                new Writer("set-digest", InteractionFixtures.fixture("set-digest.json"),
                        s -> s.digest() == DigestFrequency.DAILY, text -> text.startsWith("✅")),
                new Writer("toggle-alert", InteractionFixtures.fixture("toggle-alert.json"),
                        s -> !s.alert(AlertType.JOIN_RAID).enabled(), text -> text.startsWith("✅")),
                new Writer("alert-threshold", InteractionFixtures.fixture("alert-threshold.json"),
                        s -> s.alert(AlertType.JOIN_RAID).threshold() == 25
                                && s.alert(AlertType.JOIN_RAID).window().equals(Duration.ofSeconds(120)),
                        text -> text.startsWith("✅")),
                new Writer("sentiment on", InteractionFixtures.fixture("sentiment-on.json"),
                        GuildSettings::sentimentEnabled, text -> text.startsWith("✅")),
                new Writer("ai-provider set", InteractionFixtures.fixture("ai-provider-set.json"),
                        s -> "gpt-4o-mini".equals(s.aiModel()), text -> text.startsWith("✅") && text.contains("gpt-4o-mini")),
                new Writer("ai-provider key", InteractionFixtures.fixture("ai-provider-key-submit.json"),
                        s -> s.aiProvider() == AiProvider.OPENAI && SUBMITTED_KEY.equals(SEALER.open(s.guildId(), s.aiKeyCiphertext())),
                        text -> text.startsWith("✅")));
    }

    private List<Writer> setupChoices() {
        List<Writer> writers = new ArrayList<>(List.of(
                new Writer("setup update channel", InteractionFixtures.fixture("setup-update-channel.json"),
                        s -> Long.valueOf(ANNOUNCEMENTS).equals(s.updateChannelId()), SettingsConcurrencyContract::redrawn),
                new Writer("setup collect channels", InteractionFixtures.fixture("setup-collect-channels.json"),
                        s -> s.collectChannels().equals(Set.of(GENERAL, MEMES, LOUNGE)), SettingsConcurrencyContract::redrawn),
                new Writer("setup digest", InteractionFixtures.fixture("setup-digest.json"),
                        s -> s.digest() == DigestFrequency.DAILY, SettingsConcurrencyContract::redrawn),
                new Writer("setup alerts off", InteractionFixtures.fixture("setup-alerts-off.json"),
                        s -> s.alerts().values().stream().noneMatch(rule -> rule.enabled()), SettingsConcurrencyContract::redrawn)));
        writers.addAll(slashCommands().subList(6, 9));
        return writers;
    }

    /** The wizard redrawn in place (UPDATE_MESSAGE), not an error message. */
    private static boolean redrawn(String reply) {
        return reply.startsWith("UPDATE_MESSAGE: **ServerPulse setup.**");
    }

    private void runGroup(List<Writer> writers, int round, boolean twoStores) {
        long guild = guild(round);
        store().saveSettings(GuildSettings.defaults(guild).withCollectChannels(Set.of(MEMES, ANNOUNCEMENTS), Instant.EPOCH)
                .withAi(AiProvider.OPENAI, null, SEALER.seal(guild, "sk-initial-key-0000"), Instant.EPOCH));
        List<String> replies = run(writers, guild, twoStores);
        GuildSettings stored = store().settings(guild);
        for (int i = 0; i < writers.size(); i++) {
            Writer writer = writers.get(i);
            assertThat(writer.kept().apply(stored)).as("round %d: the change of %s is kept in %s", round, writer.name(), stored)
                    .isTrue();
            assertThat(writer.reply().apply(replies.get(i))).as("round %d: %s was answered %s", round, writer.name(), replies.get(i))
                    .isTrue();
        }
    }

    /** Runs every writer's interaction at the same instant; returns each answer's content ({@code UPDATE_MESSAGE: } first for a redraw). */
    private List<String> run(List<Writer> writers, long guild, boolean twoStores) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Optional<SecretSealer> sealer = Optional.of(SEALER);
        InteractionHandler first = new InteractionHandler(store(), CommandRegistry.standard(sealer, true), clock);
        InteractionHandler second = twoStores
                ? new InteractionHandler(sameDatabase(), CommandRegistry.standard(sealer, true), clock) : first;
        CyclicBarrier start = new CyclicBarrier(writers.size());
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < writers.size(); i++) {
                InteractionHandler handler = i % 2 == 0 ? first : second;
                String body = writers.get(i).interaction().replace(InteractionFixtures.GUILD, String.valueOf(guild));
                answers.add(pool.submit(() -> {
                    start.await();
                    InteractionOutcome outcome = handler.handle(body);
                    assertThat(outcome).isInstanceOf(InteractionOutcome.Respond.class);
                    InteractionResponse response = ((InteractionOutcome.Respond) outcome).response();
                    String content = response.body().path("data").path("content").asText("");
                    return response.type() == InteractionResponse.UPDATE_MESSAGE ? "UPDATE_MESSAGE: " + content : content;
                }));
            }
            List<String> replies = new ArrayList<>();
            for (Future<String> answer : answers) {
                replies.add(answer.get(120, TimeUnit.SECONDS));
            }
            return replies;
        } catch (Exception e) {
            throw new AssertionError("a command failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long guild(int round) {
        return 1_176_201_535_215_100_000L + round;
    }

}

package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.ALICE;
import static io.serverpulse.common.store.contract.ContractFixtures.EVERYTHING;
import static io.serverpulse.common.store.contract.ContractFixtures.GENERAL;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.NOW;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static io.serverpulse.common.store.contract.ContractFixtures.cached;
import static io.serverpulse.common.store.contract.ContractFixtures.mc;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiSummary;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Across every part of the storage contract: every read is scoped by guild id, so two guilds with
 * the same channel, member, emoji and alert ids never see each other's rows.
 */
public interface GuildIsolationContract extends StoreContractPart {

    @Test
    default void readsForOneGuildNeverReturnAnotherGuildsRows() {
        // GIVEN two guilds with identical channel, member, emoji and alert ids but different numbers
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            int n = guild == GUILD_A ? 2 : 5;
            store().saveSettings(GuildSettings.defaults(guild).withDigest(guild == GUILD_A ? DigestFrequency.DAILY : DigestFrequency.HOURLY, NOW));
            store().apply(new Activity()
                    .messages(guild, GENERAL, ALICE, at("2026-06-15T10:00:00Z"), n)
                    .reactions(guild, GENERAL, ALICE, "👍", at("2026-06-15T10:00:00Z"), n)
                    .joins(guild, ALICE, at("2026-06-15T10:00:00Z"))
                    .batch("isolation-" + guild));
            store().recordMemberEvents(List.of(new MemberEvent(guild, ALICE, MemberEvent.Kind.JOIN, at("2026-06-15T10:00:00Z"))));
            store().saveAlert(new AlertRecord("same-id", guild, AlertType.JOIN_RAID, Severity.INFO, at("2026-06-15T10:00:00Z"), null,
                    List.of(GENERAL), n, n, ""));
            store().saveSummary(new AiSummary(guild, "daily:2026-06-15", AiProvider.GEMINI, "", "text " + n, NOW));
            store().saveLeaderboard(cached(guild, 0, Counter.MESSAGES, Period.LAST_24_HOURS, NOW, List.of(mc(ALICE, n))));
        }

        // WHEN every read is made for each guild
        // THEN each sees only its own numbers
        for (long guild : List.of(GUILD_A, GUILD_B)) {
            long n = guild == GUILD_A ? 2 : 5;
            assertThat(store().settings(guild).digest()).isEqualTo(guild == GUILD_A ? DigestFrequency.DAILY : DigestFrequency.HOURLY);
            for (Period period : Period.values()) {
                assertThat(top(guild, BucketKey.ALL_CHANNELS, period, 10)).containsExactly(mc(ALICE, n));
                assertThat(top(guild, GENERAL, period, 10)).containsExactly(mc(ALICE, n));
            }
            for (BucketKind kind : BucketKind.values()) {
                assertThat(store().buckets(kind, guild, null, null, EVERYTHING))
                        .isNotEmpty()
                        .allSatisfy(row -> assertThat(row.key().guildId()).isEqualTo(guild));
            }
            assertThat(store().buckets(BucketKind.CHANNEL_HOUR, guild, GENERAL, null, EVERYTHING))
                    .extracting(row -> row.get(Counter.MESSAGES)).containsExactly(n);
            assertThat(store().totals(BucketKind.CHANNEL_HOUR, guild, Counter.MESSAGES, EVERYTHING, 10))
                    .containsExactly(new KeyCount(Long.toString(GENERAL), n));
            assertThat(store().totals(BucketKind.EMOJI_DAY, guild, Counter.REACTIONS, EVERYTHING, 10))
                    .containsExactly(new KeyCount("👍", n));
            assertThat(store().memberEvents(guild, EVERYTHING)).extracting(MemberEvent::guildId).containsExactly(guild);
            assertThat(store().alerts(guild, EVERYTHING)).extracting(AlertRecord::observed).containsExactly(n);
            assertThat(store().summary(guild, "daily:2026-06-15")).map(AiSummary::text).contains("text " + n);
            assertThat(store().leaderboard(guild, 0, Counter.MESSAGES, Period.LAST_24_HOURS))
                    .map(CachedLeaderboard::entries).contains(List.of(mc(ALICE, n)));
            Exported exported = Exported.of(store(), guild);
            assertThat(exported.buckets).allSatisfy(row -> assertThat(row.key().guildId()).isEqualTo(guild));
            assertThat(exported.rows()).isEqualTo(1 + 7 + 1 + 1 + 1 + 1);
        }
    }

}

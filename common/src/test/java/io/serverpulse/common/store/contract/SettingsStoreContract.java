package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static io.serverpulse.common.store.contract.ContractFixtures.everyFieldChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.serverpulse.common.settings.SettingsStore} part of the storage contract: a guild
 * without stored settings gets the defaults, saved settings read back with every field, and saving
 * again replaces them; an update applies its change to what is stored and returns what it stored.
 * Settings never expire. Concurrent writers: {@link SettingsConcurrencyContract}.
 */
public interface SettingsStoreContract extends StoreContractPart {

    @Test
    default void guildWithoutStoredSettingsGetsDefaults() {
        // GIVEN an empty store
        // WHEN settings of a guild that never changed anything are read
        // THEN nothing is stored, and the defaults are served
        assertThat(store().findSettings(GUILD_A)).isEmpty();
        assertThat(store().settings(GUILD_A)).isEqualTo(GuildSettings.defaults(GUILD_A));
        assertThat(store().allSettings()).isEmpty();
    }

    @Test
    default void savedSettingsReadBackWithEveryField() {
        // GIVEN settings that differ from the defaults in every field
        GuildSettings settings = everyFieldChanged(GUILD_A);

        // WHEN they are saved
        store().saveSettings(settings);

        // THEN they read back equal
        assertThat(store().findSettings(GUILD_A)).contains(settings);
        assertThat(store().settings(GUILD_A)).isEqualTo(settings);
        assertThat(store().findSettings(GUILD_B)).isEmpty();
    }

    @Test
    default void savingSettingsAgainReplacesThem() {
        // GIVEN two guilds with stored settings
        store().saveSettings(everyFieldChanged(GUILD_A));
        store().saveSettings(GuildSettings.defaults(GUILD_B).withDigest(DigestFrequency.HOURLY, at("2026-06-01T00:00:00Z")));

        // WHEN guild A saves a changed copy
        GuildSettings changed = store().settings(GUILD_A).withDigest(DigestFrequency.NONE, at("2026-06-15T09:00:00.001Z"));
        store().saveSettings(changed);

        // THEN the copy replaced the old settings and every guild is listed once
        assertThat(store().findSettings(GUILD_A)).contains(changed);
        assertThat(store().allSettings()).containsExactlyInAnyOrder(changed, store().settings(GUILD_B));
        assertThat(store().settings(GUILD_B).digest()).isEqualTo(DigestFrequency.HOURLY);
    }

    @Test
    default void anUpdateStartsFromTheDefaultsAndReturnsWhatItStored() {
        // GIVEN a guild without stored settings
        // WHEN an update turns its digest off
        GuildSettings stored = store().updateSettings(GUILD_A,
                current -> current.withDigest(DigestFrequency.NONE, at("2026-06-15T09:00:00Z")));

        // THEN the defaults were changed, stored and returned
        GuildSettings expected = GuildSettings.defaults(GUILD_A).withDigest(DigestFrequency.NONE, at("2026-06-15T09:00:00Z"));
        assertThat(stored).isEqualTo(expected);
        assertThat(store().findSettings(GUILD_A)).contains(expected);
        assertThat(store().findSettings(GUILD_B)).isEmpty();
    }

    @Test
    default void anUpdateChangesOnlyWhatItsChangeChangesOfTheStoredSettings() {
        // GIVEN stored settings that differ from the defaults in every field
        store().saveSettings(everyFieldChanged(GUILD_A));

        // WHEN two updates change one field each
        store().updateSettings(GUILD_A, current -> current.withDigest(DigestFrequency.HOURLY, at("2026-06-15T09:00:00Z")));
        GuildSettings stored = store().updateSettings(GUILD_A, current -> current.withSentiment(false, at("2026-06-15T09:00:01Z")));

        // THEN both are stored on top of everything else
        GuildSettings expected = everyFieldChanged(GUILD_A).withDigest(DigestFrequency.HOURLY, at("2026-06-15T09:00:00Z"))
                .withSentiment(false, at("2026-06-15T09:00:01Z"));
        assertThat(stored).isEqualTo(expected);
        assertThat(store().findSettings(GUILD_A)).contains(expected);
    }

    @Test
    default void anUpdateThatChangesNothingOrGivesUpStoresNothing() {
        // GIVEN a guild without stored settings
        // WHEN an update returns the settings it was given, and another one throws
        GuildSettings unchanged = store().updateSettings(GUILD_A, current -> current);
        assertThatThrownBy(() -> store().updateSettings(GUILD_A, current -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused");

        // THEN nothing was stored, and the first returned the defaults
        assertThat(unchanged).isEqualTo(GuildSettings.defaults(GUILD_A));
        assertThat(store().findSettings(GUILD_A)).isEmpty();
        assertThat(store().allSettings()).isEmpty();
    }

    @Test
    default void anUpdateMayNotChangeAnotherGuild() {
        // GIVEN a guild without stored settings
        // WHEN an update of guild A returns settings of guild B
        // THEN it is refused and nothing is stored
        assertThatThrownBy(() -> store().updateSettings(GUILD_A, current -> GuildSettings.defaults(GUILD_B)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().allSettings()).isEmpty();
    }
}

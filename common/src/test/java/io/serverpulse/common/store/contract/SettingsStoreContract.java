package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static io.serverpulse.common.store.contract.ContractFixtures.everyFieldChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.serverpulse.common.settings.SettingsStore} part of the storage contract: a guild
 * without stored settings gets the defaults, saved settings read back with every field, and saving
 * again replaces them. Settings never expire.
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

}

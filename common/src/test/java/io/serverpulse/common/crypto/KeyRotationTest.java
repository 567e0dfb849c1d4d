package io.serverpulse.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRotationTest {

    private static final byte[] OLD = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOST = "lostlostlostlostlostlostlostlost".getBytes(StandardCharsets.US_ASCII);
    private static final long GUILD_A = 1176201535215009852L;
    private static final long GUILD_B = 1176201535215009853L;
    private static final long GUILD_C = 1176201535215009854L;
    private static final Instant NOW = Instant.parse("2026-11-28T18:30:00Z");

    @Test
    void everyKeyOfEveryGuildIsResealedWithTheNewMasterKey() {
        // GIVEN guild A with two providers sealed with the old key, guild B already on the new key, guild C with a key
        // sealed by a master key nobody configured any more
        InMemoryStore store = new InMemoryStore();
        SecretSealer old = new SecretSealer(OLD);
        SecretSealer rotating = new SecretSealer(NEW, Optional.of(OLD));
        store.saveSettings(GuildSettings.defaults(GUILD_A).withAiChain(List.of(
                new AiProviderEntry(AiProvider.OPENAI, null, old.seal(GUILD_A, "sk-openai-aaaaaaaa")),
                new AiProviderEntry(AiProvider.GROQ, "llama", old.seal(GUILD_A, "gsk-groq-bbbbbbbb"))), NOW));
        String current = rotating.seal(GUILD_B, "sk-current-cccccccc");
        store.saveSettings(GuildSettings.defaults(GUILD_B).withAi(AiProvider.GEMINI, null, current, NOW));
        String lost = new SecretSealer(LOST).seal(GUILD_C, "sk-lost-dddddddd");
        store.saveSettings(GuildSettings.defaults(GUILD_C).withAi(AiProvider.ANTHROPIC, null, lost, NOW));

        // WHEN the keys are re-sealed
        KeyRotation.Report report = KeyRotation.resealAll(store, rotating, NOW);

        // THEN guild A's two keys are sealed with the new key and open without the old one; B is untouched; C is counted
        assertThat(report).isEqualTo(new KeyRotation.Report(1, 2, 1));
        SecretSealer newOnly = new SecretSealer(NEW);
        List<AiProviderEntry> chain = store.settings(GUILD_A).aiChain();
        assertThat(chain).extracting(AiProviderEntry::keyCiphertext).allSatisfy(k -> assertThat(newOnly.isCurrent(k)).isTrue());
        assertThat(newOnly.open(GUILD_A, chain.get(0).keyCiphertext())).isEqualTo("sk-openai-aaaaaaaa");
        assertThat(newOnly.open(GUILD_A, chain.get(1).keyCiphertext())).isEqualTo("gsk-groq-bbbbbbbb");
        assertThat(chain.get(1).model()).isEqualTo("llama");
        assertThat(store.settings(GUILD_B).aiKeyCiphertext()).isEqualTo(current);
        assertThat(store.settings(GUILD_C).aiKeyCiphertext()).isEqualTo(lost);
        // ... and a second run has nothing to do
        assertThat(KeyRotation.resealAll(store, rotating, NOW)).isEqualTo(new KeyRotation.Report(0, 0, 1));
    }
}

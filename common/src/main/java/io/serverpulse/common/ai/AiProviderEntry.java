package io.serverpulse.common.ai;

import java.util.Objects;

/**
 * One provider a guild configured: which, with which model (null for the provider's default), and
 * its key as sealed by {@code crypto.SecretSealer} (null until the admin enters one). A guild's
 * providers are tried in order ({@code GuildSettings.aiChain()}).
 */
public record AiProviderEntry(AiProvider provider, String model, String keyCiphertext) {

    public AiProviderEntry {
        Objects.requireNonNull(provider, "provider");
        model = model == null || model.isBlank() ? null : model;
        keyCiphertext = keyCiphertext == null || keyCiphertext.isBlank() ? null : keyCiphertext;
    }

    public boolean hasKey() {
        return keyCiphertext != null;
    }

    /** The model that is used: the guild's choice or the provider's default. */
    public String effectiveModel() {
        return provider.modelOrDefault(model);
    }

    public AiProviderEntry withModel(String newModel) {
        return new AiProviderEntry(provider, newModel, keyCiphertext);
    }

    public AiProviderEntry withKey(String newKeyCiphertext) {
        return new AiProviderEntry(provider, model, newKeyCiphertext);
    }

    @Override
    public String toString() {
        return "AiProviderEntry[" + provider.option() + ", model=" + model + ", key=" + (hasKey() ? "set" : "unset") + "]";
    }
}

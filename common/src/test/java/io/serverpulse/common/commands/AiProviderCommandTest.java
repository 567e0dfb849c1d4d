package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static io.serverpulse.common.commands.CommandKit.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AiProviderCommandTest {

    /** The key typed into the modal in the fixture ai-provider-key-submit.json. */
    private static final String KEY = "sk-test-FAKE0000000000000000000000wxyz";

    private final CommandKit kit = new CommandKit();

    private void providerIsOpenAi() {
        kit.store.saveSettings(GuildSettings.defaults(GUILD).withAi(AiProvider.OPENAI, null, null, Instant.EPOCH));
    }

    private static ObjectNode submitting(String key) {
        ObjectNode body = fixture("ai-provider-key-submit.json");
        ((ObjectNode) body.at("/data/components/0/component")).put("value", key);
        return body;
    }

    @Test
    void setStoresProviderAndModelAndAsksForTheKey() {
        // GIVEN / WHEN /ai-provider set openai gpt-4o-mini
        Answer answer = kit.run(fixture("ai-provider-set.json"));

        // THEN both are stored and the admin is pointed to /ai-provider key
        GuildSettings settings = kit.store.settings(GUILD);
        assertThat(settings.aiProvider()).isEqualTo(AiProvider.OPENAI);
        assertThat(settings.aiModel()).isEqualTo("gpt-4o-mini");
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("✅ AI provider: **OpenAI**, model: **gpt-4o-mini**.\n"
                + "Now add your API key with /ai-provider key. It’s stored encrypted and never shown again.");
    }

    @Test
    void keyOpensAModalWithOneTextInput() {
        // GIVEN a provider is chosen
        providerIsOpenAi();

        // WHEN /ai-provider key runs
        Answer answer = kit.run(fixture("ai-provider-key.json"));

        // THEN a modal asks for the key in a labelled short text input
        assertThat(answer.type()).isEqualTo(9);
        JsonNode modal = answer.data();
        assertThat(modal.path("custom_id").asText()).isEqualTo("ai-provider:key:openai");
        assertThat(modal.path("title").asText()).isEqualTo("OpenAI API key");
        JsonNode label = modal.path("components").get(0);
        assertThat(label.path("type").asInt()).isEqualTo(18);
        assertThat(label.path("description").asText()).isEqualTo("Stored encrypted. Only its last 4 characters are ever shown.");
        assertThat(label.path("component").path("type").asInt()).isEqualTo(4);
        assertThat(label.path("component").path("custom_id").asText()).isEqualTo("key");
        assertThat(label.path("component").path("style").asInt()).isEqualTo(1);
    }

    @Test
    void theSubmittedKeyIsSealedForTheGuildAndNeverEchoedOrLogged() {
        // GIVEN a provider is chosen, and every log line is captured
        providerIsOpenAi();
        Answer answer;
        String logs;
        try (LogCapture capture = new LogCapture()) {
            // WHEN the admin submits the modal with their key
            answer = kit.run(fixture("ai-provider-key-submit.json"));
            logs = capture.all();
        }

        // THEN the stored value opens to the key for this guild only
        GuildSettings settings = kit.store.settings(GUILD);
        assertThat(settings.aiKeyCiphertext()).startsWith("v2:" + kit.sealer.currentKeyId() + ":").doesNotContain(KEY);
        assertThat(kit.sealer.open(GUILD, settings.aiKeyCiphertext())).isEqualTo(KEY);
        // ... the confirmation shows the last 4 characters only
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("✅ Key saved for **OpenAI**, ending in …wxyz. It’s stored encrypted.");
        // ... and neither the answer nor any log line contains the key or a long part of it
        for (String part : new String[] {KEY, KEY.substring(0, 12), KEY.substring(8, 30)}) {
            assertThat(answer.text()).doesNotContain(part);
            assertThat(logs).doesNotContain(part);
        }
        assertThat(logs).doesNotContain(settings.aiKeyCiphertext());
    }

    @Test
    void aMalformedKeyIsRefusedWithoutEchoingIt() {
        // GIVEN a provider is chosen
        providerIsOpenAi();
        String pasted = "sk-live-with a space-inside-1234";

        // WHEN keys that are too short or contain spaces are submitted
        Answer spaced;
        String logs;
        try (LogCapture capture = new LogCapture()) {
            spaced = kit.run(submitting(pasted));
            logs = capture.all();
        }
        Answer shortKey = kit.run(submitting("abc"));

        // THEN they are refused, nothing is stored, and the text is not repeated
        assertThat(spaced.content()).isEqualTo("That doesn’t look like an API key (8 to 300 characters, no spaces). Nothing was changed.");
        assertThat(shortKey.content()).startsWith("That doesn’t look like an API key");
        assertThat(kit.store.settings(GUILD).aiKeyCiphertext()).isNull();
        assertThat(spaced.text() + logs).doesNotContain("with a space");
    }

    @Test
    void aKeyNeedsAProviderFirst() {
        // GIVEN no provider chosen
        // WHEN / THEN both the modal and a stale submit are refused
        assertThat(kit.run(fixture("ai-provider-key.json")).content()).isEqualTo("Pick a provider first with /ai-provider set.");
        assertThat(kit.run(fixture("ai-provider-key-submit.json")).content()).isEqualTo("Pick a provider first with /ai-provider set.");
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }

    @Test
    void withoutAMasterKeyNoKeyCanBeStored() {
        // GIVEN an instance without SERVERPULSE_MASTER_KEY and a chosen provider
        CommandKit unkeyed = new CommandKit(false);
        unkeyed.store.saveSettings(GuildSettings.defaults(GUILD).withAi(AiProvider.OPENAI, null, null, Instant.EPOCH));

        // WHEN / THEN the admin learns what the operator must do, and nothing is stored
        assertThat(unkeyed.run(fixture("ai-provider-key.json")).content()).contains("SERVERPULSE_MASTER_KEY");
        assertThat(unkeyed.run(fixture("ai-provider-key-submit.json")).content()).contains("SERVERPULSE_MASTER_KEY");
        assertThat(unkeyed.store.settings(GUILD).aiKeyCiphertext()).isNull();
    }

    @Test
    void aKeyIsKeptForTheSameProviderAndDroppedForAnother() {
        // GIVEN a stored OpenAI key
        providerIsOpenAi();
        kit.run(fixture("ai-provider-key-submit.json"));
        String sealed = kit.store.settings(GUILD).aiKeyCiphertext();

        // WHEN the model changes, then the provider
        Answer sameProvider = kit.run(fixture("ai-provider-set.json"));
        String afterSame = kit.store.settings(GUILD).aiKeyCiphertext();
        Answer otherProvider = kit.run(withOptions(fixture("ai-provider-set.json"),
                "[{\"name\":\"set\",\"type\":1,\"options\":[{\"name\":\"provider\",\"type\":3,\"value\":\"anthropic\"}]}]"));

        // THEN the key stays with OpenAI, and switching to Anthropic asks for a new one
        assertThat(afterSame).isEqualTo(sealed);
        assertThat(sameProvider.content()).endsWith("Your saved key for this provider is kept.");
        GuildSettings settings = kit.store.settings(GUILD);
        assertThat(settings.aiProvider()).isEqualTo(AiProvider.ANTHROPIC);
        assertThat(settings.aiModel()).isNull();
        assertThat(settings.aiKeyCiphertext()).isNull();
        assertThat(otherProvider.content()).startsWith("✅ AI provider: **Anthropic**, model: **provider’s default**.");
    }

    @Test
    void aMalformedModelNameIsRefused() {
        // GIVEN / WHEN a model name with spaces and markup
        Answer answer = kit.run(withOptions(fixture("ai-provider-set.json"),
                "[{\"name\":\"set\",\"type\":1,\"options\":[{\"name\":\"provider\",\"type\":3,\"value\":\"groq\"},"
                        + "{\"name\":\"model\",\"type\":3,\"value\":\"llama **3** @everyone\"}]}]"));

        // THEN it is refused and nothing is stored
        assertThat(answer.content()).startsWith("That model name isn’t valid");
        assertThat(kit.store.findSettings(GUILD)).isEmpty();
    }

    @Test
    void theLastFourCharactersCannotInjectMarkdown() {
        // GIVEN a key ending in Markdown characters
        providerIsOpenAi();

        // WHEN it is saved
        Answer answer = kit.run(submitting("sk-abcdefgh12**_~"));

        // THEN they are shown escaped
        assertThat(answer.content()).contains("ending in …\\*\\*\\_\\~.");
    }

    // ---------------------------------------------------------------- several providers

    private static ObjectNode sub(String name, String optionsJson) {
        return withOptions(fixture("ai-provider-set.json"),
                "[{\"name\":\"" + name + "\",\"type\":1,\"options\":" + optionsJson + "}]");
    }

    private static ObjectNode sub(String name, String provider, String model) {
        return sub(name, "[{\"name\":\"provider\",\"type\":3,\"value\":\"" + provider + "\"}"
                + (model == null ? "" : ",{\"name\":\"model\",\"type\":3,\"value\":\"" + model + "\"}") + "]");
    }

    private static ObjectNode submittingFor(String customId, String key) {
        ObjectNode body = submitting(key);
        ((ObjectNode) body.get("data")).put("custom_id", customId);
        return body;
    }

    @Test
    void aFallbackIsAddedAfterTheFirstAndGetsItsOwnKey() {
        // GIVEN OpenAI with its key
        providerIsOpenAi();
        kit.run(fixture("ai-provider-key-submit.json"));
        String openAiKey = kit.store.settings(GUILD).aiKeyCiphertext();

        // WHEN Groq is added as a fallback with a model, and its key is entered in the modal opened for Groq
        Answer added = kit.run(sub("fallback", "groq", "llama-test"));
        Answer modal = kit.run(sub("key", "groq", null));
        Answer saved = kit.run(submittingFor("ai-provider:key:groq", "gsk_groqkey0000000000001234"));

        // THEN the order is OpenAI, then Groq, each with its own key
        GuildSettings settings = kit.store.settings(GUILD);
        assertThat(settings.aiChain()).extracting(e -> e.provider()).containsExactly(AiProvider.OPENAI, AiProvider.GROQ);
        assertThat(settings.aiKeyCiphertext()).isEqualTo(openAiKey);
        assertThat(kit.sealer.open(GUILD, settings.aiFallbacks().get(0).keyCiphertext())).isEqualTo("gsk_groqkey0000000000001234");
        assertThat(settings.aiFallbacks().get(0).model()).isEqualTo("llama-test");
        assertThat(added.content()).isEqualTo("✅ Fallback AI provider: **Groq**, model: **llama-test**. It’s asked when the "
                + "providers before it give no usable answer.\nNow add its API key with /ai-provider key provider:groq. "
                + "It’s stored encrypted and never shown again.\nOrder tried: OpenAI → Groq");
        assertThat(modal.data().path("custom_id").asText()).isEqualTo("ai-provider:key:groq");
        assertThat(modal.data().path("title").asText()).isEqualTo("Groq API key");
        assertThat(saved.content()).isEqualTo("✅ Key saved for **Groq**, ending in …1234. It’s stored encrypted.");
    }

    @Test
    void aFallbackNeedsAFirstProviderAndIsNotTheFirstAgain() {
        assertThat(kit.run(sub("fallback", "groq", null)).content()).isEqualTo("Pick a provider first with /ai-provider set.");
        providerIsOpenAi();
        assertThat(kit.run(sub("fallback", "openai", null)).content())
                .isEqualTo("**OpenAI** is already the first provider. Nothing was changed.");
        assertThat(kit.store.settings(GUILD).aiFallbacks()).isEmpty();
    }

    @Test
    void settingAFallbackFirstMovesItUpWithItsKeyAndDropsTheOldFirst() {
        // GIVEN OpenAI first, Groq second with a key
        providerIsOpenAi();
        kit.run(sub("fallback", "groq", null));
        kit.run(submittingFor("ai-provider:key:groq", "gsk_groqkey0000000000001234"));

        // WHEN Groq is set as the provider
        Answer answer = kit.run(sub("set", "groq", null));

        // THEN Groq is first with its key, and OpenAI is gone
        GuildSettings settings = kit.store.settings(GUILD);
        assertThat(settings.aiChain()).extracting(e -> e.provider()).containsExactly(AiProvider.GROQ);
        assertThat(kit.sealer.open(GUILD, settings.aiKeyCiphertext())).isEqualTo("gsk_groqkey0000000000001234");
        assertThat(answer.content()).endsWith("Your saved key for this provider is kept.");
    }

    @Test
    void removingTheFirstMovesTheNextUpAndRemovingTheLastSaysSo() {
        // GIVEN OpenAI then Anthropic
        providerIsOpenAi();
        kit.run(sub("fallback", "anthropic", null));

        // WHEN OpenAI is removed, then Anthropic, then Gemini (never configured)
        Answer first = kit.run(sub("remove", "openai", null));
        GuildSettings afterFirst = kit.store.settings(GUILD);
        Answer last = kit.run(sub("remove", "anthropic", null));
        Answer unknown = kit.run(sub("remove", "gemini", null));

        // THEN Anthropic became first, then nothing is left, and an unknown provider is refused
        assertThat(afterFirst.aiChain()).extracting(e -> e.provider()).containsExactly(AiProvider.ANTHROPIC);
        assertThat(first.content()).isEqualTo("✅ **OpenAI** and its key were removed.");
        assertThat(last.content()).isEqualTo("✅ **Anthropic** and its key were removed.\n"
                + "No AI provider is left: digests show the rule-written paragraph only.");
        assertThat(kit.store.settings(GUILD).aiChain()).isEmpty();
        assertThat(unknown.content()).startsWith("**Google Gemini** isn’t one of this server’s AI providers");
    }

    @Test
    void aKeyForAProviderThatIsNotConfiguredIsRefused() {
        providerIsOpenAi();
        assertThat(kit.run(sub("key", "groq", null)).content()).startsWith("**Groq** isn’t one of this server’s AI providers");
        assertThat(kit.run(submittingFor("ai-provider:key:groq", "gsk_groqkey0000000000001234")).content())
                .startsWith("**Groq** isn’t one of this server’s AI providers");
        assertThat(kit.store.settings(GUILD).aiFallbacks()).isEmpty();
    }

    @Test
    void testWithoutAProviderAnswersAtOnce() {
        Answer answer = kit.run(sub("test", "[]"));
        assertThat(answer.type()).isEqualTo(4);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("No AI provider is set: choose one with /ai-provider set.");
    }
}

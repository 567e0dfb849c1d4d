package io.serverpulse.common.commands.ai;

import io.serverpulse.common.ai.AiClient;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.ai.ProviderCheck;
import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.DeferredContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.Component;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.message.Modal;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /ai-provider}: a guild's AI providers, tried in order for each digest summary.
 * <ul>
 *   <li>{@code set <provider> [model]} makes a provider the first one (it replaces the first; a
 *       provider that was a fallback moves up with its key);</li>
 *   <li>{@code fallback <provider> [model]} adds a provider after the others, or changes a fallback's model;</li>
 *   <li>{@code remove <provider>} removes a provider and its key (the next one moves up);</li>
 *   <li>{@code key [provider]} asks for a provider's key in a modal (never a slash command option,
 *       which Discord would show in the channel's command preview); it is sealed with
 *       {@link SecretSealer} (the guild id as associated data), and only its last 4 characters are
 *       ever shown;</li>
 *   <li>{@code test} calls each provider once with the guild's settings (deferred: the calls may take
 *       longer than Discord's 3 seconds) and reports success and latency, or the error in plain words.</li>
 * </ul>
 * Keys are never logged or echoed. Stable ids: modal {@code ai-provider:key} (the first provider)
 * or {@code ai-provider:key:<provider>}, text input {@code key}.
 */
public final class AiProviderCommand implements Command {

    public static final String NAME = "ai-provider";
    public static final String MODAL_ID = NAME + ":key";
    public static final String KEY_INPUT = "key";
    public static final int KEY_MIN = 8;
    public static final int KEY_MAX = 300;
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/@+-]{1,100}");
    /** Printable ASCII without spaces: every provider's keys look like this. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]+");

    private final Optional<SecretSealer> sealer;
    private final ProviderCheck check;

    public AiProviderCommand(Optional<SecretSealer> sealer, AiClient client) {
        this.sealer = sealer;
        this.check = new ProviderCheck(client, sealer);
    }

    @Override
    public CommandDefinition definition() {
        List<String> providers = Arrays.stream(AiProvider.values()).map(AiProvider::option).toList();
        return CommandDefinition.admin(NAME,
                OptionDefinition.subCommand(NAME, "set", List.of(
                        OptionDefinition.choice(NAME + ".set", "provider", true, "choice.ai", providers),
                        OptionDefinition.string(NAME + ".set", "model", false, 1, 100))),
                OptionDefinition.subCommand(NAME, "fallback", List.of(
                        OptionDefinition.choice(NAME + ".fallback", "provider", true, "choice.ai", providers),
                        OptionDefinition.string(NAME + ".fallback", "model", false, 1, 100))),
                OptionDefinition.subCommand(NAME, "remove", List.of(
                        OptionDefinition.choice(NAME + ".remove", "provider", true, "choice.ai", providers))),
                OptionDefinition.subCommand(NAME, "key", List.of(
                        OptionDefinition.choice(NAME + ".key", "provider", false, "choice.ai", providers))),
                OptionDefinition.subCommand(NAME, "test", List.of()));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        return switch (context.subCommand()) {
            case "set" -> set(context);
            case "fallback" -> fallback(context);
            case "remove" -> remove(context);
            case "key" -> askForKey(context);
            case "test" -> test(context);
            default -> throw new BadInputException("error.unknown-command");
        };
    }

    private InteractionOutcome set(CommandContext context) {
        Texts texts = context.texts();
        AiProvider provider = provider(context);
        Optional<String> model = model(context);
        // a key belongs to one provider: it is kept when the provider was already configured
        GuildSettings saved = context.updateSettings(current -> {
            Optional<AiProviderEntry> known = current.aiEntry(provider);
            List<AiProviderEntry> chain = new ArrayList<>();
            chain.add(new AiProviderEntry(provider, model.orElse(null), known.map(AiProviderEntry::keyCiphertext).orElse(null)));
            current.aiFallbacks().stream().filter(e -> e.provider() != provider).forEach(chain::add);
            return current.withAiChain(chain, context.now());
        }).after();
        String text = texts.get("ai.provider-set", providerName(provider, texts),
                model.orElseGet(() -> texts.get("ai.model-default")))
                + "\n" + texts.get(saved.aiKeyCiphertext() != null ? "ai.key-kept" : "ai.key-needed") + order(saved, texts);
        return reply(text);
    }

    private InteractionOutcome fallback(CommandContext context) {
        Texts texts = context.texts();
        AiProvider provider = provider(context);
        Optional<String> model = model(context);
        GuildSettings saved = context.updateSettings(current -> {
            if (current.aiProvider() == null) {
                throw new BadInputException("ai.no-provider");
            }
            if (current.aiProvider() == provider) {
                throw new BadInputException("ai.fallback-is-first", providerName(provider, texts));
            }
            List<AiProviderEntry> chain = new ArrayList<>(current.aiChain());
            if (current.aiEntry(provider).isPresent()) {
                chain.replaceAll(e -> e.provider() == provider ? e.withModel(model.orElse(null)) : e);
            } else {
                chain.add(new AiProviderEntry(provider, model.orElse(null), null));
            }
            return current.withAiChain(chain, context.now());
        }).after();
        boolean hasKey = saved.aiEntry(provider).map(AiProviderEntry::hasKey).orElse(false);
        return reply(texts.get("ai.fallback-set", providerName(provider, texts),
                model.orElseGet(() -> texts.get("ai.model-default")))
                + "\n" + texts.get(hasKey ? "ai.key-kept" : "ai.key-needed-for", provider.option()) + order(saved, texts));
    }

    private InteractionOutcome remove(CommandContext context) {
        Texts texts = context.texts();
        AiProvider provider = provider(context);
        GuildSettings saved = context.updateSettings(current -> {
            if (current.aiEntry(provider).isEmpty()) {
                throw new BadInputException("ai.not-configured", providerName(provider, texts));
            }
            return current.withAiChain(current.aiChain().stream().filter(e -> e.provider() != provider).toList(),
                    context.now());
        }).after();
        String text = texts.get("ai.removed", providerName(provider, texts));
        return reply(saved.aiChain().isEmpty() ? text + "\n" + texts.get("ai.removed-last") : text + order(saved, texts));
    }

    private InteractionOutcome askForKey(CommandContext context) {
        Texts texts = context.texts();
        AiProvider provider = keyTarget(context.settings(), context.string("provider").orElse(null), texts);
        if (sealer.isEmpty()) {
            throw new BadInputException("ai.no-master-key");
        }
        Modal modal = new Modal(MODAL_ID + ":" + provider.option(), texts.get("ai.modal-title", providerName(provider, texts)),
                List.of(new Component.Label(texts.get("ai.modal-label"), texts.get("ai.modal-description"),
                        new Component.TextInput(KEY_INPUT, Component.TextInput.SHORT, KEY_MIN, KEY_MAX, true, null))));
        return new InteractionOutcome.Respond(InteractionResponse.modal(modal));
    }

    @Override
    public InteractionOutcome onModalSubmit(CommandContext context) {
        String customId = context.interaction().data().customId();
        if (!customId.equals(MODAL_ID) && !customId.startsWith(MODAL_ID + ":")) {
            throw new BadInputException("error.unknown-component");
        }
        Texts texts = context.texts();
        String named = customId.equals(MODAL_ID) ? null : customId.substring(MODAL_ID.length() + 1);
        AiProvider provider = keyTarget(context.settings(), named, texts);
        SecretSealer activeSealer = sealer.orElseThrow(() -> new BadInputException("ai.no-master-key"));
        String key = Optional.ofNullable(context.modalFields().get(KEY_INPUT)).map(String::strip).orElse("");
        if (key.length() < KEY_MIN || key.length() > KEY_MAX || !KEY.matcher(key).matches()) {
            throw new BadInputException("ai.key-invalid", KEY_MIN, KEY_MAX);
        }
        String sealed = activeSealer.seal(context.guildId(), key);
        context.updateSettings(current -> {
            // the provider may have been removed meanwhile: then the key is refused, not stored for another
            keyTarget(current, provider.option(), texts);
            return current.withAiChain(current.aiChain().stream()
                    .map(e -> e.provider() == provider ? e.withKey(sealed) : e).toList(), context.now());
        });
        String lastFour = escapeMarkdown(key.substring(key.length() - 4));
        return reply(texts.get("ai.key-saved", providerName(provider, texts), lastFour));
    }

    private InteractionOutcome test(CommandContext context) {
        GuildSettings settings = context.settings();
        if (settings.aiChain().isEmpty()) {
            throw new BadInputException("ai.test-none");
        }
        if (sealer.isEmpty()) {
            throw new BadInputException("ai.test-no-master-key");
        }
        return new InteractionOutcome.Defer(InteractionResponse.deferred(true), context.deferredWork(NAME, Map.of("sub", "test")));
    }

    @Override
    public MessageBody completeDeferred(DeferredContext context) {
        if (!"test".equals(context.work().arg("sub"))) {
            throw new IllegalArgumentException("unknown deferred /" + NAME + " work");
        }
        GuildSettings settings = context.store().settings(context.guildId());
        if (settings.aiChain().isEmpty()) {
            return MessageBody.text(context.texts().get("ai.test-none"));
        }
        List<ProviderCheck.Result> results = check.checkAll(context.guildId(), settings.aiChain());
        return MessageBody.text(AiTestReport.render(results, context.texts()));
    }

    /** The provider a key is for: the one named, which must be configured, or the first. */
    private static AiProvider keyTarget(GuildSettings settings, String named, Texts texts) {
        if (named == null) {
            if (settings.aiProvider() == null) {
                throw new BadInputException("ai.no-provider");
            }
            return settings.aiProvider();
        }
        AiProvider provider = AiProvider.fromOption(named)
                .orElseThrow(() -> new BadInputException("error.invalid-option", "provider"));
        if (settings.aiEntry(provider).isEmpty()) {
            throw new BadInputException("ai.not-configured", providerName(provider, texts));
        }
        return provider;
    }

    private static AiProvider provider(CommandContext context) {
        return AiProvider.fromOption(context.requiredString("provider"))
                .orElseThrow(() -> new BadInputException("error.invalid-option", context.label("provider")));
    }

    private static Optional<String> model(CommandContext context) {
        Optional<String> model = context.string("model").map(String::strip);
        if (model.isPresent() && !MODEL.matcher(model.get()).matches()) {
            throw new BadInputException("ai.model-invalid");
        }
        return model;
    }

    /** "Order tried: A → B" when there is more than one provider. */
    private static String order(GuildSettings settings, Texts texts) {
        List<AiProviderEntry> chain = settings.aiChain();
        if (chain.size() < 2) {
            return "";
        }
        return "\n" + texts.get("ai.order", chain.stream().map(e -> providerName(e.provider(), texts))
                .collect(Collectors.joining(" → ")));
    }

    private static InteractionOutcome reply(String text) {
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }

    static String escapeMarkdown(String text) {
        return text.replaceAll("([\\\\*_~`|>#\\[\\]()<:-])", "\\\\$1");
    }

    public static String providerName(AiProvider provider, Texts texts) {
        return texts.get("choice.ai." + provider.option());
    }
}

package io.serverpulse.common.commands.ai;

import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /ai-provider set <provider> [model]} and {@code /ai-provider key}. The key is typed into a
 * modal (never a slash command option, which Discord would show in the channel's command preview),
 * sealed with {@link SecretSealer} (the guild id as associated data) and stored; the confirmation
 * shows its last 4 characters only. The key is never logged or echoed.
 *
 * <p>Stable ids: modal {@code ai-provider:key}, text input {@code key}.
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

    public AiProviderCommand(Optional<SecretSealer> sealer) {
        this.sealer = sealer;
    }

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME,
                OptionDefinition.subCommand(NAME, "set", List.of(
                        OptionDefinition.choice(NAME + ".set", "provider", true, "choice.ai",
                                Arrays.stream(AiProvider.values()).map(AiProvider::option).toList()),
                        OptionDefinition.string(NAME + ".set", "model", false, 1, 100))),
                OptionDefinition.subCommand(NAME, "key", List.of()));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        return switch (context.subCommand()) {
            case "set" -> set(context);
            case "key" -> askForKey(context);
            default -> throw new BadInputException("error.unknown-command");
        };
    }

    private InteractionOutcome set(CommandContext context) {
        Texts texts = context.texts();
        AiProvider provider = AiProvider.fromOption(context.requiredString("provider"))
                .orElseThrow(() -> new BadInputException("error.invalid-option", "provider"));
        Optional<String> model = context.string("model").map(String::strip);
        if (model.isPresent() && !MODEL.matcher(model.get()).matches()) {
            throw new BadInputException("ai.model-invalid");
        }
        // a key belongs to one provider: keep it only when the provider stays the same
        GuildSettings stored = context.updateSettings(current -> current.withAi(provider, model.orElse(null),
                provider == current.aiProvider() ? current.aiKeyCiphertext() : null, context.now())).after();
        String text = texts.get("ai.provider-set", providerName(stored.aiProvider(), texts),
                stored.aiModel() == null ? texts.get("ai.model-default") : stored.aiModel())
                + "\n" + texts.get(stored.aiKeyCiphertext() != null ? "ai.key-kept" : "ai.key-needed");
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }

    private InteractionOutcome askForKey(CommandContext context) {
        Texts texts = context.texts();
        AiProvider provider = providerOrRefuse(context);
        if (sealer.isEmpty()) {
            throw new BadInputException("ai.no-master-key");
        }
        Modal modal = new Modal(MODAL_ID, texts.get("ai.modal-title", providerName(provider, texts)), List.of(
                new Component.Label(texts.get("ai.modal-label"), texts.get("ai.modal-description"),
                        new Component.TextInput(KEY_INPUT, Component.TextInput.SHORT, KEY_MIN, KEY_MAX, true, null))));
        return new InteractionOutcome.Respond(InteractionResponse.modal(modal));
    }

    @Override
    public InteractionOutcome onModalSubmit(CommandContext context) {
        if (!MODAL_ID.equals(context.interaction().data().customId())) {
            throw new BadInputException("error.unknown-component");
        }
        Texts texts = context.texts();
        providerOrRefuse(context);
        SecretSealer activeSealer = sealer.orElseThrow(() -> new BadInputException("ai.no-master-key"));
        String key = Optional.ofNullable(context.modalFields().get(KEY_INPUT)).map(String::strip).orElse("");
        if (key.length() < KEY_MIN || key.length() > KEY_MAX || !KEY.matcher(key).matches()) {
            throw new BadInputException("ai.key-invalid", KEY_MIN, KEY_MAX);
        }
        String sealed = activeSealer.seal(context.guildId(), key);
        GuildSettings stored = context.updateSettings(current -> {
            if (current.aiProvider() == null) {
                throw new BadInputException("ai.no-provider");
            }
            return current.withAi(current.aiProvider(), current.aiModel(), sealed, context.now());
        }).after();
        String lastFour = escapeMarkdown(key.substring(key.length() - 4));
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(
                texts.get("ai.key-saved", providerName(stored.aiProvider(), texts), lastFour))));
    }

    private static AiProvider providerOrRefuse(CommandContext context) {
        AiProvider provider = context.settings().aiProvider();
        if (provider == null) {
            throw new BadInputException("ai.no-provider");
        }
        return provider;
    }

    private static String escapeMarkdown(String text) {
        return text.replaceAll("([\\\\*_~`|>#\\[\\]()<:-])", "\\\\$1");
    }

    public static String providerName(AiProvider provider, Texts texts) {
        return texts.get("choice.ai." + provider.option());
    }
}

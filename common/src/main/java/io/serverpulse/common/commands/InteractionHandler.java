package io.serverpulse.common.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.serverpulse.common.commands.InteractionOutcome.Defer;
import io.serverpulse.common.commands.InteractionOutcome.Rejected;
import io.serverpulse.common.commands.InteractionOutcome.Respond;
import io.serverpulse.common.ai.AiServices;
import io.serverpulse.common.commands.interaction.Interaction;
import io.serverpulse.common.commands.interaction.InteractionParser;
import io.serverpulse.common.commands.interaction.InteractionType;
import io.serverpulse.common.commands.interaction.NotAnInteractionException;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.digest.ChannelNames;
import io.serverpulse.common.digest.DigestSchedules;
import io.serverpulse.common.digest.RestChannelNames;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-free command core: a raw interaction in, a Discord interaction response out. The
 * HTTP endpoint (after verifying the signature) and the gateway adapter both call
 * {@link #handle(String)}; a worker calls {@link #completeDeferred(DeferredWork)} for deferred answers.
 *
 * <p>Nothing escapes: bad input, refusals, an unreachable store and bugs all become ephemeral,
 * localized messages (see {@link Failures}); only a body that is not an interaction at all comes
 * back as {@link Rejected} (HTTP 400). Every answer is checked against Discord's limits before it
 * leaves ({@link ResponseLimits}). The fast path reads and writes the store and nothing slower;
 * exports and charts are deferred. A transport with a time budget splits {@link #handle} into
 * {@link #prepare} (no store) and {@link Prepared#run()} (may read the store), and runs the second
 * where a slow database holds up nothing else.
 */
public final class InteractionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

    private final Store store;
    private final CommandRegistry registry;
    private final Clock clock;
    private final ChannelDirectory channels;
    private final InteractionParser parser = new InteractionParser();

    /** Channels are accepted only when the interaction resolves them with its own guild ({@link ChannelDirectory#NONE}). */
    public InteractionHandler(Store store, CommandRegistry registry, Clock clock) {
        this(store, registry, clock, ChannelDirectory.NONE);
    }

    /** @param channels asked where a channel belongs when the interaction did not resolve it with its guild */
    public InteractionHandler(Store store, CommandRegistry registry, Clock clock, ChannelDirectory channels) {
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    /**
     * The standard commands, sealing AI keys with the configured master key when there is one, and scoring
     * sentiment for guilds that opt in when the operator enabled message content. With a bot token
     * ({@code DISCORD_TOKEN}), a channel the interaction did not resolve with its guild is looked up on Discord's
     * REST API ({@link DiscordChannelDirectory}); without one it is refused. The bot token also names channels
     * in {@code /pulse}'s chart (over REST, on first use).
     */
    public static InteractionHandler create(ServerPulseConfig config, Store store) {
        return create(config, store, Optional.empty());
    }

    /** The same, with the guilds' digest schedules kept in {@code schedules} (the AWS mode). */
    public static InteractionHandler create(ServerPulseConfig config, Store store, Optional<DigestSchedules> schedules) {
        ChannelDirectory channels = config.discordToken().isPresent()
                ? DiscordChannelDirectory.lazy(config.discordApiBaseUrl(), config.discordToken().get())
                : ChannelDirectory.NONE;
        ChannelNames names = config.discordToken().<ChannelNames>map(token ->
                RestChannelNames.lazy(config.discordApiBaseUrl(), token)).orElse(ChannelNames.NONE);
        return new InteractionHandler(store, CommandRegistry.standard(config.messageContentIntent(), AiServices.of(config),
                names, schedules), Clock.systemUTC(), channels);
    }

    /** Answers one interaction body (the raw JSON Discord sent). Never throws. */
    public InteractionOutcome handle(String rawJson) {
        return prepare(rawJson).run();
    }

    /**
     * The part of answering that never touches the store: reads the body, answers PING, autocomplete, an
     * interaction outside a server, an unknown command and a member without the command's permission, and
     * otherwise finds the command to run. A transport with a time budget runs this at once and only
     * {@link Prepared#run()} where a slow database cannot hold up anything else. Never throws.
     */
    public Prepared prepare(String rawJson) {
        Interaction interaction;
        try {
            interaction = parser.parse(rawJson);
        } catch (NotAnInteractionException e) {
            LOG.debug("Rejected a body that is not an interaction: {}", e.getMessage());
            return new Prepared(new Rejected(e.getMessage()), null, null, null, null);
        } catch (RuntimeException e) {
            LOG.error("Could not read an interaction body", e);
            return new Prepared(new Rejected("body could not be read"), null, null, null, null);
        }
        Texts texts = Texts.forLocale(interaction.locale());
        String what = describe(interaction);
        try {
            Optional<InteractionOutcome> early = withoutCommand(interaction, texts);
            if (early.isPresent()) {
                return new Prepared(checked(early.get(), texts, what), interaction, texts, what, null);
            }
            Command command = command(interaction);
            if (command.definition().admin() && !Permissions.canManageGuild(interaction.permissions().orElseThrow())) {
                LOG.info("Refused /{} to a member without Manage Server in guild {}", command.definition().name(),
                        interaction.guildId().orElseThrow());
                return new Prepared(new Respond(InteractionResponse.message(MessageBody.ephemeralText(texts.get("error.not-admin")))),
                        interaction, texts, what, null);
            }
            return new Prepared(null, interaction, texts, what, command);
        } catch (Exception e) {
            return new Prepared(new Respond(InteractionResponse.message(Failures.message(e, texts, what))), interaction, texts,
                    what, null);
        }
    }

    /**
     * An interaction read and routed: either already answered ({@link #answered()}), or a command that
     * {@link #run()} executes (it may read and write the store).
     */
    public final class Prepared {
        private final InteractionOutcome answer;
        private final Interaction interaction;
        private final Texts texts;
        private final String what;
        private final Command command;

        private Prepared(InteractionOutcome answer, Interaction interaction, Texts texts, String what, Command command) {
            this.answer = answer;
            this.interaction = interaction;
            this.texts = texts;
            this.what = what;
            this.command = command;
        }

        /** The answer, when it needed no command (and no store). */
        public Optional<InteractionOutcome> answered() {
            return Optional.ofNullable(answer);
        }

        /** The member's texts (English for a body that was not an interaction). */
        public Texts texts() {
            return texts == null ? Texts.english() : texts;
        }

        /** The interaction type, for a transport that must say "thinking…" the right way; empty if rejected. */
        public Optional<InteractionType> type() {
            return interaction == null ? Optional.empty() : Optional.of(interaction.type());
        }

        /** Runs the command (or returns the answer already decided). Never throws. */
        public InteractionOutcome run() {
            if (answer != null) {
                return answer;
            }
            InteractionOutcome outcome;
            try {
                CommandContext context = new CommandContext(interaction, texts, store, clock.instant(), channels);
                outcome = switch (interaction.type()) {
                    case APPLICATION_COMMAND -> command.execute(context);
                    case MESSAGE_COMPONENT -> command.onComponent(context);
                    case MODAL_SUBMIT -> command.onModalSubmit(context);
                    default -> throw new IllegalStateException("unrouted interaction type " + interaction.type());
                };
            } catch (Exception e) {
                outcome = new Respond(InteractionResponse.message(Failures.message(e, texts, what)));
            }
            return checked(outcome, texts, what);
        }

        @Override
        public String toString() {
            return "Prepared[" + (what == null ? "rejected" : what) + (command == null ? ", answered" : "") + "]";
        }
    }

    /** Finishes a deferred answer: the edit of {@code @original} to send. Never throws. */
    public FollowUp completeDeferred(DeferredWork work) {
        Texts texts = Texts.forLocale(work.locale());
        String what = "deferred /" + work.command() + " in guild " + work.guildId();
        MessageBody body;
        try {
            Command command = registry.find(work.command())
                    .orElseThrow(() -> new IllegalArgumentException("no command " + work.command()));
            body = command.completeDeferred(new DeferredContext(work, texts, store, clock.instant()));
        } catch (Exception e) {
            body = Failures.message(e, texts, what);
        }
        List<String> violations = ResponseLimits.checkEdit(body.toJson(false), body.files().size());
        if (!violations.isEmpty()) {
            body = Failures.invalidAnswer(texts, what, violations);
        }
        return new FollowUp(work.applicationId(), work.token(), body.toJson(false), body.files());
    }

    /** The body of {@code PUT /applications/{application.id}/commands} for these commands. */
    public ArrayNode registrationJson() {
        return registry.registrationJson();
    }

    /** PING, autocomplete and interactions outside a server are answered without a command. */
    private static Optional<InteractionOutcome> withoutCommand(Interaction interaction, Texts texts) {
        switch (interaction.type()) {
            case PING:
                return Optional.of(new Respond(InteractionResponse.pong()));
            case APPLICATION_COMMAND_AUTOCOMPLETE:
                return Optional.of(new Respond(InteractionResponse.noSuggestions()));
            default:
                break;
        }
        if (!interaction.inGuild()) {
            return Optional.of(new Respond(InteractionResponse.message(MessageBody.ephemeralText(texts.get("error.guild-only")))));
        }
        return Optional.empty();
    }

    /** The command a slash command, component or modal belongs to. */
    private Command command(Interaction interaction) {
        String name = interaction.type() == InteractionType.APPLICATION_COMMAND
                ? interaction.data().name()
                : commandOf(interaction.data().customId());
        return registry.find(name).orElseThrow(() -> new BadInputException(
                interaction.type() == InteractionType.APPLICATION_COMMAND
                        ? "error.unknown-command" : "error.unknown-component"));
    }

    private static String commandOf(String customId) {
        int colon = customId.indexOf(':');
        return colon <= 0 || customId.length() > ResponseLimits.MAX_CUSTOM_ID ? "" : customId.substring(0, colon);
    }

    private static InteractionOutcome checked(InteractionOutcome outcome, Texts texts, String what) {
        InteractionResponse response;
        if (outcome instanceof Respond respond) {
            response = respond.response();
        } else if (outcome instanceof Defer defer) {
            response = defer.response();
        } else {
            return outcome;
        }
        List<String> violations = ResponseLimits.checkResponse(response.body(), response.files().size());
        if (violations.isEmpty()) {
            return outcome;
        }
        return new Respond(InteractionResponse.message(Failures.invalidAnswer(texts, what, violations)));
    }

    private static String describe(Interaction interaction) {
        String target = interaction.data().name().isEmpty() ? interaction.data().customId() : "/" + interaction.data().name();
        // member-chosen text goes to the log: keep it short and on one line
        String safe = (target.length() > 120 ? target.substring(0, 120) : target).replaceAll("[^\\p{Graph} ]", "?");
        return interaction.type() + " " + safe + interaction.guildId().map(id -> " in guild " + id).orElse("");
    }
}

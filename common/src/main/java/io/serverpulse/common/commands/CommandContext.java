package io.serverpulse.common.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.commands.interaction.CommandOption;
import io.serverpulse.common.commands.interaction.Interaction;
import io.serverpulse.common.commands.interaction.ResolvedChannel;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One interaction in a guild, with typed access to its options. Option getters throw
 * {@link BadInputException} naming the option when it is missing or malformed. A channel, from an option
 * or a select, is accepted only if it belongs to the interaction's guild ({@link #checkChannel}).
 */
public final class CommandContext {

    private static final Logger LOG = LoggerFactory.getLogger(CommandContext.class);

    private final Interaction interaction;
    private final Texts texts;
    private final Store store;
    private final Instant now;
    private final long guildId;
    private final ChannelDirectory channels;

    public CommandContext(Interaction interaction, Texts texts, Store store, Instant now) {
        this(interaction, texts, store, now, ChannelDirectory.NONE);
    }

    /** @param channels asked where a channel belongs when the interaction did not resolve it with its guild */
    public CommandContext(Interaction interaction, Texts texts, Store store, Instant now, ChannelDirectory channels) {
        this.interaction = interaction;
        this.texts = texts;
        this.store = store;
        this.now = now;
        this.channels = Objects.requireNonNull(channels, "channels");
        this.guildId = interaction.guildId().orElseThrow(() -> new IllegalArgumentException("not in a guild"));
    }

    public Interaction interaction() {
        return interaction;
    }

    public Texts texts() {
        return texts;
    }

    public Store store() {
        return store;
    }

    public Instant now() {
        return now;
    }

    public long guildId() {
        return guildId;
    }

    public GuildSettings settings() {
        return store.settings(guildId);
    }

    /**
     * Changes the guild's settings atomically ({@link io.serverpulse.common.settings.SettingsStore#updateSettings}):
     * {@code change} may run more than once, on the settings as stored at that moment, and must only
     * compute its result from them (it may throw a {@link BadInputException} to refuse: nothing is
     * stored). Returning its argument itself writes nothing. The result tells what was stored and
     * what it was computed from: build the reply from it.
     */
    public SettingsChange updateSettings(UnaryOperator<GuildSettings> change) {
        AtomicReference<GuildSettings> seen = new AtomicReference<>();
        GuildSettings stored = store.updateSettings(guildId, current -> {
            seen.set(current);
            return change.apply(current);
        });
        return new SettingsChange(seen.get(), stored);
    }

    /** The invoked sub command's name ({@code ai-provider set} → {@code set}). */
    public String subCommand() {
        return interaction.data().options().stream().filter(CommandOption::isSubCommand).map(CommandOption::name)
                .findFirst().orElseThrow(() -> new BadInputException("error.unknown-command"));
    }

    /** The options of the command, or of its sub command when one was invoked. */
    private List<CommandOption> options() {
        List<CommandOption> top = interaction.data().options();
        return top.stream().filter(CommandOption::isSubCommand).findFirst().map(CommandOption::options).orElse(top);
    }

    private Optional<JsonNode> value(String name) {
        return options().stream().filter(o -> o.name().equals(name) && !o.isSubCommand()).findFirst()
                .map(CommandOption::value);
    }

    /** The option's name as the member sees it (localized at registration), for messages. */
    public String label(String name) {
        StringBuilder key = new StringBuilder("cmd.").append(interaction.data().name());
        interaction.data().options().stream().filter(CommandOption::isSubCommand).findFirst()
                .ifPresent(sub -> key.append('.').append(sub.name()));
        return texts.find(key.append('.').append(name).append(".name").toString()).orElse(name);
    }

    public Optional<String> string(String name) {
        Optional<JsonNode> value = value(name);
        if (value.isPresent() && !value.get().isTextual()) {
            throw new BadInputException("error.invalid-option", label(name));
        }
        return value.map(JsonNode::textValue);
    }

    public String requiredString(String name) {
        return string(name).orElseThrow(() -> new BadInputException("error.missing-option", label(name)));
    }

    public Optional<Long> integer(String name) {
        Optional<JsonNode> value = value(name);
        if (value.isPresent() && !(value.get().isIntegralNumber() && value.get().canConvertToLong())) {
            throw new BadInputException("error.invalid-option", label(name));
        }
        return value.map(JsonNode::longValue);
    }

    public Optional<Double> number(String name) {
        Optional<JsonNode> value = value(name);
        if (value.isPresent() && !(value.get().isNumber() && Double.isFinite(value.get().doubleValue()))) {
            throw new BadInputException("error.invalid-option", label(name));
        }
        return value.map(JsonNode::doubleValue);
    }

    /** A channel option's id, of any type, checked to belong to this guild. */
    public long requiredChannel(String name) {
        return requiredChannel(name, Set.of());
    }

    /** A user option's id (Discord sends the snowflake as a string). */
    public long requiredUser(String name) {
        JsonNode value = value(name).orElseThrow(() -> new BadInputException("error.missing-option", label(name)));
        return (value.isTextual() ? snowflake(value.textValue()) : Optional.<Long>empty())
                .orElseThrow(() -> new BadInputException("error.invalid-option", label(name)));
    }

    /** The member who invoked the interaction. */
    public long userId() {
        return interaction.userId().orElseThrow(() -> new BadInputException("error.guild-only"));
    }

    /**
     * A channel option: its id, checked to belong to this guild and, when Discord resolved the channel, to be of
     * one of the types offered at registration ({@code allowedTypes}; empty: any type).
     */
    public long requiredChannel(String name, Set<Integer> allowedTypes) {
        JsonNode value = value(name).orElseThrow(() -> new BadInputException("error.missing-option", label(name)));
        long id = (value.isTextual() ? snowflake(value.textValue()) : Optional.<Long>empty())
                .orElseThrow(() -> new BadInputException("error.invalid-option", label(name)));
        checkChannel(id, allowedTypes);
        return id;
    }

    /**
     * Throws {@link BadInputException} unless the channel belongs to this interaction's guild, and, when Discord
     * resolved its type, unless that type is in {@code allowedTypes} (empty: any type). Where it belongs:
     * <ul>
     *   <li>Discord resolved it with a {@code guild_id} ({@code data.resolved.channels}): that guild;</li>
     *   <li>Discord resolved it without one (its documented partial channel: id, name, type, permissions):
     *       the interaction's guild — Discord resolves a channel option or select value only among the channels
     *       of the guild the interaction comes from;</li>
     *   <li>not resolved at all: the {@link ChannelDirectory} is asked (Discord's REST API with the bot token);
     *       if it cannot say, the channel is refused as unverified.</li>
     * </ul>
     */
    public void checkChannel(long channelId, Set<Integer> allowedTypes) {
        String mention = "<#" + Long.toUnsignedString(channelId) + ">";
        ResolvedChannel resolved = interaction.data().resolvedChannels().get(channelId);
        Optional<Long> owner = resolved == null ? askOwner(channelId)
                : Optional.of(resolved.hasGuild() ? resolved.guildId() : guildId);
        if (owner.isEmpty()) {
            throw new BadInputException("error.channel-unverified", mention);
        }
        if (owner.get() != guildId) {
            LOG.info("Refused channel {} of guild {} in an interaction of guild {}", Long.toUnsignedString(channelId),
                    Long.toUnsignedString(owner.get()), Long.toUnsignedString(guildId));
            throw new BadInputException("error.channel-other-guild", mention);
        }
        if (resolved != null && resolved.type() >= 0 && !allowedTypes.isEmpty() && !allowedTypes.contains(resolved.type())) {
            throw new BadInputException("error.channel-type", mention);
        }
    }

    private Optional<Long> askOwner(long channelId) {
        try {
            return channels.guildOf(channelId);
        } catch (RuntimeException e) {
            LOG.warn("Could not ask Discord where channel {} belongs: {}", Long.toUnsignedString(channelId), e.getMessage());
            return Optional.empty();
        }
    }

    /** Work to finish after a DEFERRED answer, carrying this interaction's token, guild, member and locale. */
    public DeferredWork deferredWork(String command, Map<String, String> args) {
        return new DeferredWork(command, interaction.applicationId(), interaction.token(), guildId,
                interaction.userId().orElse(0L), interaction.locale(), interaction.attachmentSizeLimit(), args);
    }

    /** The custom id's part after {@code <command>:}. */
    public String componentAction() {
        String customId = interaction.data().customId();
        int colon = customId.indexOf(':');
        return colon < 0 ? "" : customId.substring(colon + 1);
    }

    public List<String> values() {
        return interaction.data().values();
    }

    public Map<String, String> modalFields() {
        return interaction.data().fields();
    }

    public static Optional<Long> snowflake(String text) {
        if (text == null || text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            long id = Long.parseUnsignedLong(text);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.serverpulse.emulator.interactions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.discord.Snowflake;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds interactions as Discord sends them (developers/interactions/receiving-and-responding,
 * "Interaction Object"), independent of how they travel: the HTTP sender signs and POSTs them, the
 * gateway wraps them in an INTERACTION_CREATE dispatch.
 *
 * <p>Every interaction gets a fresh snowflake {@code id} (from the clock) and a fresh random
 * {@code token}.
 */
public final class InteractionFactory {

    public static final int PING = 1;
    public static final int APPLICATION_COMMAND = 2;
    public static final int MESSAGE_COMPONENT = 3;
    public static final int MODAL_SUBMIT = 5;

    /** Discord's default attachment size limit for an interaction response (10 MiB). */
    static final int ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;
    private static final int GUILD_INSTALL = 0;
    private static final int CONTEXT_GUILD = 0;

    private final long applicationId;
    private final Clock clock;
    private final Random random;
    private final AtomicLong sequence = new AtomicLong();

    public InteractionFactory(long applicationId, Clock clock) {
        this(applicationId, clock, new SecureRandom());
    }

    /** With a given random source for the tokens (a seeded one makes them reproducible). */
    public InteractionFactory(long applicationId, Clock clock, Random random) {
        this.applicationId = applicationId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public long applicationId() {
        return applicationId;
    }

    /** The PING Discord sends to check an endpoint (and when the URL is saved). */
    public ObjectNode ping() {
        ObjectNode ping = base(PING);
        ping.putArray("entitlements");
        ping.putObject("authorizing_integration_owners");
        return ping;
    }

    /** A chat-input command invoked by a member in a guild channel. */
    public ObjectNode slashCommand(Invoker invoker, SlashCommand command) {
        ObjectNode interaction = inGuild(APPLICATION_COMMAND, invoker);
        ObjectNode data = interaction.putObject("data");
        data.put("id", Long.toUnsignedString(command.commandId()));
        data.put("name", command.name());
        data.put("type", 1);
        Resolved resolved = new Resolved(invoker.member().permissions());
        ArrayNode options = data.putArray("options");
        for (SlashCommand.Option option : command.options()) {
            options.add(option(option, resolved));
        }
        if (options.isEmpty()) {
            data.remove("options");
        }
        resolved.writeTo(data);
        return interaction;
    }

    /** A click on a button, or a choice in a select menu, of one of the bot's messages. */
    public ObjectNode componentUse(Invoker invoker, SourceMessage message, ComponentUse use) {
        ObjectNode interaction = inGuild(MESSAGE_COMPONENT, invoker);
        interaction.set("message", message.toJson());
        ObjectNode data = interaction.putObject("data");
        data.put("custom_id", use.customId());
        data.put("component_type", use.componentType());
        if (use.isSelect()) {
            ArrayNode values = data.putArray("values");
            use.values().forEach(values::add);
        }
        Resolved resolved = new Resolved(invoker.member().permissions());
        use.channels().forEach(resolved::channel);
        resolved.writeTo(data);
        return interaction;
    }

    /** A submitted modal. */
    public ObjectNode modalSubmit(Invoker invoker, ModalSubmit submit) {
        ObjectNode interaction = inGuild(MODAL_SUBMIT, invoker);
        ObjectNode data = interaction.putObject("data");
        data.put("custom_id", submit.customId());
        ArrayNode components = data.putArray("components");
        int componentId = 1;
        for (ModalSubmit.Field field : submit.fields()) {
            ObjectNode layout = components.addObject();
            ObjectNode input = Entities.JSON.objectNode();
            if (submit.layout() == ModalSubmit.Layout.LABEL) {
                layout.put("type", 18).put("id", componentId++);
                layout.set("component", input);
            } else {
                layout.put("type", 1).put("id", componentId++);
                layout.putArray("components").add(input);
            }
            input.put("type", 4).put("id", componentId++).put("custom_id", field.customId()).put("value", field.value());
        }
        return interaction;
    }

    private ObjectNode base(int type) {
        long id = nextId();
        ObjectNode interaction = Entities.JSON.objectNode();
        interaction.put("id", Long.toUnsignedString(id));
        interaction.put("application_id", Long.toUnsignedString(applicationId));
        interaction.put("type", type);
        interaction.put("token", token(id));
        interaction.put("version", 1);
        return interaction;
    }

    private ObjectNode inGuild(int type, Invoker invoker) {
        ObjectNode interaction = base(type);
        String guildId = Long.toUnsignedString(invoker.guild().id());
        interaction.put("app_permissions", Long.toUnsignedString(invoker.appPermissions()));
        interaction.putObject("authorizing_integration_owners").put(Integer.toString(GUILD_INSTALL), guildId);
        interaction.set("channel", invoker.channel().toJson(invoker.member().permissions()));
        interaction.put("channel_id", Long.toUnsignedString(invoker.channel().id()));
        interaction.put("context", CONTEXT_GUILD);
        interaction.putArray("entitlements");
        interaction.set("guild", invoker.guild().toJson());
        interaction.put("guild_id", guildId);
        interaction.put("guild_locale", invoker.guild().locale());
        interaction.put("locale", invoker.locale());
        interaction.set("member", invoker.member().toJson());
        interaction.put("attachment_size_limit", ATTACHMENT_SIZE_LIMIT);
        return interaction;
    }

    private static ObjectNode option(SlashCommand.Option option, Resolved resolved) {
        ObjectNode node = Entities.JSON.objectNode();
        node.put("name", option.name());
        if (option instanceof SlashCommand.Value value) {
            node.put("type", value.type());
            node.set("value", value.value());
            resolved.add(value.resolved());
        } else if (option instanceof SlashCommand.Subcommand subcommand) {
            node.put("type", 1);
            ArrayNode options = node.putArray("options");
            subcommand.options().forEach(value -> options.add(option(value, resolved)));
        } else if (option instanceof SlashCommand.Group group) {
            node.put("type", 2);
            node.putArray("options").add(option(group.subcommand(), resolved));
        }
        return node;
    }

    private long nextId() {
        return Snowflake.of(clock.instant(), sequence.getAndIncrement() & ((1L << 22) - 1));
    }

    /** Like Discord's: base64url of "interaction:&lt;id&gt;:" and random bytes. */
    private String token(long id) {
        byte[] secret = new byte[48];
        random.nextBytes(secret);
        String prefix = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("interaction:" + Long.toUnsignedString(id) + ":").getBytes(StandardCharsets.US_ASCII));
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The entities referenced by options or selected values, keyed by id as Discord keys them. */
    private static final class Resolved {
        private final ObjectNode users = Entities.JSON.objectNode();
        private final ObjectNode members = Entities.JSON.objectNode();
        private final ObjectNode channels = Entities.JSON.objectNode();
        private final ObjectNode roles = Entities.JSON.objectNode();
        private final long memberPermissions;

        Resolved(long memberPermissions) {
            this.memberPermissions = memberPermissions;
        }

        void add(Object entity) {
            if (entity instanceof Entities.Channel channel) {
                channel(channel);
            } else if (entity instanceof Entities.Member member) {
                String id = Long.toUnsignedString(member.user().id());
                users.set(id, member.user().toJson());
                members.set(id, member.partialJson());
            } else if (entity instanceof Entities.Role role) {
                roles.set(Long.toUnsignedString(role.id()), role.toJson());
            }
        }

        void channel(Entities.Channel channel) {
            // Discord lists the invoking member's permissions in that channel; the emulator has no overwrites, so the same as where invoked
            channels.set(Long.toUnsignedString(channel.id()), channel.toJson(memberPermissions));
        }

        void writeTo(ObjectNode data) {
            ObjectNode resolved = Entities.JSON.objectNode();
            if (!users.isEmpty()) {
                resolved.set("users", users);
            }
            if (!members.isEmpty()) {
                resolved.set("members", members);
            }
            if (!channels.isEmpty()) {
                resolved.set("channels", channels);
            }
            if (!roles.isEmpty()) {
                resolved.set("roles", roles);
            }
            if (!resolved.isEmpty()) {
                data.set("resolved", resolved);
            }
        }
    }
}

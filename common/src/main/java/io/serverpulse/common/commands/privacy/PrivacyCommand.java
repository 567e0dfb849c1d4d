package io.serverpulse.common.commands.privacy;

import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.Permissions;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.privacy.MemberErasure;
import io.serverpulse.common.privacy.MemberOptOut;
import io.serverpulse.common.settings.Retention;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /privacy}: a member's control over what ServerPulse keeps about them in this server.
 * <ul>
 *   <li>{@code opt-out}: stored on its own (never in the guild's settings); the collector stops
 *       counting the member's messages, reactions, voice and sentiment from their next event, and
 *       rankings and exports leave them out. What was counted before stays, hidden, until it expires
 *       or is erased.</li>
 *   <li>{@code opt-in}: undoes it; the member is counted from their next event on.</li>
 *   <li>{@code forget}: erases the member's rows now ({@link io.serverpulse.common.store.GuildDataStore#eraseMember})
 *       and says what was erased; an opt-out stays in force.</li>
 *   <li>{@code purge-member member:<@member>}: the same for an admin (Manage Server, checked here:
 *       the command itself is for everyone).</li>
 * </ul>
 * Every answer is ephemeral. The log names the guild, never the member.
 */
public final class PrivacyCommand implements Command {

    public static final String NAME = "privacy";
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyCommand.class);

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.everyone(NAME,
                OptionDefinition.subCommand(NAME, "opt-out", List.of()),
                OptionDefinition.subCommand(NAME, "opt-in", List.of()),
                OptionDefinition.subCommand(NAME, "forget", List.of()),
                OptionDefinition.subCommand(NAME, "purge-member", List.of(OptionDefinition.user(NAME + ".purge-member", "member", true))));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        return switch (context.subCommand()) {
            case "opt-out" -> optOut(context);
            case "opt-in" -> optIn(context);
            case "forget" -> forget(context);
            case "purge-member" -> purge(context);
            default -> throw new BadInputException("error.unknown-command");
        };
    }

    private static InteractionOutcome optOut(CommandContext context) {
        Texts texts = context.texts();
        long member = context.userId();
        boolean recorded = context.store().optOut(new MemberOptOut(context.guildId(), member, context.now()));
        if (!recorded) {
            Optional<MemberOptOut> since = context.store().optOut(context.guildId(), member);
            return reply(texts.get("privacy.already-out", since.map(o -> "<t:" + o.since().getEpochSecond() + ":f>").orElse("?")));
        }
        LOG.info("A member opted out in guild {}", context.guildId());
        Retention retention = context.store().retentionPolicy().inForce(context.settings());
        return reply(texts.get("privacy.opted-out", retention.metricsDays()));
    }

    private static InteractionOutcome optIn(CommandContext context) {
        boolean removed = context.store().optIn(context.guildId(), context.userId());
        if (removed) {
            LOG.info("A member opted in again in guild {}", context.guildId());
        }
        return reply(context.texts().get(removed ? "privacy.opted-in" : "privacy.not-out"));
    }

    private static InteractionOutcome forget(CommandContext context) {
        long member = context.userId();
        MemberErasure erased = context.store().eraseMember(context.guildId(), member);
        boolean optedOut = context.store().optOut(context.guildId(), member).isPresent();
        return reply(context.texts().get("privacy.forgotten", erased.memberHourRows(), erased.memberDayRows(), erased.memberEvents(),
                erased.cachedLeaderboards()) + "\n" + context.texts().get(optedOut ? "privacy.still-out" : "privacy.still-counted"));
    }

    private static InteractionOutcome purge(CommandContext context) {
        if (!Permissions.canManageGuild(context.interaction().permissions().orElse(null))) {
            LOG.info("Refused /privacy purge-member to a member without Manage Server in guild {}", context.guildId());
            return reply(context.texts().get("error.not-admin"));
        }
        long member = context.requiredUser("member");
        MemberErasure erased = context.store().eraseMember(context.guildId(), member);
        LOG.info("An admin purged a member's data in guild {}: {} rows", context.guildId(), erased.total());
        return reply(context.texts().get("privacy.purged", "<@" + Long.toUnsignedString(member) + ">", erased.memberHourRows(),
                erased.memberDayRows(), erased.memberEvents(), erased.cachedLeaderboards()));
    }

    private static InteractionOutcome reply(String text) {
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(text)));
    }
}

package io.serverpulse.common.commands;

import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;

/**
 * One slash command (or family: its sub commands, components and modals). Components and modals
 * belong to a command through their {@code custom_id}, which starts with the command's name and a
 * colon ({@code setup:digest}); the handler routes them here and re-checks the command's permission
 * first. Commands throw {@link BadInputException} for input a member can fix; every other failure is
 * mapped to a message in one place ({@link Failures}).
 */
public interface Command {

    CommandDefinition definition();

    /** The answer to the slash command. */
    InteractionOutcome execute(CommandContext context);

    /** The answer to one of this command's components (buttons, selects). */
    default InteractionOutcome onComponent(CommandContext context) {
        throw new BadInputException("error.unknown-component");
    }

    /** The answer to one of this command's modals. */
    default InteractionOutcome onModalSubmit(CommandContext context) {
        throw new BadInputException("error.unknown-component");
    }

    /** Finishes work this command deferred: the message that replaces the "thinking…" answer. */
    default MessageBody completeDeferred(DeferredContext context) {
        throw new IllegalStateException(definition().name() + " defers no work");
    }
}

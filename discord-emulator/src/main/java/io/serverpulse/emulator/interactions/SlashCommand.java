package io.serverpulse.emulator.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Objects;

/**
 * A chat-input command as a user invoked it: its name and the options they filled in, with
 * subcommands and subcommand groups nesting as Discord nests them.
 *
 * @param commandId the registered command's id ({@code data.id})
 * @param name      the command's name ({@code data.name})
 * @param options   top-level options: values, one subcommand, or one subcommand group
 */
public record SlashCommand(long commandId, String name, List<SlashCommand.Option> options) {

    public SlashCommand {
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
    }

    public static SlashCommand of(long commandId, String name, Option... options) {
        return new SlashCommand(commandId, name, List.of(options));
    }

    /** An option of an invoked command. */
    public sealed interface Option permits Value, Subcommand, Group {
        String name();
    }

    /**
     * A filled-in parameter. Channel, user and role options carry the entity so the payload can list
     * it under {@code data.resolved}.
     */
    public record Value(String name, int type, JsonNode value, Object resolved) implements Option {

        public static final int STRING = 3;
        public static final int INTEGER = 4;
        public static final int BOOLEAN = 5;
        public static final int USER = 6;
        public static final int CHANNEL = 7;
        public static final int ROLE = 8;
        public static final int NUMBER = 10;

        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        public static Value string(String name, String value) {
            return new Value(name, STRING, TextNode.valueOf(value), null);
        }

        public static Value integer(String name, long value) {
            return new Value(name, INTEGER, LongNode.valueOf(value), null);
        }

        public static Value number(String name, double value) {
            return new Value(name, NUMBER, DoubleNode.valueOf(value), null);
        }

        public static Value bool(String name, boolean value) {
            return new Value(name, BOOLEAN, BooleanNode.valueOf(value), null);
        }

        public static Value channel(String name, Entities.Channel channel) {
            return new Value(name, CHANNEL, TextNode.valueOf(Long.toUnsignedString(channel.id())), channel);
        }

        /** A user option for a guild member: resolved as both a user and a partial member. */
        public static Value user(String name, Entities.Member member) {
            return new Value(name, USER, TextNode.valueOf(Long.toUnsignedString(member.user().id())), member);
        }

        public static Value role(String name, Entities.Role role) {
            return new Value(name, ROLE, TextNode.valueOf(Long.toUnsignedString(role.id())), role);
        }
    }

    /** A subcommand (option type 1) with its values. */
    public record Subcommand(String name, List<Value> options) implements Option {
        public Subcommand {
            Objects.requireNonNull(name, "name");
            options = List.copyOf(options);
        }

        public static Subcommand of(String name, Value... options) {
            return new Subcommand(name, List.of(options));
        }
    }

    /** A subcommand group (option type 2) with the one subcommand invoked in it. */
    public record Group(String name, Subcommand subcommand) implements Option {
        public Group {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(subcommand, "subcommand");
        }
    }
}

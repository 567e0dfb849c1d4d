package io.serverpulse.common.commands.interaction;

/** A channel Discord resolved for an option or a select: id, name and channel type (-1 if absent). */
public record ResolvedChannel(long id, String name, int type) {
}

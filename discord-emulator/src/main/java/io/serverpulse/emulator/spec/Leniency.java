package io.serverpulse.emulator.spec;

/**
 * A place where Discord's OpenAPI description is stricter than Discord itself: a value the spec
 * rejects but Discord accepts (and that real clients such as JDA send). Each leniency is named,
 * says why, and excuses only the narrow case it describes; everything else is still validated.
 */
public interface Leniency {

    /** A short stable name, e.g. {@code snowflake-as-number}. */
    String name();

    /** Why Discord accepts what the spec rejects, and who sends it. */
    String reason();

    /** Whether this failed keyword is one Discord would in fact accept. */
    boolean excuses(Violation violation);
}

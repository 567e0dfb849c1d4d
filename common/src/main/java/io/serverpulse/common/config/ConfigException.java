package io.serverpulse.common.config;

/**
 * A setting is missing or malformed. The message is one line naming the variable and what is
 * expected, fit to print as is (entry points print it and exit, no stack trace).
 */
public class ConfigException extends RuntimeException {

    private final String variable;

    public ConfigException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The environment variable at fault. */
    public String variable() {
        return variable;
    }
}

package io.serverpulse.interactions.register;

import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.interactions.support.Registration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the real {@code register-commands} tool against an emulator, for other tests' setup. */
public final class RegisterCommandsProbe {

    private RegisterCommandsProbe() {
    }

    /** @return the tool's exit status */
    public static int register(DiscordEmulator discord, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RegisterCommands.run(args, Registration.configFor(discord), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new AssertionError("register-commands failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return status;
    }
}

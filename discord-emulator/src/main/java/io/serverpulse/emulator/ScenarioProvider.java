package io.serverpulse.emulator;

import java.util.List;
import java.util.Optional;

/**
 * A source of named scenarios for the standalone emulator, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.serverpulse.emulator.ScenarioProvider}), so generators can add theirs.
 */
public interface ScenarioProvider {

    /** The names this provider answers to, for {@code --help}. */
    List<String> names();

    /** The scenario called {@code name} (a provider may also accept arguments in it, such as a file path), if this provider has it. */
    Optional<Scenario> scenario(String name);
}

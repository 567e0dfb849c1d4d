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

    /**
     * The scenario called {@code name}, built with the command line's settings. By default a
     * provider takes no settings: giving one for its scenario is an error.
     *
     * @throws IllegalArgumentException if the settings do not fit the scenario, or it cannot be built (a bad file, …)
     */
    default Optional<Scenario> scenario(String name, ScenarioSettings settings) {
        Optional<Scenario> scenario = scenario(name);
        scenario.ifPresent(s -> settings.allowOnly(name));
        return scenario;
    }
}

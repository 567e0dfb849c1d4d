package io.serverpulse.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the command line asks of a generated scenario: its random seed ({@code --seed}), how many
 * events ({@code --events}), how many guilds ({@code --guilds}). Empty means the scenario's default.
 */
public record ScenarioSettings(OptionalLong seed, OptionalInt events, OptionalInt guilds) {

    public static final ScenarioSettings DEFAULTS = new ScenarioSettings(OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty());

    public ScenarioSettings {
        if (events.isPresent() && events.getAsInt() < 1) {
            throw new IllegalArgumentException("--events must be positive: " + events.getAsInt());
        }
        if (guilds.isPresent() && guilds.getAsInt() < 1) {
            throw new IllegalArgumentException("--guilds must be positive: " + guilds.getAsInt());
        }
    }

    public ScenarioSettings withSeed(long value) {
        return new ScenarioSettings(OptionalLong.of(value), events, guilds);
    }

    public ScenarioSettings withEvents(int value) {
        return new ScenarioSettings(seed, OptionalInt.of(value), guilds);
    }

    public ScenarioSettings withGuilds(int value) {
        return new ScenarioSettings(seed, events, OptionalInt.of(value));
    }

    /** The options that were given, as written on the command line. */
    public List<String> given() {
        List<String> given = new ArrayList<>();
        seed.ifPresent(s -> given.add("--seed"));
        events.ifPresent(e -> given.add("--events"));
        guilds.ifPresent(g -> given.add("--guilds"));
        return given;
    }

    /** Refuses the options a scenario does not take. */
    void allowOnly(String scenario, String... options) {
        List<String> refused = new ArrayList<>(given());
        refused.removeAll(List.of(options));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + scenario + "' takes no " + String.join(", ", refused)
                    + (options.length == 0 ? "" : " (it takes " + String.join(", ", options) + ")"));
        }
    }
}

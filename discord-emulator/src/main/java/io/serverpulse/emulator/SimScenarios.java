package io.serverpulse.emulator;

import io.serverpulse.emulator.sim.ScenarioSpec;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.sim.TimelineGenerator;
import io.serverpulse.emulator.sim.TimelineJson;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The simulated communities of the {@code sim} package as standalone scenarios:
 * <ul>
 *   <li>{@code small}: one guild of 40 members over 2 days, 600 events, one incident of each type
 *       ({@code --events}, {@code --seed});</li>
 *   <li>{@code week}: one guild of 1,500 members over 7 days, {@value #WEEK_EVENTS} events by default
 *       ({@code --events} at least 1,000, {@code --seed});</li>
 *   <li>{@code multi-guild}: {@value #GUILDS} guilds of different sizes and time zones over 3 days
 *       ({@code --guilds} up to 500, {@code --events}, {@code --seed});</li>
 *   <li>{@code file:<path.jsonl>}: a timeline file (see {@code TIMELINE_FORMAT.md}); its guilds,
 *       channels and members are the ones the file describes.</li>
 * </ul>
 * The same name and settings always give the same scenario.
 */
public final class SimScenarios implements ScenarioProvider {

    public static final String SMALL = "small";
    public static final String WEEK = "week";
    public static final String MULTI_GUILD = "multi-guild";
    public static final String FILE_PREFIX = "file:";
    /** The seed when {@code --seed} is not given. */
    public static final long DEFAULT_SEED = 20260302L;
    static final int WEEK_EVENTS = 100_000;
    static final int GUILDS = 5;

    @Override
    public List<String> names() {
        return List.of(SMALL, WEEK, MULTI_GUILD, FILE_PREFIX + "<path.jsonl>");
    }

    @Override
    public Optional<Scenario> scenario(String name) {
        return scenario(name, ScenarioSettings.DEFAULTS);
    }

    @Override
    public Optional<Scenario> scenario(String name, ScenarioSettings settings) {
        long seed = settings.seed().orElse(DEFAULT_SEED);
        if (name.startsWith(FILE_PREFIX)) {
            settings.allowOnly(name);
            return Optional.of(scenario(name, file(Path.of(name.substring(FILE_PREFIX.length())))));
        }
        switch (name) {
            case SMALL -> {
                settings.allowOnly(name, "--seed", "--events");
                ScenarioSpec.Builder spec = Scenarios.smallSpec(seed);
                settings.events().ifPresent(spec::targetEvents);
                return Optional.of(scenario(name, TimelineGenerator.generate(spec.build())));
            }
            case WEEK -> {
                settings.allowOnly(name, "--seed", "--events");
                return Optional.of(scenario(name, Scenarios.week(seed, settings.events().orElse(WEEK_EVENTS))));
            }
            case MULTI_GUILD -> {
                settings.allowOnly(name, "--seed", "--events", "--guilds");
                ScenarioSpec.Builder spec = Scenarios.multiGuildSpec(seed, settings.guilds().orElse(GUILDS));
                settings.events().ifPresent(spec::targetEvents);
                return Optional.of(scenario(name, TimelineGenerator.generate(spec.build())));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Scenario scenario(String name, SimulatedCommunity sim) {
        return new Scenario(name, sim.communities(), sim.events(), sim.collectedChannelIds());
    }

    private static SimulatedCommunity file(Path path) {
        try {
            return TimelineJson.read(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no timeline file " + path.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the timeline file " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }
}

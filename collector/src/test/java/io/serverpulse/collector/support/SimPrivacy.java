package io.serverpulse.collector.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.MessageCorpus;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of a simulation must never leave for an AI provider: every id (guilds, channels, members and joiners,
 * emoji, messages), every name (guild, channels, members, emoji) and every word of the emulator's message corpus.
 */
public final class SimPrivacy {

    private static final MessageCorpus CORPUS = MessageCorpus.standard();

    private SimPrivacy() {
    }

    /** Asserts that {@code sent} holds no id, no name and no corpus word of {@code sim}. */
    public static void assertNothingOf(SimulatedCommunity sim, String sent) {
        assertThat(ids(sim)).allSatisfy(id -> assertThat(sent).as("id %s", id).doesNotContain(id));
        assertThat(names(sim)).allSatisfy(name -> assertThat(Pattern.compile("(?i)(?<![\\p{L}\\p{N}_])" + Pattern.quote(name)
                + "(?![\\p{L}\\p{N}_])").matcher(sent).find()).as("name %s", name).isFalse());
        assertThat(CORPUS.leakedTokens(sent)).isEmpty();
    }

    /** Every id of the simulation in decimal: guild, channels, members (joiners included), emoji, messages. */
    public static Set<String> ids(SimulatedCommunity sim) {
        Set<String> ids = new LinkedHashSet<>();
        for (Community c : sim.communities()) {
            ids.add(Long.toString(c.guildId()));
            c.channels().forEach(ch -> ids.add(Long.toString(ch.id())));
            c.members().forEach(m -> ids.add(Long.toString(m.userId())));
            c.emojis().forEach(e -> ids.add(Long.toString(e.id())));
        }
        for (TimelineEvent event : sim.events()) {
            if (event instanceof TimelineEvent.MessageCreate m) {
                ids.add(Long.toString(m.authorId()));
                ids.add(Long.toString(m.messageId()));
            } else if (event instanceof TimelineEvent.MemberAdd m) {
                ids.add(Long.toString(m.userId()));
            }
        }
        return ids;
    }

    /** Every name of the simulation: guild, channels, members, emoji. */
    public static Set<String> names(SimulatedCommunity sim) {
        Set<String> names = new LinkedHashSet<>();
        for (Community c : sim.communities()) {
            names.add(c.name());
            c.channels().forEach(ch -> names.add(ch.name()));
            c.members().forEach(m -> names.add(m.username()));
            c.emojis().forEach(e -> names.add(e.name()));
        }
        sim.events().stream().filter(e -> e instanceof TimelineEvent.MemberAdd)
                .forEach(e -> names.add(((TimelineEvent.MemberAdd) e).username()));
        return names;
    }
}

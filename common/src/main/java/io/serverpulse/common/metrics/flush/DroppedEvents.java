package io.serverpulse.common.metrics.flush;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/** How the flusher's log line names the guilds whose events it dropped. */
final class DroppedEvents {

    /** Guilds named in one log line at most; the rest are counted. */
    static final int NAMED = 5;

    private DroppedEvents() {
    }

    /** {@code 3 guilds: 123 (40), 456 (2), 789 (1)}, the guilds with most drops first. */
    static String describe(Map<Long, Long> byGuild) {
        String named = byGuild.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(NAMED)
                .map(e -> Long.toUnsignedString(e.getKey()) + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        int more = byGuild.size() - NAMED;
        return byGuild.size() + (byGuild.size() == 1 ? " guild: " : " guilds: ") + named + (more > 0 ? ", and " + more + " more" : "");
    }
}

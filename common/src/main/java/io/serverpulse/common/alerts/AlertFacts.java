package io.serverpulse.common.alerts;

import java.util.List;

/**
 * The numbers behind an alert's context sentence, without words: what detection knows about an
 * incident when it opens or ends. {@link AlertMessage#context} words them in the guild's language;
 * the sentence is stored as {@link AlertRecord#context()}.
 */
public sealed interface AlertFacts {

    /**
     * A join raid crossed its level.
     *
     * @param usualPerMinute the usual joins per minute from the 24 h baseline; null while there is none yet
     * @param level the number of joins in the window at which the raid alerts
     */
    record RaidOpened(long joins, long windowMillis, Double usualPerMinute, long level) implements AlertFacts {
    }

    /** A join raid ended: its peak in one window and its joins in all. */
    record RaidEnded(long peak, long total, long windowMillis, Double usualPerMinute) implements AlertFacts {
    }

    /** Messages deleted in one window reached the level, in these channels (none known: empty). */
    record DeletionOpened(long deleted, long windowMillis, List<Long> channels) implements AlertFacts {
        public DeletionOpened {
            channels = List.copyOf(channels);
        }
    }

    /** A mass deletion ended: its peak in one window and its deletions in all. */
    record DeletionEnded(long peak, long total, long windowMillis, List<Long> channels) implements AlertFacts {
        public DeletionEnded {
            channels = List.copyOf(channels);
        }
    }

    /** Members in voice surged over the usual (time-weighted 24 h average). */
    record VoiceOpened(long members, double usual) implements AlertFacts {
    }

    /** A voice surge ended at this peak. */
    record VoiceEnded(long peak, double usual) implements AlertFacts {
    }

    /**
     * An hourly activity-drop check: messages in the last {@code hours} against the mean of the same
     * hours on {@code days} previous days (0: no usual level yet).
     */
    record DropObserved(long observed, double usual, int days, long hours) implements AlertFacts {
    }

    /**
     * An activity drop ended: the first recovered check ({@code null} when the rule was switched
     * off instead), and the messages and usual level the drop began with.
     */
    record DropEnded(DropObserved recovered, long beganWith, double usualThen) implements AlertFacts {
    }
}

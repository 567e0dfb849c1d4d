package io.serverpulse.common.commands;

import java.util.List;

/** Discord channel types ServerPulse offers in channel options and selects. */
public final class ChannelTypes {

    public static final int TEXT = 0;
    public static final int VOICE = 2;
    public static final int ANNOUNCEMENT = 5;

    /** Where digests and alerts can be posted. */
    public static final List<Integer> POSTABLE = List.of(TEXT, ANNOUNCEMENT);
    /** Where messages can be counted (voice channels have a text chat). */
    public static final List<Integer> COLLECTABLE = List.of(TEXT, VOICE, ANNOUNCEMENT);

    private ChannelTypes() {
    }
}
